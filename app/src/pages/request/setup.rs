//! What a consultation form needs before it shows: its token, the
//! services to choose from, its words, and the server's replay of a form
//! sent without JavaScript.

use crate::api::request::{prepare_request_form, replay_from_context, FormReplay, FormSetup};
use crate::components::{page_data, PageData};

/// A form's token, services and words, and the server's replay of a form
/// sent without JavaScript. The form's own module gets them from the page
/// (`FormMade`), not from this.
pub type FormSetupData = PageData<(FormSetup, Option<FormReplay>)>;

/// Loads what a consultation form needs, on the server.
pub fn use_form_setup() -> FormSetupData {
    let replay = replay_from_context();
    let locale = crate::components::Words::here().locale;
    page_data(move || async move {
        prepare_request_form(locale)
            .await
            .map(|setup| (setup, replay))
    })
}
