//! Rendered public pages, kept in memory with their brotli and gzip
//! encodings: an anonymous GET of a page seen before is answered here,
//! ahead of sessions, rendering and compression. Every entry remembers the
//! content generation it was rendered at (bumped by database triggers on
//! any content change, whoever writes it), so a publish shows on the very
//! next request.

mod entries;
mod flights;
mod generation;

use crate::compress::Encoding;
use crate::etag::{matches, page_tag};
use app::api::request::TOKEN;
use app::api::ApiError;
use app::routes;
use app::server::AppState;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use entries::{Bodies, Entries, Entry};
use flights::{Flights, Role};
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
    flights: Arc<Flights>,
    generation: Generation,
    direct: Option<app::server::db::content_generation::Direct>,
    /// HSTS on cached answers (`PUBLIC_URL` is https).
    hsts: bool,
}

impl PageCache {
    pub fn new(state: &AppState) -> Self {
        Self(Arc::new(Inner {
            entries: RwLock::default(),
            flights: Arc::default(),
            generation: Generation::new(&state.db),
            direct: app::server::db::content_generation::Direct::open(&state.db),
            hsts: state.serves_https(),
        }))
    }
}

/// Pages that must be rendered for each visitor: forms carry a signed
/// per-render token, confirmations are per request, the admin is private.
/// Files (`/feed.xml`, icons) are compressed by the layers inside.
fn cacheable_path(path: &str) -> bool {
    !(routes::is_file(path)
        || routes::is_request_form(path)
        || routes::is_staff_only(path)
        || routes::is_api(path)
        || routes::is_file_tree(path)
        || routes::is_probe(path))
}

/// What a request asks of a cached page: the encoding it prefers, and the
/// tag it already holds.
struct Asked {
    encoding: Encoding,
    if_none_match: Option<HeaderValue>,
}

impl Asked {
    fn of(request: &Request) -> Self {
        let headers = request.headers();
        Self {
            encoding: Encoding::preferred(
                headers
                    .get(header::ACCEPT_ENCODING)
                    .and_then(|v| v.to_str().ok()),
            ),
            if_none_match: headers.get(header::IF_NONE_MATCH).cloned(),
        }
    }
}

/// The entry as `asked`: in the preferred encoding, or 304 if the request
/// holds its tag. Its headers are made once per entry (see [`Entry::heads`]).
fn answer(entry: &Entry, asked: &Asked, hsts: bool) -> Response {
    let heads = entry.heads(hsts);
    if matches(asked.if_none_match.as_ref(), &entry.etag) {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        *response.headers_mut() = heads.not_modified.clone();
        return response;
    }
    let (headers, body) = heads.pick(&entry.bodies, asked.encoding);
    let mut response = Response::new(Body::from(body));
    *response.headers_mut() = headers.clone();
    response
}

/// The outermost layer ([`PageCache::layer`]): answers from the cache or
/// passes on, and counts every request (when metrics are on) since it sees
/// each one.
#[derive(Clone)]
pub struct CacheLayer(PageCache);

impl PageCache {
    pub fn layer(self) -> CacheLayer {
        CacheLayer(self)
    }
}

impl<S> tower::Layer<S> for CacheLayer {
    type Service = CacheService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        CacheService {
            inner: Arc::new(inner),
            cache: self.0.clone(),
        }
    }
}

/// A tower service, not `from_fn`: axum's `from_fn` clones the whole
/// service stack inside it (and the app state in it) for every request,
/// which was the largest cost of a cached answer (bench/profile). Here a
/// hit is answered on the spot and the stack is cloned only to go on. The
/// server clones this service itself for every request (hyper's adapter
/// does), so the stack is held behind an `Arc`: that clone is two counts,
/// not the app state's strings (bench/ceiling).
#[derive(Clone)]
pub struct CacheService<S> {
    inner: Arc<S>,
    cache: PageCache,
}

type Answer = futures_util::future::Either<
    std::future::Ready<Result<Response, std::convert::Infallible>>,
    futures_util::future::BoxFuture<'static, Result<Response, std::convert::Infallible>>,
>;

impl<S> tower::Service<Request> for CacheService<S>
where
    S: tower::Service<Request, Response = Response, Error = std::convert::Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = std::convert::Infallible;
    type Future = Answer;

    /// Always ready: the stack is cloned and made ready (`oneshot`) only
    /// for a request that goes on to it.
    fn poll_ready(
        &mut self,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        use futures_util::future::{Either, FutureExt};
        let measure = crate::metrics::enabled().then(|| {
            (
                std::time::Instant::now(),
                request.method().clone(),
                crate::metrics::route_of(request.uri().path()),
                crate::metrics::InFlight::begin(),
            )
        });
        let record = move |response: Response| {
            if let Some((started, method, route, _in_flight)) = &measure {
                crate::metrics::record_request(method, route, response.status(), started.elapsed());
            }
            Ok(response)
        };
        let found = match self.cache.0.answer_now(&request) {
            Now::Answered(response) => return Either::Left(std::future::ready(record(response))),
            found => found,
        };
        let ready = S::clone(&self.inner);
        let cache = self.cache.clone();
        Either::Right(async move { record(serve(&cache.0, request, ready, found).await) }.boxed())
    }
}

/// What [`Inner::answer_now`] could do without waiting.
enum Now {
    Answered(Response),
    /// Not a page the cache keeps: straight on.
    Pass,
    /// A page the cache keeps, not found current at this generation.
    Missed(i64),
    /// A page the cache keeps; the generation is still to be read (on
    /// PostgreSQL, one query shared by a wave of requests).
    Unread,
}

impl Inner {
    /// The answer to `request` when it can be given without waiting: a
    /// refusal of oversized headers, or a cached page that is current
    /// (SQLite's generation is read in place, once per request).
    fn answer_now(&self, request: &Request) -> Now {
        if let Some(refused) = crate::guard::headers_too_large(request) {
            return Now::Answered(refused);
        }
        if !may_be_cached(request) {
            return Now::Pass;
        }
        let Some(now) = self
            .direct
            .as_ref()
            .and_then(app::server::db::content_generation::Direct::read)
        else {
            return Now::Unread;
        };
        let hit = self
            .entries
            .read()
            .ok()
            .and_then(|entries| entries.get(cache_key(request), now));
        match hit {
            Some(entry) => {
                crate::metrics::record_page_cache("hit");
                Now::Answered(answer(&entry, &Asked::of(request), self.hsts))
            }
            None => Now::Missed(now),
        }
    }
}

/// The rest of [`CacheService::call`], for a request not answered at once:
/// `found` is what [`Inner::answer_now`] found out.
async fn serve<S>(cache: &Inner, request: Request, inner: S, found: Now) -> Response
where
    S: tower::Service<Request, Response = Response, Error = std::convert::Infallible>,
{
    use tower::ServiceExt;
    let pass = |request| async move {
        match inner.oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    };
    let now = match found {
        Now::Answered(response) => return response,
        Now::Pass => return pass(request).await,
        Now::Missed(now) => now,
        Now::Unread => match cache.generation.current().await {
            Some(now) => now,
            // The database cannot be reached: the page as last kept is
            // better than none (nothing can be published meanwhile).
            None => match cache.latest(&request) {
                Some(entry) => return answer(&entry, &Asked::of(&request), cache.hsts),
                None => return pass(request).await,
            },
        },
    };
    let asked = Asked::of(&request);
    if let Some(entry) = cache.current(&request, now) {
        crate::metrics::record_page_cache("hit");
        return answer(&entry, &asked, cache.hsts);
    }
    let key = cache_key(&request).to_owned();
    let leader = match cache.flights.join(&key, now) {
        Role::Follow(landing) => match landing.await {
            Ok(Some(entry)) => {
                crate::metrics::record_page_cache("hit");
                return answer(&entry, &asked, cache.hsts);
            }
            // Made per visitor, or the render failed or was abandoned.
            _ => None,
        },
        Role::Lead(leader) => Some(leader),
        Role::Alone => None,
    };
    // Followers get the kept page, or are told to render their own.
    let land = |kept: Option<Arc<Entry>>, per_visitor: bool| {
        if let Some(leader) = leader {
            leader.land(kept, per_visitor);
        }
    };
    match render(request, pass, now, asked.encoding).await {
        Rendered::Keep(entry, key) => {
            crate::metrics::record_page_cache("miss");
            if let Ok(mut entries) = cache.entries.write() {
                entries.keep(key, entry.clone(), MAX_BYTES);
            }
            land(Some(entry.clone()), false);
            answer(&entry, &asked, cache.hsts)
        }
        Rendered::Once(entry) => {
            crate::metrics::record_page_cache("uncached");
            land(None, true);
            answer(&entry, &asked, cache.hsts)
        }
        Rendered::Pass(response, per_visitor) => {
            land(None, per_visitor);
            response
        }
    }
}

impl Inner {
    /// The page kept for `request` at generation `now`.
    fn current(&self, request: &Request, now: i64) -> Option<Arc<Entry>> {
        self.entries
            .read()
            .ok()
            .and_then(|entries| entries.get(cache_key(request), now))
    }

    /// The page kept for `request`, whatever its generation.
    fn latest(&self, request: &Request) -> Option<Arc<Entry>> {
        if !may_be_cached(request) {
            return None;
        }
        self.entries
            .read()
            .ok()
            .and_then(|entries| entries.latest(cache_key(request)))
    }
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
    /// Anything else, sent as it is (encoded as asked) and forgotten; `true`
    /// when it was a page made for this visitor (a form's fresh token).
    Pass(Response, bool),
}

/// Renders the page in full, unencoded, so an entry can hold every encoding.
async fn render<F: std::future::Future<Output = Response>>(
    mut request: Request,
    pass: impl FnOnce(Request) -> F,
    now: i64,
    encoding: Encoding,
) -> Rendered {
    let key = cache_key(&request).to_owned();
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let response = pass(request).await;
    let Some(content_type) = page_type(&response) else {
        if not_stored_page(&response) {
            // A page with a form: never kept, but as small on the wire as
            // any other (it was sent whole: 32 KB for a service page).
            return Rendered::Pass(encoded(response, encoding).await, true);
        }
        return Rendered::Pass(response, false);
    };
    let (parts, body) = response.into_parts();
    let Ok(identity) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return Rendered::Pass(ApiError::Internal.into_response(), false);
    };
    // A page with a form carries a token that must be fresh for each
    // visitor, and a missing page is not worth keeping: either is encoded
    // as asked, sent, and forgotten.
    let keep = parts.status == StatusCode::OK && !carries_form_token(&identity);
    let Some(bodies) = encode(&identity, (!keep).then_some(encoding)).await else {
        return Rendered::Pass(Response::from_parts(parts, Body::from(identity)), false);
    };
    if parts.status != StatusCode::OK {
        return Rendered::Pass(with_body(parts, &bodies, encoding), false);
    }
    let etag = match parts.headers.get(header::ETAG) {
        Some(tag) => Ok(tag.clone()),
        None => HeaderValue::from_str(&page_tag(&bodies.identity)),
    };
    let Ok(etag) = etag else {
        return Rendered::Pass(
            Response::from_parts(parts, Body::from(bodies.identity)),
            false,
        );
    };
    let entry = Arc::new(Entry::new(
        now,
        content_type,
        parts.headers.get(header::CONTENT_SECURITY_POLICY).cloned(),
        etag,
        bodies,
    ));
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

/// A page whose handler said never to store it (a consultation form's
/// fresh token), setting no cookie.
fn not_stored_page(response: &Response) -> bool {
    let headers = response.headers();
    headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|c| c.as_bytes().starts_with(b"text/html"))
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && headers
            .get(header::CACHE_CONTROL)
            .is_some_and(|c| c == "no-store")
}

/// `response` encoded as asked, its headers kept.
async fn encoded(response: Response, encoding: Encoding) -> Response {
    let (parts, body) = response.into_parts();
    let Ok(identity) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return ApiError::Internal.into_response();
    };
    match encode(&identity, Some(encoding)).await {
        Some(bodies) => with_body(parts, &bodies, encoding),
        None => Response::from_parts(parts, Body::from(identity)),
    }
}

/// A response of `parts` with the body in `encoding`.
fn with_body(
    mut parts: axum::http::response::Parts,
    bodies: &Bodies,
    encoding: Encoding,
) -> Response {
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let body = bodies.pick(encoding, &mut parts.headers);
    Response::from_parts(parts, Body::from(body))
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
