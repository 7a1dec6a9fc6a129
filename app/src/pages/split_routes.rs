//! Routes whose views live in a wasm module of their own, fetched when the
//! first of them opens (`cargo leptos build --split`). wasm-split makes a
//! chunk for every set of modules sharing code, so routes are grouped into
//! a few named modules, not one per page.

/// Declares routes whose views are in the wasm module `$module`. Each view
/// is its own split function with its own loader: a route's `preload`
/// awaits that loader, so the router finds the module loaded when it
/// hydrates and `view` renders once (awaiting another function's loader
/// left the page pending and rendered it twice). The page then hydrates in
/// a browser task of its own. A failed fetch is tried again by `view`,
/// which shows [`CodeNotLoaded`](crate::components::CodeNotLoaded) if it
/// fails twice.
macro_rules! split_routes {
    ($module:ident: $($route:ident => $view:ident, $load:ident { $($page:tt)* }),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($route), "`, in the `", stringify!($module), "` module.")]
        pub struct $route;

        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, preload($load), fallible)]
        fn $view() -> Result<::leptos::prelude::AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(::leptos::prelude::IntoAny::into_any(::leptos::view! { $($page)* }))
        }

        impl ::leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn preload() {
                let _ = $load().await;
                $crate::components::browser::next_task().await;
            }

            async fn view(_this: Self) -> ::leptos::prelude::AnyView {
                $view().await.unwrap_or_else(|_| {
                    ::leptos::prelude::IntoAny::into_any(
                        ::leptos::view! { <$crate::components::CodeNotLoaded/> },
                    )
                })
            }
        }
    )*};
}

pub(crate) use split_routes;
