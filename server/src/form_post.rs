//! What the forms sent without JavaScript share (`request_post.rs`,
//! `booking_post.rs`): an urlencoded body read by the form's own field
//! names, and its page rendered again with the server's replay of the form
//! in context, under the refusal's status.

use app::api::ApiError;
use app::server::AppState;
use app::shell;
use axum::body::Body;
use axum::http::{header, HeaderMap, Request};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// The body as `T`, refused unless it is urlencoded as our forms send it;
/// `what` names the form in the refusal.
pub fn read<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
    what: &str,
) -> Result<T, ApiError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(ApiError::UnsupportedMediaType(format!(
            "Send the {what} as application/x-www-form-urlencoded, as the form on our site does."
        )));
    }
    serde_html_form::from_bytes(body).map_err(|_| {
        ApiError::BadRequest("The form could not be read. Please go back and send it again.".into())
    })
}

/// Renders the page at `path` as the page itself would, with `replay` in
/// its context, under `error`'s status and headers.
pub async fn render_again<R: Clone + Send + Sync + 'static>(
    state: AppState,
    path: &str,
    replay: R,
    error: &ApiError,
) -> Response {
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            context_state.provide_render_context();
            provide_context(context_state.clone());
            provide_context(replay.clone());
        },
        move || shell(options.clone()),
    );
    let request = match Request::get(path).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return ApiError::Internal.into_response(),
    };
    let mut response = handler(request).await.into_response();
    error.apply_to(&mut response);
    response
}
