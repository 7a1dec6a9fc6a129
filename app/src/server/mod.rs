//! Everything that runs only on the server: state, database, content
//! queries, Markdown rendering and the first-start seed.

pub mod auth;
pub mod consultations;
pub mod content;
pub mod db;
pub mod editor;
pub mod error;
mod front_matter;
pub mod inbox;
pub mod json_ld;
pub mod markdown;
pub mod media;
pub mod notify;
pub mod redirects;
pub mod seed;
mod state;

pub use error::{respond, respond_submit, ServerError};
pub use state::AppState;

use crate::api::ApiError;

/// The app state the router provides to every server function and page.
pub fn state() -> Result<AppState, ApiError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        ApiError::Internal
    })
}

/// Marks this response as never to be stored by browsers or proxies.
pub fn no_store() {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
}
