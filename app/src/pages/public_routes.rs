//! Patients' pages as routes. The server renders each page; the browser
//! adopts or fetches the server's HTML instead of building the page
//! ([`server_page`](super::server_page)), so a first visit to any of them
//! fetches the main module and nothing else. The consultation form's code
//! is in a module of its own, fetched when a patient first touches a form.
//! A route's view waits a browser task (`preload`): the header hydrates
//! first, and Lighthouse's phone model counts one long task as blocking
//! (docs/performance.md).

use super::server_page::server_page;
use super::{
    About, ArticleList, ArticlePage, BookingManage, BookingPage, Contact, Home, Privacy,
    RequestPage, RequestSent, ServiceList, ServicePage,
};
use crate::components::browser::next_task;
use leptos::prelude::*;
use leptos_router::LazyRoute;

macro_rules! patient_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($page), "`, rendered by the server ([`server_page`]).")]
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
                server_page(|| view! { <$page/> }.into_any())
            }
        }
    )*};
}

patient_pages! {
    HomeRoute => Home,
    ServiceRoute => ServicePage,
    ServiceListRoute => ServiceList,
    ArticleListRoute => ArticleList,
    ArticleRoute => ArticlePage,
    AboutRoute => About,
    ContactRoute => Contact,
    PrivacyRoute => Privacy,
    RequestRoute => RequestPage,
    RequestSentRoute => RequestSent,
    BookingRoute => BookingPage,
    BookingManageRoute => BookingManage,
}
