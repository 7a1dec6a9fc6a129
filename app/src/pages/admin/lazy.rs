//! The admin's routes, each loaded when a staff member first opens it: with
//! `cargo leptos build --split` their code is in separate wasm chunks, so a
//! patient never downloads the admin. Patients' pages stay in the main
//! module: made lazy too, they saved 57 KB of a first visit's 400 but cost
//! 61 small requests and two to ten times the main-thread blocking on a
//! phone (bench/, 2026-11-26).

use super::{
    AdminAccounts, AdminArticleEditor, AdminArticles, AdminAudit, AdminClinic, AdminHome,
    AdminLayout, AdminRedirects, AdminRequest, AdminRequests, AdminServiceEditor, AdminServices,
    AdminSignIn,
};
use crate::components::Hydrated;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($page), "`, loaded on first use.")]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> <Hydrated/> }.into_any()
            }
        }
    )*};
}

/// The admin's frame around every staff page; the page inside it marks
/// the document as hydrated.
pub struct AdminLayoutRoute;

#[lazy_route]
impl LazyRoute for AdminLayoutRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <AdminLayout/> }.into_any()
    }
}

lazy_pages! {
    AdminSignInRoute => AdminSignIn,
    AdminHomeRoute => AdminHome,
    AdminRequestsRoute => AdminRequests,
    AdminRequestRoute => AdminRequest,
    AdminAccountsRoute => AdminAccounts,
    AdminAuditRoute => AdminAudit,
    AdminArticlesRoute => AdminArticles,
    AdminArticleEditorRoute => AdminArticleEditor,
    AdminServicesRoute => AdminServices,
    AdminServiceEditorRoute => AdminServiceEditor,
    AdminRedirectsRoute => AdminRedirects,
    AdminClinicRoute => AdminClinic,
}
