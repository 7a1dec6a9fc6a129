use crate::api::ApiError;

/// Failures inside the server. Their causes are logged here and never sent to
/// a browser: the browser gets the matching [`ApiError`].
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("not found")]
    NotFound,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value failed its domain rule: a bug or a hand-edited row.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
}

impl From<ServerError> for ApiError {
    fn from(err: ServerError) -> Self {
        match err {
            ServerError::NotFound => ApiError::NotFound,
            ServerError::Database(_) | ServerError::Corrupt(_) => {
                tracing::error!(error = %err, "server function failed");
                ApiError::Internal
            }
        }
    }
}

/// Maps a server result to what the browser sees, and sets the HTTP status
/// of the response (a server-function call or the page being rendered).
pub fn respond<T>(result: Result<T, ServerError>) -> Result<T, ApiError> {
    result.map_err(|err| {
        let err = ApiError::from(err);
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = axum::http::StatusCode::from_u16(err.status()) {
                response.set_status(status);
            }
        }
        err
    })
}
