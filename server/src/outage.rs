//! What a crowd gets when the server is busier than it can serve.
//!
//! Pages render a few at a time ([`Renders`]), on threads of their own:
//! a render waiting for its turn is parked, and a render's long stretches
//! of work never hold up the threads that answer cached pages and files,
//! which are answered at once whatever the crowd. A render that does not
//! get its turn within the database wait is refused like an outage.
//!
//! While the database cannot be reached (every connection busy past the
//! wait, a restart, a file another process holds), a page that could not
//! be rendered is answered at once with `503`, `Retry-After` and a plain
//! page in the address's language: a few hundred bytes that need nothing
//! from the database, with the clinic's phone number as last read, so a
//! patient can still call. The no-JavaScript form's answer is not
//! replaced: it is a `POST`, and it carries what the patient typed.

use app::domain::{Locale, Msg};
use app::routes;
use app::server::i18n::{text, text_with};
use app::server::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Pages rendering at once, per core: enough to keep the cores busy while
/// renders wait on the database, few enough that a cached page's answer is
/// never queued behind many renders.
const RENDERS_PER_CORE: usize = 2;

/// The turns pages take to render.
#[derive(Clone)]
pub struct Renders {
    turns: Arc<Semaphore>,
    wait: Duration,
}

impl Renders {
    /// Waiting at most `wait` for a turn (the database's wait).
    pub fn new(wait: Duration) -> Self {
        Self {
            turns: Arc::new(Semaphore::new(cores() * RENDERS_PER_CORE)),
            wait,
        }
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// A page that is rendered here (not a file, a probe or a server function).
fn is_page(request: &Request) -> bool {
    let path = request.uri().path();
    matches!(*request.method(), Method::GET | Method::HEAD)
        && !routes::is_api(path)
        && !routes::is_file_tree(path)
        && !routes::is_probe(path)
        && !routes::is_file(path)
}

/// Renders pages in turn (see [`Renders`]); the rest passes at once.
pub async fn take_turns(
    State((renders, state)): State<(Renders, AppState)>,
    request: Request,
    next: Next,
) -> Response {
    if !is_page(&request) {
        return next.run(request).await;
    }
    let locale = Locale::of_path(request.uri().path());
    let turn = tokio::time::timeout(renders.wait, renders.turns.acquire_owned()).await;
    match turn {
        Ok(Ok(_turn)) => match render_threads().spawn(next.run(request)).await {
            Ok(response) => response,
            Err(_) => app::api::ApiError::Internal.into_response(),
        },
        _ => refusal(&state, locale, None),
    }
}

/// The threads pages render on, one per core, apart from those that
/// accept connections and answer from the cache: in a crowd, a cached
/// page waited up to 55 ms for a render's turn on a shared thread (a
/// debug build, bench/uncached for release figures).
fn render_threads() -> &'static tokio::runtime::Runtime {
    static THREADS: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    THREADS.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(cores())
            .thread_name("render")
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("starting the render threads: {e}"))
    })
}

/// A page that could not be rendered for want of the database becomes the
/// plain page.
pub async fn plain_page(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_page = is_page(&request);
    let locale = Locale::of_path(request.uri().path());
    let response = next.run(request).await;
    if !is_page || response.status() != StatusCode::SERVICE_UNAVAILABLE || !is_html(&response) {
        return response;
    }
    let retry = response.headers().get(header::RETRY_AFTER).cloned();
    refusal(&state, locale, retry)
}

/// `503`, `Retry-After` and the plain page in `locale`.
fn refusal(state: &AppState, locale: Locale, retry: Option<HeaderValue>) -> Response {
    let phone = state.last_read.kept_clinic(locale).map(|c| c.phone);
    let mut plain = Response::new(Body::from(page(locale, phone.as_ref())));
    *plain.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = plain.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let retry = retry.unwrap_or_else(|| HeaderValue::from(app::api::RETRY_SOON_SECS));
    headers.insert(header::RETRY_AFTER, retry);
    plain
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|c| c.as_bytes().starts_with(b"text/html"))
}

/// The page itself: its words from the message files, its one style inline
/// (the Content-Security-Policy layer hashes it), nothing to fetch.
fn page(locale: Locale, phone: Option<&app::domain::Phone>) -> String {
    let title = escape(&text(locale, Msg::UnavailableTitle));
    let said = escape(&text(locale, Msg::UnavailableText));
    let retry = escape(&text(locale, Msg::UnavailableRetry));
    let call = phone.map_or_else(String::new, |phone| {
        let number = escape(&phone.to_string());
        let sentence = escape(&text_with(
            locale,
            Msg::UnavailableCall,
            &[("phone", number.clone().into())],
        ))
        .replace(
            &number,
            &format!("<a href=\"{}\">{number}</a>", escape(&phone.tel_href())),
        );
        format!("<p>{sentence}</p>")
    });
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{title}</title>\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
         <style>body{{font:1.125rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0}}\
         main{{max-width:36rem;margin:3rem auto;padding:0 1rem}}a{{color:#0b5394}}</style></head>\
         <body><main><h1>{title}</h1><p>{said}</p>{call}<p><a href=\"\">{retry}</a></p></main></body></html>",
        lang = locale.code(),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_page_speaks_the_language_of_its_address() {
        let phone = app::domain::Phone::parse("(732) 555-0100").ok();
        let english = page(Locale::En, phone.as_ref());
        assert!(english.contains("<html lang=\"en\">"), "{english}");
        assert!(english.contains("One moment, please"), "{english}");
        assert!(english.contains("href=\"tel:"), "{english}");
        let spanish = page(Locale::Es, None);
        assert!(spanish.contains("<html lang=\"es\">"), "{spanish}");
        assert!(spanish.contains("Un momento, por favor"), "{spanish}");
        assert!(!spanish.contains("tel:"), "{spanish}");
    }
}
