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
use app::server::AppState;
use axum::body::Body;
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

#[derive(Clone, Default)]
pub struct PageCache {
    entries: Arc<RwLock<Entries>>,
    generation: Generation,
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
        || path.starts_with("/consultation")
        || path.starts_with("/admin")
        || path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with("/media/"))
}

fn answer(entry: &Entry, encoding: Encoding, not_modified: bool) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    // The layers that would add these are skipped.
    crate::router::security_headers(&mut headers);
    if not_modified {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, entry.content_type.clone());
    let body = entry.bodies.pick(encoding, &mut headers);
    (headers, Body::from(body)).into_response()
}

pub async fn serve_cached(
    State((state, cache)): State<(AppState, PageCache)>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if request.method() != Method::GET
        || !cacheable_path(path)
        || request.headers().contains_key(header::COOKIE)
    {
        return next.run(request).await;
    }
    let key = request.uri().to_string();
    let Some(now) = cache.generation.current(&state.db).await else {
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
        .and_then(|entries| entries.get(&key, now));
    if let Some(entry) = hit {
        return answer(
            &entry,
            encoding,
            matches(if_none_match.as_ref(), &entry.etag),
        );
    }

    // Rendered in full, unencoded, so the entry can hold every encoding.
    request.headers_mut().remove(header::ACCEPT_ENCODING);
    request.headers_mut().remove(header::IF_NONE_MATCH);
    let response = next.run(request).await;
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let is_page = content_type
        .as_ref()
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"))
        && !response.headers().contains_key(header::SET_COOKIE)
        && response
            .headers()
            .get(header::CACHE_CONTROL)
            .is_none_or(|c| c == "no-cache");
    let (Some(content_type), true) = (content_type, is_page) else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(identity) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // A page with a form carries a token that must be fresh for each
    // visitor, and a missing page is not worth keeping: either is encoded
    // as asked, sent, and forgotten.
    let has_form_token = identity.windows(12).any(|w| w == b"name=\"token\"");
    let keep = parts.status == StatusCode::OK && !has_form_token;
    let wanted = if keep { None } else { Some(encoding) };
    let render = identity.clone();
    let encoded = tokio::task::spawn_blocking(move || {
        let brotli = matches!(wanted, None | Some(Encoding::Brotli))
            .then(|| crate::compress::brotli(&render, PAGE_BROTLI).into());
        let gzip = matches!(wanted, None | Some(Encoding::Gzip))
            .then(|| crate::compress::gzip(&render).into());
        (brotli.unwrap_or_default(), gzip.unwrap_or_default())
    })
    .await;
    let Ok((brotli, gzip)) = encoded else {
        return Response::from_parts(parts, Body::from(identity));
    };
    let bodies = Bodies {
        identity,
        brotli,
        gzip,
    };
    if parts.status != StatusCode::OK {
        parts.headers.remove(header::CONTENT_LENGTH);
        parts
            .headers
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let body = bodies.pick(encoding, &mut parts.headers);
        return Response::from_parts(parts, Body::from(body));
    }
    let tag = match parts.headers.get(header::ETAG) {
        Some(tag) => Ok(tag.clone()),
        None => HeaderValue::from_str(&page_tag(&bodies.identity)),
    };
    let Ok(etag) = tag else {
        return Response::from_parts(parts, Body::from(bodies.identity));
    };
    let entry = Arc::new(Entry {
        generation: now,
        content_type,
        etag,
        bodies,
    });
    if keep {
        if let Ok(mut entries) = cache.entries.write() {
            entries.keep(key, entry.clone(), MAX_BYTES);
        }
    }
    answer(
        &entry,
        encoding,
        matches(if_none_match.as_ref(), &entry.etag),
    )
}
