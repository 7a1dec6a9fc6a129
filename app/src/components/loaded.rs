use crate::api::ApiError;
use crate::pages::NotFound;
use leptos::prelude::*;

/// A page's data. The server's answer reaches hydration inside the page as
/// postcard, not JSON: serde_json's parser and a JSON deserializer for each
/// type stay out of the wasm.
pub type PageResource<T> = Resource<Result<T, ApiError>, codee::binary::PostcardCodec>;

/// Loads a page's data from `fetcher` whenever `source` changes, carried
/// into hydration as postcard (see [`PageResource`]).
pub fn page_resource<S, T, Fut>(
    source: impl Fn() -> S + Send + Sync + 'static,
    fetcher: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> PageResource<T>
where
    S: Send + Sync + Clone + PartialEq + 'static,
    T: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + Send + 'static,
{
    Resource::new_with_options(source, fetcher, false)
}

/// Shown while a page's content loads after a client-side navigation.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// Renders loaded content, or the not-found page, or an error the reader
/// can act on; on the server, the page takes the error's status.
pub fn show_loaded<T, V>(result: Result<T, ApiError>, ok: impl FnOnce(T) -> V) -> AnyView
where
    V: IntoView + 'static,
{
    if let Err(error) = &result {
        crate::api::set_page_status(error);
    }
    match result {
        Ok(data) => ok(data).into_any(),
        Err(ApiError::NotFound) => view! { <NotFound/> }.into_any(),
        Err(error) => view! {
            <section class="wrap notice" role="alert">
                <h1>"Sorry, this page didn't load"</h1>
                <p>{error.to_string()}</p>
                <p><a href=crate::routes::HOME>"Go to the home page"</a></p>
            </section>
        }
        .into_any(),
    }
}
