//! An [`ApiError`] as HTTP: its status and headers are decided by the error
//! itself, and applied the same way whichever way it leaves the server.
//! - plain routes return it (`IntoResponse`: the sentence as text);
//! - server functions: [`server_fn_errors`] reads the encoded error back
//!   from the answer and sets its status and headers;
//! - rendered pages: the view that shows the error calls [`set_page_status`].
//!
//! So a `?` anywhere sends the right status: nothing is set by hand.

use crate::api::ApiError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};

/// Larger encoded errors than this are not read back (none is near it).
const ENCODED_ERROR_MAX: usize = 64 * 1024;

impl ApiError {
    /// The status and headers this error is sent with.
    fn head(&self) -> (StatusCode, HeaderMap) {
        let status =
            StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut headers = HeaderMap::new();
        if let Some(secs) = self.retry_after_secs() {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        (status, headers)
    }

    /// Sets this error's status and headers on a response being built.
    pub fn apply_to(&self, response: &mut Response) {
        let (status, headers) = self.head();
        *response.status_mut() = status;
        response.headers_mut().extend(headers);
    }
}

impl ApiError {
    /// This error as the server function at `path` answers it (encoded, as
    /// the browser's caller decodes it), for a layer that refuses a server
    /// function's request before the function runs.
    pub fn into_server_fn_response(self, path: &str) -> Response {
        let mut response = Response::new(Body::from(self.ser()));
        if let Ok(path) = HeaderValue::from_str(path) {
            response.headers_mut().insert(SERVER_FN_ERROR_HEADER, path);
        }
        self.apply_to(&mut response);
        response
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.to_string().into_response();
        self.apply_to(&mut response);
        response
    }
}

/// Extractors' rejections answer as the error they map to.
impl IntoResponse for crate::server::auth::AccessError {
    fn into_response(self) -> Response {
        ApiError::from(self).into_response()
    }
}

impl IntoResponse for crate::server::ServerError {
    fn into_response(self) -> Response {
        ApiError::from(self).into_response()
    }
}

/// Middleware on the server-function routes: a failed server function
/// answers with its encoded `ApiError`; this sets that error's status and
/// headers (the framework would send 500 for all of them).
pub async fn server_fn_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(encoded) = axum::body::to_bytes(body, ENCODED_ERROR_MAX).await else {
        return ApiError::Internal.into_response();
    };
    let (status, headers) = ApiError::de(encoded.clone()).head();
    parts.status = status;
    parts.headers.extend(headers);
    Response::from_parts(parts, Body::from(encoded))
}

/// Gives the page being rendered the status of the error it shows, unless
/// the page already redirects (an admin page sends a visitor who is not
/// signed in to the sign-in page, whatever its own data said).
pub fn set_page_status(error: &ApiError) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        let redirects = response
            .0
            .read()
            .ok()
            .and_then(|parts| parts.status)
            .is_some_and(|status| status.is_redirection());
        if redirects {
            return;
        }
        let (status, headers) = error.head();
        response.set_status(status);
        for (name, value) in &headers {
            response.insert_header(name.clone(), value.clone());
        }
    }
}

/// Sends the page being rendered elsewhere (`302 Found`), whatever the
/// request accepts: unlike `leptos_axum::redirect`, never a `200` with a
/// header for the server-function client, which the page cache would keep.
pub fn redirect_page(to: &str) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::FOUND);
        if let Ok(location) = axum::http::HeaderValue::from_str(to) {
            response.insert_header(axum::http::header::LOCATION, location);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::request::FieldErrors;
    use crate::domain::DraftErrors;

    /// Every kind of error: its status, its `Retry-After`, and the start of
    /// the sentence the reader is shown.
    fn every_kind() -> Vec<(ApiError, StatusCode, Option<&'static str>, &'static str)> {
        use ApiError::*;
        vec![
            (NotFound, StatusCode::NOT_FOUND, None, "We couldn't find that page."),
            (BadRequest("Choose a role.".into()), StatusCode::BAD_REQUEST, None, "That request couldn't be read: Choose a role."),
            (Invalid(FieldErrors::default()), StatusCode::UNPROCESSABLE_ENTITY, None, "Some answers need another look"),
            (InvalidDraft(DraftErrors::default()), StatusCode::UNPROCESSABLE_ENTITY, None, "This can't be saved yet"),
            (TooManyRequests { retry_after_secs: 61 }, StatusCode::TOO_MANY_REQUESTS, Some("61"), "You've sent several requests in a short time. Please try again in 2 minute(s)"),
            (Unauthorized, StatusCode::UNAUTHORIZED, None, "Please sign in to continue."),
            (Forbidden, StatusCode::FORBIDDEN, None, "Your account can't do this."),
            (SignInFailed, StatusCode::UNAUTHORIZED, None, "That e-mail and password don't match an active account."),
            (SignInLocked { retry_after_secs: 900 }, StatusCode::TOO_MANY_REQUESTS, Some("900"), "Too many failed sign-ins. Try again in 15 minute(s)"),
            (Conflict, StatusCode::CONFLICT, None, "Someone else saved this first."),
            (Unreachable, StatusCode::SERVICE_UNAVAILABLE, None, "We couldn't reach the clinic's server."),
            (Internal, StatusCode::INTERNAL_SERVER_ERROR, None, "Something went wrong on our side."),
            (NotSaved, StatusCode::SERVICE_UNAVAILABLE, Some("5"), "Your request could not be saved because of a problem on our side, so it was not sent."),
            (TooLarge("The image is larger than 12 MB.".into()), StatusCode::PAYLOAD_TOO_LARGE, None, "The image is larger than 12 MB."),
            (UnsupportedMediaType("Send a JPEG, PNG or WebP image.".into()), StatusCode::UNSUPPORTED_MEDIA_TYPE, None, "Send a JPEG, PNG or WebP image."),
            (CrossSite, StatusCode::FORBIDDEN, None, "This request came from another website, so it was refused."),
            (UnusableImage("The image is too small.".into()), StatusCode::UNPROCESSABLE_ENTITY, None, "The image is too small."),
            (HeadersTooLarge, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, None, "This request's headers are too large"),
            (MediaUnavailable, StatusCode::SERVICE_UNAVAILABLE, Some("5"), "The image storage can't be reached right now, so nothing was saved."),
            (Unavailable, StatusCode::SERVICE_UNAVAILABLE, Some("5"), "The site is very busy or briefly unavailable."),
        ]
    }

    fn retry_after(headers: &HeaderMap) -> Option<&str> {
        headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
    }

    #[tokio::test]
    async fn each_error_kind_answers_with_its_status_headers_and_sentence() {
        for (error, status, retry, sentence) in every_kind() {
            let response = error.clone().into_response();
            assert_eq!(response.status(), status, "{error:?}");
            assert_eq!(retry_after(response.headers()), retry, "{error:?}");
            let body = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body);
            assert!(text.starts_with(sentence), "{error:?}: {text}");
        }
    }

    #[tokio::test]
    async fn a_failed_server_function_gets_its_errors_status_and_keeps_its_body() {
        for (error, status, retry, _) in every_kind() {
            let encoded = error.ser();
            let app = axum::Router::new()
                .route(
                    "/api/x",
                    axum::routing::post({
                        let encoded = encoded.clone();
                        move || async move {
                            // What the framework sends for any failure.
                            Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(SERVER_FN_ERROR_HEADER, "/api/x")
                                .body(Body::from(encoded))
                                .unwrap_or_default()
                        }
                    }),
                )
                .layer(axum::middleware::from_fn(server_fn_errors));
            let request = Request::post("/api/x")
                .body(Body::empty())
                .unwrap_or_default();
            let response = tower::ServiceExt::oneshot(app, request)
                .await
                .unwrap_or_else(|e| match e {});
            assert_eq!(response.status(), status, "{error:?}");
            assert_eq!(retry_after(response.headers()), retry, "{error:?}");
            let body = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .unwrap_or_default();
            assert_eq!(
                ApiError::de(body),
                error,
                "{error:?}: the browser decodes the same error"
            );
        }
    }

    #[tokio::test]
    async fn answers_without_an_error_pass_untouched() {
        let app = axum::Router::new()
            .route("/", axum::routing::get(|| async { "fine" }))
            .layer(axum::middleware::from_fn(server_fn_errors));
        let request = Request::get("/").body(Body::empty()).unwrap_or_default();
        let response = tower::ServiceExt::oneshot(app, request)
            .await
            .unwrap_or_else(|e| match e {});
        assert_eq!(response.status(), StatusCode::OK);
    }
}
