//! The admin's routes, each loaded only when a staff member opens it: with
//! `cargo leptos build --split` their code is in separate wasm chunks, so a
//! patient reading an article never downloads the admin.

use super::{
    AdminAccounts, AdminArticleEditor, AdminArticles, AdminAudit, AdminClinic, AdminHome,
    AdminLayout, AdminRedirects, AdminRequest, AdminRequests, AdminServiceEditor, AdminServices,
    AdminSignIn,
};
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
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    SignInRoute => AdminSignIn,
    LayoutRoute => AdminLayout,
    HomeRoute => AdminHome,
    RequestsRoute => AdminRequests,
    RequestRoute => AdminRequest,
    AccountsRoute => AdminAccounts,
    AuditRoute => AdminAudit,
    ArticlesRoute => AdminArticles,
    ArticleEditorRoute => AdminArticleEditor,
    ServicesRoute => AdminServices,
    ServiceEditorRoute => AdminServiceEditor,
    RedirectsRoute => AdminRedirects,
    ClinicRoute => AdminClinic,
}
