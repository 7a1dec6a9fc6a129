//! The API layer's server half: what a server function takes from the
//! request it answers (state, extractors, the staff member), how server
//! errors become [`ApiError`]s (`errors.rs`), and how an `ApiError` becomes
//! an HTTP response (`response.rs`).

mod errors;
mod request;
mod response;

pub use request::submit;
pub use response::{redirect_page, server_fn_errors, set_page_status};

use super::ApiError;
use crate::server::auth::{Enrolling, Permission, Staff};
use crate::server::{AppState, ServerError};
use axum::extract::FromRequestParts;
use leptos::prelude::use_context;

/// The app state the router provides to every server function and page.
pub fn state() -> Result<AppState, ApiError> {
    use_context::<AppState>()
        .ok_or_else(|| ServerError::Context("AppState missing from the request context".into()))
        .map_err(ApiError::from)
}

/// Runs an axum extractor on the request a server function answers, so
/// server functions and plain routes read a request the same way.
pub async fn extract<T>() -> Result<T, ApiError>
where
    T: FromRequestParts<AppState>,
    T::Rejection: Into<ApiError>,
{
    T::from_request_parts(&mut request_parts()?, &state()?)
        .await
        .map_err(Into::into)
}

fn request_parts() -> Result<axum::http::request::Parts, ApiError> {
    use_context::<axum::http::request::Parts>()
        .ok_or_else(|| ServerError::Context("request parts missing".into()).into())
}

/// This request's session (sign-in starts one).
pub async fn session() -> Result<tower_sessions::Session, ApiError> {
    tower_sessions::Session::from_request_parts(&mut request_parts()?, &state()?)
        .await
        .map_err(|(_, why)| ServerError::Context(format!("no session layer: {why}")).into())
}

/// The first step of every server function that touches private data: the
/// signed-in member if their role passes `P`; else 401 or 403.
pub async fn staff<P: Permission>() -> Result<Staff<P>, ApiError> {
    extract::<Staff<P>>().await
}

/// The signed-in member, if any.
pub async fn signed_in() -> Result<Option<Staff<Enrolling>>, ApiError> {
    extract::<Option<Staff<Enrolling>>>().await
}

/// Marks this response as never to be stored by browsers or proxies.
pub fn no_store() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
}
