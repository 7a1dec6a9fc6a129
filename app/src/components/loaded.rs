use crate::api::ApiError;
use crate::pages::NotFound;
use leptos::prelude::*;

/// A page's data. The server's answer reaches hydration inside the page as
/// postcard, not JSON: serde_json's parser and a JSON deserializer for each
/// type stay out of the wasm.
pub type PageResource<T> = Resource<Result<T, ApiError>, codee::binary::PostcardCodec>;

/// Shown while a page's content loads after a client-side navigation.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}

/// Renders loaded content, or the not-found page, or an error the reader can act on.
pub fn show_loaded<T, V>(result: Result<T, ApiError>, ok: impl FnOnce(T) -> V) -> AnyView
where
    V: IntoView + 'static,
{
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
