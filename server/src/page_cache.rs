//! Rendered public pages, kept in memory: an anonymous GET of a page seen
//! before is answered without rendering it again. Every entry remembers the
//! content generation it was rendered at (bumped by database triggers on
//! any content change, whoever writes it), so a publish shows on the very
//! next request.

use app::server::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Enough for every page of a large clinic; past it the cache starts over.
const MAX_ENTRIES: usize = 2_000;
const MAX_PAGE: usize = 1024 * 1024;

struct Entry {
    generation: i64,
    content_type: HeaderValue,
    etag: HeaderValue,
    body: Bytes,
}

#[derive(Clone, Default)]
pub struct PageCache(Arc<RwLock<HashMap<String, Entry>>>);

/// Pages that must be rendered for each visitor: forms carry a signed
/// per-render token, confirmations are per request, the admin is private.
fn cacheable_path(path: &str) -> bool {
    !(path.starts_with("/consultation")
        || path.starts_with("/admin")
        || path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with("/media/"))
}

async fn generation(state: &AppState) -> Option<i64> {
    sqlx::query_scalar("SELECT value FROM content_generation WHERE id = 1")
        .fetch_one(&state.db)
        .await
        .ok()
}

pub async fn serve_cached(
    State((state, cache)): State<(AppState, PageCache)>,
    request: Request,
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
    let Some(now) = generation(&state).await else {
        return next.run(request).await;
    };
    if let Ok(entries) = cache.0.read() {
        if let Some(entry) = entries.get(&key).filter(|e| e.generation == now) {
            return (
                [
                    (header::CONTENT_TYPE, entry.content_type.clone()),
                    (header::ETAG, entry.etag.clone()),
                ],
                Body::from(entry.body.clone()),
            )
                .into_response();
        }
    }
    let response = next.run(request).await;
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let storable = response.status() == StatusCode::OK
        && content_type
            .as_ref()
            .is_some_and(|t| t.as_bytes().starts_with(b"text/html"))
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CACHE_CONTROL);
    let (Some(content_type), true) = (content_type, storable) else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // A page with a form carries a token that must be fresh for each visitor.
    let has_form_token = bytes.windows(12).any(|w| w == b"name=\"token\"");
    let etag = HeaderValue::from_str(&crate::etag::page_tag(&bytes));
    if let Ok(etag) = &etag {
        // Tagged once here; the ETag layer outside reuses it.
        parts.headers.insert(header::ETAG, etag.clone());
    }
    if let (false, Ok(etag)) = (has_form_token, etag) {
        if let Ok(mut entries) = cache.0.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                key,
                Entry {
                    generation: now,
                    content_type,
                    etag,
                    body: bytes.clone(),
                },
            );
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
