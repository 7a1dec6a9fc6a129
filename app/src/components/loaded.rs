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

/// A patient's page's data: fetched on the server while the page renders
/// and never written into the page, since the browser adopts the page's
/// HTML and never renders it (`server_page`). A resource would carry it to
/// the browser for nothing: several KB of an incompressible encoding per
/// page. `Copy`, and awaited like a resource.
pub struct PageData<T: 'static>(StoredValue<Fetching<T>>);

type Fetching<T> =
    futures_util::future::Shared<futures_util::future::BoxFuture<'static, Result<T, ApiError>>>;

impl<T> Clone for PageData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PageData<T> {}

impl<T: Clone + Send + Sync + 'static> std::future::IntoFuture for PageData<T> {
    type Output = Result<T, ApiError>;
    type IntoFuture = Fetching<T>;

    fn into_future(self) -> Self::IntoFuture {
        self.0.get_value()
    }
}

/// Starts fetching a patient's page's data (see [`PageData`]) as a task of
/// its own, in the page's reactive owner (its contexts), so it runs to the
/// end whoever awaits it. A fetch only polled by its awaiter deadlocked the
/// pool: `<Suspense>` polls its children once before the page's resources
/// are ready (`dry_resolve`), so the fetch took a connection there and then
/// held it, unpolled, while the shell's resource waited for one; with as
/// many renders as connections, none could go on (issue 26).
#[cfg(feature = "ssr")]
pub fn page_data<T, Fut>(fetch: impl FnOnce() -> Fut) -> PageData<T>
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + Send + 'static,
{
    use futures_util::FutureExt;
    use leptos::reactive::computed::ScopedFuture;
    let task = tokio::spawn(ScopedFuture::new_untracked(fetch()));
    PageData(StoredValue::new(
        task.map(|joined| joined.unwrap_or(Err(ApiError::Internal)))
            .boxed()
            .shared(),
    ))
}

/// The browser never renders patients' pages: nothing is fetched.
#[cfg(not(feature = "ssr"))]
pub fn page_data<T, Fut>(_fetch: impl FnOnce() -> Fut) -> PageData<T>
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    use futures_util::FutureExt;
    PageData(StoredValue::new(
        futures_util::future::pending().boxed().shared(),
    ))
}

/// Shown while a page's content loads after a client-side navigation.
#[component]
pub fn Loading() -> impl IntoView {
    let words = super::Words::here();
    view! { <p class="loading" role="status">{words.t(crate::domain::Msg::Loading)}</p> }
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
        Err(error) => {
            let w = super::Words::here();
            view! {
                <section class="wrap notice" role="alert">
                    <h1>{w.t(crate::domain::Msg::PageNotLoaded)}</h1>
                    <p>{error.to_string()}</p>
                    <p><a href=w.pages().home()>{w.t(crate::domain::Msg::GoHome)}</a></p>
                </section>
            }
            .into_any()
        }
    }
}
