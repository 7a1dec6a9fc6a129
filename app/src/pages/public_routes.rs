//! Patients' pages as routes that hydrate in a browser task of their own.
//! Hydrating a page was one long task after the wasm arrived, which
//! Lighthouse's phone model counts as blocking (README, performance); the
//! header hydrates first, then the page after a yield to the event loop.
//!
//! The article page, where patients land from a search, is in the main
//! wasm module. Every other patient's page is in one module of its own
//! (`patient_pages`), fetched when the first of them opens: one module, not
//! one per page, because wasm-split makes a chunk for every set of modules
//! that share code, and per-page modules came to 60+ requests and long
//! blocking on a phone. The consultation form, the largest part of those
//! pages, hydrates in a task after the rest of the page (`hydrate_later`).

use super::split_routes::split_routes;
use super::{
    About, ArticleList, ArticlePage, Contact, Home, Privacy, RequestPage, RequestSent, ServiceList,
    ServicePage,
};
use crate::components::{browser::next_task, Hydrated};
use leptos::prelude::*;
use leptos_router::LazyRoute;

macro_rules! main_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($page), "`, in the main module.")]
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

main_pages! {
    ArticleRoute => ArticlePage,
}

split_routes! { patient_pages:
    HomeRoute => home_view, load_home { <Home/> <Hydrated/> },
    ServiceRoute => service_view, load_service { <ServicePage/> <Hydrated/> },
    ServiceListRoute => service_list_view, load_service_list { <ServiceList/> <Hydrated/> },
    ArticleListRoute => article_list_view, load_article_list { <ArticleList/> <Hydrated/> },
    AboutRoute => about_view, load_about { <About/> <Hydrated/> },
    ContactRoute => contact_view, load_contact { <Contact/> <Hydrated/> },
    PrivacyRoute => privacy_view, load_privacy { <Privacy/> <Hydrated/> },
    RequestRoute => request_view, load_request { <RequestPage/> <Hydrated/> },
    RequestSentRoute => request_sent_view, load_request_sent { <RequestSent/> <Hydrated/> },
}
