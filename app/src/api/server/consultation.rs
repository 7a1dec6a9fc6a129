//! The consultation form's one pipeline on the server.

use crate::api::consultation::HiddenFields;
use crate::api::ApiError;
use crate::domain::consultation::{ConsultationForm, Reference};
use crate::server::consultations::{self, ClientKey, Submission};
use crate::server::AppState;

/// Checks, stores and queues a patient's request, with one mapping of its
/// outcomes, for both ways of sending it: the server function (JavaScript)
/// and the form post (`server/src/consultation_post.rs`).
pub async fn submit(
    state: &AppState,
    client: ClientKey,
    form: ConsultationForm,
    hidden: HiddenFields,
) -> Result<Reference, ApiError> {
    let submission = Submission {
        form,
        token: hidden.token,
        honeypot: hidden.website,
        client,
    };
    Ok(consultations::submit(&state.db, &state.desk, submission).await?)
}
