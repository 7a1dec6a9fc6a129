//! The admin's routes, in one wasm module (`staff_pages`) fetched when a
//! staff member first opens the admin: with `cargo leptos build --split`
//! a patient never downloads it. One module rather than one per page: after
//! the first page every other opens without a fetch, and wasm-split makes a
//! chunk for each set of modules sharing code, so fewer modules keep the
//! patients' pages to a few requests too.

use super::{
    AdminAccounts, AdminArticleEditor, AdminArticles, AdminAudit, AdminClinic, AdminHome,
    AdminLayout, AdminRedirects, AdminRequest, AdminRequests, AdminServiceEditor, AdminServices,
    AdminSignIn,
};
use crate::components::{CodeNotLoaded, Hydrated};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;

macro_rules! staff_routes {
    ($($route:ident => $view:ident, $load:ident { $($page:tt)* }),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($route), "`, in the `staff_pages` module.")]
        pub struct $route;

        #[wasm_split(staff_pages, wasm_split_path = ::leptos::wasm_split, preload($load), fallible)]
        fn $view() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { $($page)* }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            // The router awaits this before hydrating the route, so `view`
            // finds the module loaded and renders once (each split function
            // has its own loader: it must be this function's). A failed
            // fetch is tried again by `view`, which says so if it fails twice.
            async fn preload() {
                let _ = $load().await;
            }

            async fn view(_this: Self) -> AnyView {
                $view().await.unwrap_or_else(|_| view! { <CodeNotLoaded/> }.into_any())
            }
        }
    )*};
}

staff_routes! {
    // The admin's frame around every staff page; the page inside it marks
    // the document as hydrated.
    AdminLayoutRoute => layout_view, load_layout { <AdminLayout/> },
    AdminSignInRoute => sign_in_view, load_sign_in { <AdminSignIn/> <Hydrated/> },
    AdminHomeRoute => home_view, load_home { <AdminHome/> <Hydrated/> },
    AdminRequestsRoute => requests_view, load_requests { <AdminRequests/> <Hydrated/> },
    AdminRequestRoute => request_view, load_request { <AdminRequest/> <Hydrated/> },
    AdminAccountsRoute => accounts_view, load_accounts { <AdminAccounts/> <Hydrated/> },
    AdminAuditRoute => audit_view, load_audit { <AdminAudit/> <Hydrated/> },
    AdminArticlesRoute => articles_view, load_articles { <AdminArticles/> <Hydrated/> },
    AdminArticleEditorRoute => article_editor_view, load_article_editor { <AdminArticleEditor/> <Hydrated/> },
    AdminServicesRoute => services_view, load_services { <AdminServices/> <Hydrated/> },
    AdminServiceEditorRoute => service_editor_view, load_service_editor { <AdminServiceEditor/> <Hydrated/> },
    AdminRedirectsRoute => redirects_view, load_redirects { <AdminRedirects/> <Hydrated/> },
    AdminClinicRoute => clinic_view, load_clinic { <AdminClinic/> <Hydrated/> },
}
