//! Patients' pages as routes that hydrate in a browser task of their own.
//! Hydrating a page was one long task after the wasm arrived (about 200 ms
//! on Lighthouse's phone model, which counts everything over 50 ms as
//! blocking); the header hydrates first, then the page after a yield to
//! the event loop. Unlike the admin's routes these are not split out of the
//! main module: they are the pages patients load first.

use super::{
    About, ArticleList, ArticlePage, ConsultationPage, ConsultationSent, Contact, Home, Privacy,
    ServiceList, ServicePage,
};
use crate::components::{browser::next_task, Hydrated};
use leptos::prelude::*;
use leptos_router::LazyRoute;

macro_rules! public_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($page), "`, hydrated in its own task.")]
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            // The router awaits this before hydrating the route; awaiting
            // in `view` instead would render the page a second time.
            async fn preload() {
                next_task().await;
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> <Hydrated/> }.into_any()
            }
        }
    )*};
}

public_pages! {
    HomeRoute => Home,
    ServiceListRoute => ServiceList,
    ServiceRoute => ServicePage,
    ArticleListRoute => ArticleList,
    ArticleRoute => ArticlePage,
    AboutRoute => About,
    ContactRoute => Contact,
    PrivacyRoute => Privacy,
    ConsultationRoute => ConsultationPage,
    ConsultationSentRoute => ConsultationSent,
}
