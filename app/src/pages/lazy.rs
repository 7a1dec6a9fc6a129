//! Every page's route, loaded when it is first shown: with
//! `cargo leptos build --split` each page's code is its own wasm chunk, so the
//! first visit to an article downloads the app's shell and the article page,
//! and a patient never downloads the admin.

use super::admin::{
    AdminAccounts, AdminArticleEditor, AdminArticles, AdminAudit, AdminClinic, AdminHome,
    AdminLayout, AdminRedirects, AdminRequest, AdminRequests, AdminServiceEditor, AdminServices,
    AdminSignIn,
};
use super::{
    About, ArticleList, ArticlePage, ConsultationPage, ConsultationSent, Contact, Home, Privacy,
    ServiceList, ServicePage,
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

// Patients' pages.
lazy_pages! {
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

// Staff pages.
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
