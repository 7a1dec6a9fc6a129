//! Conditional requests for pages: each HTML page carries an `ETag` of its
//! bytes and `Cache-Control: no-cache`, so a browser or proxy may keep it
//! but asks every time; an unchanged page is answered `304` with no body,
//! and a publish shows on the very next request.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Pages are far smaller; anything larger is passed through untouched.
const MAX_PAGE: usize = 4 * 1024 * 1024;

/// Leptos stamps a fresh random nonce on its script tags in every response
/// (we send no CSP that uses it): it is left out of the tag, or no page would
/// ever match.
fn without_nonce(page: &[u8]) -> Vec<u8> {
    const MARK: &[u8] = b"nonce=\"";
    let Some(start) = page
        .windows(MARK.len())
        .position(|w| w == MARK)
        .map(|i| i + MARK.len())
    else {
        return page.to_vec();
    };
    let Some(len) = page[start..].iter().position(|b| *b == b'"') else {
        return page.to_vec();
    };
    let nonce = &page[start..start + len];
    if nonce.is_empty() {
        return page.to_vec();
    }
    let mut out = Vec::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.windows(nonce.len()).position(|w| w == nonce) {
        out.extend_from_slice(&rest[..at]);
        rest = &rest[at + nonce.len()..];
    }
    out.extend_from_slice(rest);
    out
}

pub async fn conditional_pages(request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    let is_page = response.status() == StatusCode::OK
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|t| t.as_bytes().starts_with(b"text/html"))
        && !response.headers().contains_key(header::CACHE_CONTROL)
        && !response.headers().contains_key(header::SET_COOKIE);
    if !is_page {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = page_tag(&bytes);
    let body = Body::from(bytes);
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return Response::from_parts(parts, body);
    };
    parts.headers.insert(header::ETAG, value.clone());
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if matches(if_none_match.as_ref(), &value) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, body)
}

/// Whether `If-None-Match` names `tag` (weakly: the page may have been sent
/// in another encoding).
pub fn matches(if_none_match: Option<&HeaderValue>, tag: &HeaderValue) -> bool {
    let Ok(tag) = tag.to_str() else {
        return false;
    };
    if_none_match.is_some_and(|sent| {
        sent.to_str().is_ok_and(|sent| {
            sent.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == "*" || t == tag.trim_start_matches("W/"))
        })
    })
}

/// A weak tag (the same page may be sent compressed in different ways) of a
/// page's bytes, its nonce left out.
pub fn page_tag(page: &[u8]) -> String {
    let digest = Sha256::digest(without_nonce(page));
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

#[cfg(test)]
mod tests {
    use super::without_nonce;

    #[test]
    fn pages_differing_only_in_their_nonce_hash_alike() {
        let a = br#"<link crossorigin="abc123"><script nonce="abc123">x</script>"#;
        let b = br#"<link crossorigin="zz9"><script nonce="zz9">x</script>"#;
        assert_eq!(without_nonce(a), without_nonce(b));
        assert_ne!(
            without_nonce(a),
            without_nonce(br#"<script nonce="q">y</script>"#)
        );
    }
}
