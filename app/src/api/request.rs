//! The consultation form's server functions. Anyone may call them: they
//! take only what a patient sends, and every rule is checked again here.

use super::ApiError;
use crate::domain::request::{FieldErrors, FormWords, Reference, RequestForm};
use crate::domain::{Locale, ServiceSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json, Postcard};
use serde::{Deserialize, Serialize};

/// What a rendered form needs: a fresh signed token, the services to
/// offer, and its words in the page's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSetup {
    pub token: String,
    pub services: Vec<ServiceSummary>,
    pub locale: Locale,
    pub words: FormWords,
}

/// A form sent without JavaScript that the server sends back: the values as
/// typed, what is wrong with them, and any message for the whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReplay {
    pub form: RequestForm,
    pub token: String,
    pub errors: FieldErrors,
    pub notice: Option<String>,
}

/// The hidden field only bots fill in ([`HiddenFields::website`]).
pub const HONEYPOT: &str = "website";
/// The hidden field carrying the signed form token ([`HiddenFields::token`]).
pub const TOKEN: &str = "token";

#[server(input = GetUrl, output = Postcard, endpoint = "consultation_form")]
pub async fn prepare_request_form(
    #[server(default)] locale: Locale,
) -> Result<FormSetup, ApiError> {
    use crate::server::content::{now_utc, services};
    let state = super::server::state()?;
    // Each render gets its own token: never cache this answer.
    super::server::no_store();
    let read = services::choices(&state.db, locale);
    let services = state.last_read.choices(locale, read).await?;
    let token = state.desk.signer.issue(now_utc().unix());
    Ok(FormSetup {
        token,
        services,
        locale,
        words: crate::server::i18n::form_words(locale),
    })
}

/// The form's hidden fields, by the names it posts ([`TOKEN`], [`HONEYPOT`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiddenFields {
    #[serde(default)]
    pub token: String,
    #[serde(default)]
    pub website: String,
}

/// Sends a request; what is wrong with it is said in `locale` (English
/// when not given).
#[server(input = Json, output = Postcard, endpoint = "consultation")]
pub async fn submit_request(
    form: RequestForm,
    token: String,
    website: String,
    #[server(default)] locale: Locale,
) -> Result<Reference, ApiError> {
    let client = super::server::extract().await?;
    let state = super::server::state()?;
    super::server::submit(
        &state,
        client,
        form,
        HiddenFields { token, website },
        locale,
    )
    .await
}

/// The server's replay of a no-JavaScript submission, if this render is one.
pub fn replay_from_context() -> Option<FormReplay> {
    use_context::<FormReplay>()
}
