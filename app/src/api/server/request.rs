//! A patient's request: the one pipeline on the server.

use crate::api::request::HiddenFields;
use crate::api::ApiError;
use crate::domain::request::{Reference, RequestForm};
use crate::domain::Locale;
use crate::server::requests::{self, ClientKey, Submission};
use crate::server::AppState;

/// Checks, stores and queues a patient's request, with one mapping of its
/// outcomes, for both ways of sending it: the server function (JavaScript)
/// and the form post (`server/src/request_post.rs`).
pub async fn submit(
    state: &AppState,
    client: ClientKey,
    form: RequestForm,
    hidden: HiddenFields,
    locale: Locale,
) -> Result<Reference, ApiError> {
    let submission = Submission {
        form,
        token: hidden.token,
        honeypot: hidden.website,
        client,
        locale,
    };
    Ok(requests::submit(&state.db, &state.desk, submission).await?)
}
