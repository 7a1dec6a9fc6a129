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

/// An UPDATE or DELETE of one row by its key: no row means not found.
pub fn one_row(done: sqlx::sqlite::SqliteQueryResult) -> Result<(), ServerError> {
    if done.rows_affected() == 0 {
        return Err(ServerError::NotFound);
    }
    Ok(())
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
    result.map_err(|err| with_status(ApiError::from(err)))
}

/// Sets the HTTP status (and `Retry-After`) of the response for `err`.
pub fn with_status(err: ApiError) -> ApiError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = axum::http::StatusCode::from_u16(err.status()) {
            response.set_status(status);
        }
        if let Some(secs) = err.retry_after_secs() {
            if let Ok(value) = axum::http::HeaderValue::from_str(&secs.to_string()) {
                response.insert_header(axum::http::header::RETRY_AFTER, value);
            }
        }
    }
    err
}

/// Like [`respond`] for a consultation submission: field errors and rate
/// limits become their own statuses (422, 429 with `Retry-After`).
pub fn respond_submit<T>(
    result: Result<T, super::consultations::SubmitError>,
) -> Result<T, ApiError> {
    use super::consultations::SubmitError;
    match result {
        Ok(value) => Ok(value),
        Err(SubmitError::Server(err)) => respond(Err(err)),
        Err(err) => {
            let api = match err {
                SubmitError::Invalid(errors) => ApiError::Invalid(errors),
                SubmitError::RateLimited { retry_after } => ApiError::TooManyRequests {
                    retry_after_secs: retry_after.as_secs().max(1),
                },
                SubmitError::Server(_) => ApiError::Internal,
            };
            if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                if let Ok(status) = axum::http::StatusCode::from_u16(api.status()) {
                    response.set_status(status);
                }
                if let ApiError::TooManyRequests { retry_after_secs } = &api {
                    if let Ok(value) =
                        axum::http::HeaderValue::from_str(&retry_after_secs.to_string())
                    {
                        response.insert_header(axum::http::header::RETRY_AFTER, value);
                    }
                }
            }
            Err(api)
        }
    }
}
