//! Rendered public pages, kept in memory with their brotli and gzip
//! encodings: an anonymous GET of a page seen before is answered here,
//! ahead of sessions, rendering and compression. Every entry remembers the
//! content generation it was rendered at (bumped by database triggers on
//! any content change, whoever writes it), so a publish shows on the very
//! next request.

mod entries;
mod generation;

use crate::compress::Encoding;
use crate::etag::{matches, page_tag};
use app::api::request::TOKEN;
use app::api::ApiError;
use app::routes;
use app::server::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use entries::{Bodies, Entries, Entry};
use generation::Generation;
use std::sync::{Arc, RwLock};

/// Room for every page of a large clinic in all three encodings (about
/// 45 KB a page); past it the cache starts over, so addresses made up to
/// fill it (`?x=1`, `?x=2`, ...) cannot grow the server's memory.
const MAX_BYTES: usize = 24 * 1024 * 1024;
const MAX_PAGE: usize = 1024 * 1024;
/// Brotli's quality for pages: near its best ratio at a fraction of 11's cost.
const PAGE_BROTLI: u32 = 6;

/// The cache, with what answering from it needs: handed to every request,
/// so one `Arc` (cloning the whole app state per request allocated).
#[derive(Clone)]
pub struct PageCache(Arc<Inner>);

struct Inner {
    entries: RwLock<Entries>,
    generation: Generation,
    direct: Option<generation::Direct>,
    db: app::server::db::Db,
    /// HSTS on cached answers (`PUBLIC_URL` is https).
    hsts: bool,
}

impl PageCache {
    pub fn new(state: &AppState) -> Self {
        Self(Arc::new(Inner {
            entries: RwLock::default(),
            generation: Generation::default(),
            direct: generation::Direct::open(&state.db),
            db: state.db.clone(),
            hsts: state.serves_https(),
        }))
    }
}

/// Pages that must be rendered for each visitor: forms carry a signed
/// per-render token, confirmations are per request, the admin is private.
/// Files (`/feed.xml`, icons) have a dot in their last segment; pages never
/// do, and files are compressed by the layers inside.
fn cacheable_path(path: &str) -> bool {
    !(path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
        || routes::is_request_form(path)
        || routes::is_staff_only(path)
        || routes::is_api(path)
        || routes::is_file_tree(path)
        || routes::is_probe(path))
}

fn answer(entry: &Entry, encoding: Encoding, not_modified: bool, hsts: bool) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    // The layers that would add these are skipped.
    crate::router::security_headers(&mut headers, hsts);
    if not_modified {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, entry.content_type.clone());
    if let Some(policy) = &entry.policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
    }
    let body = entry.bodies.pick(encoding, &mut headers);
    (headers, Body::from(body)).into_response()
}

/// The outermost layer: answers from the cache or passes on, and counts
/// every request (when metrics are on) since it sees each one.
pub async fn serve_cached(
    State(cache): State<PageCache>,
    request: Request,
    next: Next,
) -> Response {
    let cache = &*cache.0;
    if !crate::metrics::enabled() {
        return serve(cache, request, next).await;
    }
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let route = crate::metrics::route_of(request.uri().path());
    let response = serve(cache, request, next).await;
    crate::metrics::record_request(&method, route, response.status(), started.elapsed());
    response
}

async fn serve(cache: &Inner, request: Request, next: Next) -> Response {
    // Before anything reads them: oversized headers are refused.
    if let Some(refused) = crate::guard::headers_too_large(&request) {
        return refused;
    }
    if !may_be_cached(&request) {
        return next.run(request).await;
    }
    let Some(now) = cache.generation.now(cache.direct.as_ref(), &cache.db).await else {
        return next.run(request).await;
    };
    let encoding = Encoding::preferred(
        request
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok()),
    );
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let hit = cache
        .entries
        .read()
        .ok()
        .and_then(|entries| entries.get(cache_key(&request), now));
    let entry = match hit {
        Some(entry) => {
            crate::metrics::record_page_cache("hit");
            entry
        }
        None => match render(request, next, now, encoding).await {
            Rendered::Keep(entry, key) => {
                crate::metrics::record_page_cache("miss");
                if let Ok(mut entries) = cache.entries.write() {
                    entries.keep(key, entry.clone(), MAX_BYTES);
                }
                entry
            }
            Rendered::Once(entry) => {
                crate::metrics::record_page_cache("uncached");
                entry
            }
            Rendered::Pass(response) => return response,
        },
    };
    answer(
        &entry,
        encoding,
        matches(if_none_match.as_ref(), &entry.etag),
        cache.hsts,
    )
}

/// The page's address as the cache knows it (path and query): borrowed,
/// so a hit allocates nothing for it.
fn cache_key(request: &Request) -> &str {
    request
        .uri()
        .path_and_query()
        .map_or("/", |address| address.as_str())
}

/// An anonymous GET of a page (a signed-in member's pages are their own).
fn may_be_cached(request: &Request) -> bool {
    request.method() == Method::GET
        && cacheable_path(request.uri().path())
        && !request.headers().contains_key(header::COOKIE)
}

/// What rendering a missed page gave.
enum Rendered {
    /// A page to keep, in every encoding, under its address.
    Keep(Arc<Entry>, String),
    /// A page made for this visitor only (it carries a form token), in
    /// the encoding asked for.
    Once(Arc<Entry>),
    /// Anything else, sent as it is (encoded as asked) and forgotten.
    Pass(Response),
}

/// Renders the page in full, unencoded, so an entry can hold every encoding.
async fn render(mut request: Request, next: Next, now: i64, encoding: Encoding) -> Rendered {
    let key = cache_key(&request).to_owned();
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let response = next.run(request).await;
    let Some(content_type) = page_type(&response) else {
        return Rendered::Pass(response);
    };
    let (mut parts, body) = response.into_parts();
    let Ok(identity) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return Rendered::Pass(ApiError::Internal.into_response());
    };
    // A page with a form carries a token that must be fresh for each
    // visitor, and a missing page is not worth keeping: either is encoded
    // as asked, sent, and forgotten.
    let keep = parts.status == StatusCode::OK && !carries_form_token(&identity);
    let Some(bodies) = encode(&identity, (!keep).then_some(encoding)).await else {
        return Rendered::Pass(Response::from_parts(parts, Body::from(identity)));
    };
    if parts.status != StatusCode::OK {
        parts.headers.remove(header::CONTENT_LENGTH);
        parts
            .headers
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let body = bodies.pick(encoding, &mut parts.headers);
        return Rendered::Pass(Response::from_parts(parts, Body::from(body)));
    }
    let etag = match parts.headers.get(header::ETAG) {
        Some(tag) => Ok(tag.clone()),
        None => HeaderValue::from_str(&page_tag(&bodies.identity)),
    };
    let Ok(etag) = etag else {
        return Rendered::Pass(Response::from_parts(parts, Body::from(bodies.identity)));
    };
    let entry = Arc::new(Entry {
        generation: now,
        content_type,
        policy: parts.headers.get(header::CONTENT_SECURITY_POLICY).cloned(),
        etag,
        bodies,
    });
    if keep {
        Rendered::Keep(entry, key)
    } else {
        Rendered::Once(entry)
    }
}

/// The content type of a response that is a public page: HTML, setting no
/// cookie, and not marked private by its handler.
fn page_type(response: &Response) -> Option<HeaderValue> {
    let headers = response.headers();
    let content_type = headers.get(header::CONTENT_TYPE)?;
    let is_page = content_type.as_bytes().starts_with(b"text/html")
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CACHE_CONTROL)
            .is_none_or(|c| c == "no-cache");
    is_page.then(|| content_type.clone())
}

/// The page holds the consultation form's signed, per-render token field.
fn carries_form_token(html: &[u8]) -> bool {
    let needle = format!("name=\"{TOKEN}\"");
    html.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The page in its brotli and gzip encodings, off the async threads: both,
/// or only the one `wanted`.
async fn encode(identity: &Bytes, wanted: Option<Encoding>) -> Option<Bodies> {
    let render = identity.clone();
    let encoded = tokio::task::spawn_blocking(move || {
        let brotli = matches!(wanted, None | Some(Encoding::Brotli))
            .then(|| crate::compress::brotli(&render, PAGE_BROTLI).into());
        let gzip = matches!(wanted, None | Some(Encoding::Gzip))
            .then(|| crate::compress::gzip(&render).into());
        (brotli.unwrap_or_default(), gzip.unwrap_or_default())
    })
    .await;
    let (brotli, gzip) = encoded.ok()?;
    Some(Bodies {
        identity: identity.clone(),
        brotli,
        gzip,
    })
}
