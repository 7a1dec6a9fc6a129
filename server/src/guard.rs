//! Refuses state-changing requests sent from other websites (CSRF): a
//! browser says where a request comes from in `Sec-Fetch-Site` or `Origin`.

use app::api::ApiError;
use app::routes;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let same_site = match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none": typed by the user; "same-origin": from our own pages.
        Some(site) => matches!(site, "same-origin" | "none"),
        None => match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
            (Some(origin), Some(host)) => origin
                .to_str()
                .ok()
                .and_then(|o| o.split_once("://"))
                .is_some_and(|(_, origin_host)| Some(origin_host) == host.to_str().ok()),
            // Neither header: not a browser's cross-site request (curl, tests, old clients).
            (None, _) => true,
            (Some(_), None) => false,
        },
    };
    if same_site {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = request.uri().path(), "refused a cross-site request");
        ApiError::CrossSite.into_response()
    }
}

/// Request headers larger than any browser sends for this site (16 KiB)
/// are refused before any work (431).
pub const HEADERS_MAX: usize = 16 * 1024;

/// The page cache, the outermost layer, asks this first: one layer fewer
/// on the path of every cached page.
pub fn headers_too_large(request: &Request) -> Option<Response> {
    let size: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    (size > HEADERS_MAX).then(|| ApiError::HeadersTooLarge.into_response())
}

/// An admin server function from someone not signed in, or whose role may
/// not call it, is refused before its body is read: a caller learns nothing
/// from how a malformed body is answered, and costs no decoding. (Each
/// function still checks the session and the role itself.)
pub async fn admin_api_caller_first(
    axum::extract::State(state): axum::extract::State<app::server::AppState>,
    request: Request,
    next: Next,
) -> Response {
    use app::api::admin::access::{self, Access};
    use axum::extract::FromRequestParts;
    let need = match routes::admin_api_endpoint(request.uri().path()).map(access::of) {
        None | Some(Access::Open) => return next.run(request).await,
        Some(Access::Needs(need)) => need,
    };
    let (mut parts, body) = request.into_parts();
    let staff =
        Option::<app::server::auth::Staff<app::server::auth::Enrolling>>::from_request_parts(
            &mut parts, &state,
        )
        .await;
    let refused = match staff.map(|found| found.map(|staff| need.admits(&staff.member))) {
        Ok(Some(Ok(()))) => return next.run(Request::from_parts(parts, body)).await,
        Ok(Some(Err(refused))) => ApiError::from(refused),
        Ok(None) => ApiError::Unauthorized,
        Err(e) => ApiError::from(e),
    };
    // Answered as the route itself would: the upload in text, a server
    // function encoded for its caller in the browser.
    let path = parts.uri.path();
    if path == routes::ADMIN_MEDIA_UPLOAD {
        refused.into_response()
    } else {
        refused.into_server_fn_response(path)
    }
}

/// Admin pages and admin server functions are never stored by a browser or
/// proxy: they show patient data and staff accounts.
pub async fn admin_no_store(request: Request, next: Next) -> Response {
    let admin = routes::is_staff_only(request.uri().path());
    let mut response = next.run(request).await;
    if admin {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        response.headers_mut().insert(
            "x-robots-tag",
            axum::http::HeaderValue::from_static("noindex"),
        );
    }
    response
}
