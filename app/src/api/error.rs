use crate::domain::request::FieldErrors;
use crate::domain::DraftErrors;
use leptos::server_fn::codec::PostcardEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function tells the browser when it fails: a status and a
/// sentence the reader can act on. Internal causes stay in the server's log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ApiError {
    #[error("We couldn't find that page. It may have moved, or the address may be mistyped.")]
    NotFound,
    #[error("That request couldn't be read: {0}")]
    BadRequest(String),
    #[error("Some answers need another look: see the messages next to them.")]
    Invalid(FieldErrors),
    #[error("This can't be saved yet: see the messages next to the fields.")]
    InvalidDraft(DraftErrors),
    #[error(
        "You've sent several requests in a short time. Please try again in {} minute(s), or give us a call.",
        retry_after_secs.div_ceil(60)
    )]
    TooManyRequests { retry_after_secs: u64 },
    #[error("Please sign in to continue.")]
    Unauthorized,
    #[error("Your account can't do this. Ask an administrator if you need to.")]
    Forbidden,
    #[error("That e-mail and password don't match an active account.")]
    SignInFailed,
    #[error(
        "Too many failed sign-ins. Try again in {} minute(s), or ask an administrator to help.",
        retry_after_secs.div_ceil(60)
    )]
    SignInLocked { retry_after_secs: u64 },
    #[error("Someone else saved this first. Reload to see their version; your text is kept in this browser.")]
    Conflict,
    #[error("We couldn't reach the clinic's server. Check your connection and try again.")]
    Unreachable,
    #[error("Something went wrong on our side. Please try again in a moment, or give us a call.")]
    Internal,
    // Appended, not inserted: postcard encodes a variant by its index, and
    // a tab opened before a deploy still decodes the older ones.
    #[error("Your request could not be saved because of a problem on our side, so it was not sent. Please try again in a moment, or give us a call.")]
    NotSaved,
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("This request came from another website, so it was refused. Please use the form on our own site.")]
    CrossSite,
    #[error("{0}")]
    UnusableImage(String),
    #[error("This request's headers are too large for this site to read. Please clear this site's cookies and try again.")]
    HeadersTooLarge,
    #[error("That code isn't right, or it was already used. Enter the newest code from your authenticator app, or one of your recovery codes.")]
    WrongCode,
    #[error("Signing in took too long. Please enter your e-mail and password again.")]
    CodeExpired,
    #[error("Set up two-factor sign-in first: accounts that read patients' requests need it.")]
    MustEnrol,
    #[error("The image storage can't be reached right now, so nothing was saved. Please try again in a moment.")]
    MediaUnavailable,
    #[error("The site is very busy or briefly unavailable. Please try again in a few seconds, or give us a call.")]
    Unavailable,
    #[error("Someone booked that time a moment ago. Your details are kept: choose one of the nearest free times.")]
    TimeTaken(Vec<crate::domain::booking::FreeTimeView>),
    #[error(
        "That appointment or time isn't offered. Choose a time from the list, or give us a call."
    )]
    NotOffered,
    #[error("This form has expired. Reload the page and send it again; what you typed is kept.")]
    FormExpired,
}

/// `Retry-After` of an outage: long enough for a pool to drain or a
/// database to restart, short enough that a patient waits for it.
pub const RETRY_SOON_SECS: u64 = 5;

impl ApiError {
    /// What a patient's consultation form says of this failure, in the
    /// form's language (`words`); the English sentence for failures the
    /// form cannot meet in its language (staff's, a malformed request).
    pub fn said_in(&self, words: &crate::domain::request::FormWords) -> String {
        let said = match self {
            Self::TooManyRequests { retry_after_secs } => words
                .too_many
                .replace("{minutes}", &retry_after_secs.div_ceil(60).to_string()),
            Self::Unreachable => words.unreachable.clone(),
            Self::Internal => words.internal.clone(),
            // A send the database could not take was not stored: the
            // form says so, whichever way the outage showed.
            Self::NotSaved | Self::Unavailable => words.not_saved.clone(),
            _ => String::new(),
        };
        if said.is_empty() {
            self.to_string()
        } else {
            said
        }
    }

    /// The HTTP status this error is sent with, wherever it is sent from
    /// (a server function, a rendered page, a plain route): decided here
    /// only, so no call site can forget it (`api/server/response.rs`).
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::BadRequest(_) => 400,
            Self::Invalid(_) | Self::InvalidDraft(_) | Self::UnusableImage(_) => 422,
            Self::TooManyRequests { .. } | Self::SignInLocked { .. } => 429,
            Self::Unauthorized | Self::SignInFailed | Self::WrongCode | Self::CodeExpired => 401,
            Self::Forbidden | Self::CrossSite | Self::MustEnrol => 403,
            Self::Conflict | Self::TimeTaken(_) => 409,
            Self::NotOffered => 422,
            Self::FormExpired => 400,
            Self::TooLarge(_) => 413,
            Self::UnsupportedMediaType(_) => 415,
            Self::HeadersTooLarge => 431,
            // Storage refused the write (disk full, read-only, locked):
            // the service is unavailable for now, and says so.
            Self::Unreachable | Self::NotSaved | Self::MediaUnavailable | Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }

    /// Seconds to put in `Retry-After`, for the errors that have one.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Self::TooManyRequests { retry_after_secs }
            | Self::SignInLocked { retry_after_secs } => Some(*retry_after_secs),
            // The server's storage or database is out for now: a browser
            // or a crawler may come back shortly.
            Self::NotSaved | Self::MediaUnavailable | Self::Unavailable => Some(RETRY_SOON_SECS),
            _ => None,
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = PostcardEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The caller's body could not be read (truncated, garbage,
            // nested too deep): the caller's mistake, not ours.
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                Self::BadRequest(msg)
            }
            ServerFnErrorErr::UnsupportedRequestMethod(method) => {
                Self::BadRequest(format!("{method} is not accepted here"))
            }
            ServerFnErrorErr::MissingArg(name) => Self::BadRequest(format!("{name} is missing")),
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => Self::Unreachable,
            _ => Self::Internal,
        }
    }
}
