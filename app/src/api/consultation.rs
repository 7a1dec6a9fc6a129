//! The consultation form's server functions. Anyone may call them: they
//! take only what a patient sends, and every rule is checked again here.

use super::ApiError;
use crate::domain::consultation::{ConsultationForm, FieldErrors, Reference};
use crate::domain::ServiceSummary;
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json, Postcard};
use serde::{Deserialize, Serialize};

/// What a rendered form needs: a fresh signed token and the services to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSetup {
    pub token: String,
    pub services: Vec<ServiceSummary>,
}

/// A form sent without JavaScript that the server sends back: the values as
/// typed, what is wrong with them, and any message for the whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReplay {
    pub form: ConsultationForm,
    pub token: String,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

/// The hidden field only bots fill in.
pub const HONEYPOT: &str = "website";
/// The hidden field carrying the signed form token.
pub const TOKEN: &str = "token";

#[server(input = GetUrl, output = Postcard, endpoint = "consultation_form")]
pub async fn prepare_consultation_form() -> Result<FormSetup, ApiError> {
    use crate::server::{content::services, respond, state};
    let state = state()?;
    // Each render gets its own token: never cache this answer.
    crate::server::no_store();
    let services = respond(services::list(&state.db).await)?;
    let token = state
        .desk
        .signer
        .issue(crate::server::content::now_utc().unix());
    Ok(FormSetup { token, services })
}

#[server(input = Json, output = Postcard, endpoint = "consultation")]
pub async fn submit_consultation(
    form: ConsultationForm,
    token: String,
    website: String,
) -> Result<Reference, ApiError> {
    use crate::server::consultations::{self, Submission};
    use crate::server::state;
    let state = state()?;
    let client = consultations::client_key_from_request(state.desk.trust_forwarded).await?;
    let submission = Submission {
        form,
        token,
        honeypot: website,
        client,
    };
    let result = consultations::submit(&state.db, &state.desk, submission).await;
    crate::server::respond_submit(result)
}

/// The server's replay of a no-JavaScript submission, if this render is one.
pub fn replay_from_context() -> Option<FormReplay> {
    use_context::<FormReplay>()
}
