//! Every server-side failure mapped to what a browser is told, in one
//! place. Internal causes are logged here and never sent.

use crate::api::ApiError;
use crate::domain::{DraftErrors, Field};
use crate::server::auth::accounts::CreateError;
use crate::server::auth::{AccessError, SignInError};
use crate::server::editor::EditError;
use crate::server::requests::SubmitError;
use crate::server::schedule::BookError;
use crate::server::ServerError;

impl From<ServerError> for ApiError {
    fn from(err: ServerError) -> Self {
        match err {
            ServerError::NotFound => Self::NotFound,
            ServerError::Unavailable(_) => {
                tracing::warn!(error = %err, "database unavailable");
                Self::Unavailable
            }
            ServerError::Database(_) | ServerError::Corrupt(_) | ServerError::Context(_) => {
                tracing::error!(error = %err, "request failed");
                Self::Internal
            }
        }
    }
}

impl From<AccessError> for ApiError {
    fn from(err: AccessError) -> Self {
        match err {
            AccessError::SignedOut => Self::Unauthorized,
            AccessError::NotAllowed => Self::Forbidden,
            AccessError::MustEnrol => Self::MustEnrol,
            AccessError::Server(err) => err.into(),
        }
    }
}

impl From<SignInError> for ApiError {
    fn from(err: SignInError) -> Self {
        match err {
            SignInError::Failed => Self::SignInFailed,
            SignInError::Locked { retry_after_secs } => Self::SignInLocked { retry_after_secs },
            SignInError::WrongCode => Self::WrongCode,
            SignInError::CodeExpired => Self::CodeExpired,
            SignInError::Server(err) => err.into(),
        }
    }
}

/// The JavaScript and the no-JavaScript form both answer with this.
impl From<BookError> for ApiError {
    fn from(err: BookError) -> Self {
        match err {
            BookError::Invalid(errors) => Self::Invalid(errors),
            BookError::NotOffered => Self::NotOffered,
            BookError::Refused => Self::FormExpired,
            BookError::Taken(nearest) => Self::TimeTaken(nearest),
            BookError::RateLimited { retry_after } => Self::TooManyRequests {
                retry_after_secs: retry_after.as_secs().max(1),
            },
            BookError::Server(err) => {
                tracing::error!(error = %err, "booking an appointment failed");
                Self::NotSaved
            }
        }
    }
}

/// The front desk's schedule: its refusals are said to staff as written.
impl From<crate::server::schedule::desk::DeskError> for ApiError {
    fn from(err: crate::server::schedule::desk::DeskError) -> Self {
        use crate::server::schedule::desk::DeskError;
        match err {
            DeskError::Invalid(errors) => Self::Invalid(errors),
            DeskError::NotFound => Self::NotFound,
            DeskError::Server(err) => err.into(),
            other => Self::BadRequest(other.to_string()),
        }
    }
}

impl From<SubmitError> for ApiError {
    fn from(err: SubmitError) -> Self {
        match err {
            SubmitError::Invalid(errors) => Self::Invalid(errors),
            SubmitError::RateLimited { retry_after } => Self::TooManyRequests {
                retry_after_secs: retry_after.as_secs().max(1),
            },
            SubmitError::Server(err) => {
                tracing::error!(error = %err, "storing a consultation request failed");
                Self::NotSaved
            }
        }
    }
}

impl From<EditError> for ApiError {
    fn from(err: EditError) -> Self {
        let on_field =
            |field: Field, message: &str| Self::InvalidDraft(DraftErrors::on(field, message));
        match err {
            EditError::Conflict => Self::Conflict,
            EditError::SlugTaken => on_field(Field::Slug, "Another article already uses this address."),
            EditError::ServiceSlugTaken => on_field(
                Field::Slug,
                "Another service already has this address: choose another.",
            ),
            EditError::ImageMissing => on_field(
                Field::Hero,
                &format!(
                    "This image is not on the server as a hero image: upload it again (at least {} pixels wide).",
                    crate::domain::media::MIN_WIDTH
                ),
            ),
            EditError::Server(err) => err.into(),
        }
    }
}

impl From<CreateError> for ApiError {
    fn from(err: CreateError) -> Self {
        match err {
            CreateError::EmailTaken => Self::Conflict,
            CreateError::Invalid(message) => Self::BadRequest(message),
            CreateError::Server(err) => err.into(),
        }
    }
}

impl From<DraftErrors> for ApiError {
    fn from(errors: DraftErrors) -> Self {
        Self::InvalidDraft(errors)
    }
}
