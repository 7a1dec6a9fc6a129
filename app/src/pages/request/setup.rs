//! What a consultation form needs before it shows: its token, the
//! services to choose from, and the server's replay of a form sent without
//! JavaScript.

use crate::api::request::{prepare_request_form, replay_from_context, FormReplay, FormSetup};
use crate::components::{page_resource, PageResource};

/// A form's token and services, and the server's replay of a form sent
/// without JavaScript.
pub type FormSetupResource = PageResource<(FormSetup, Option<FormReplay>)>;

/// Loads what a consultation form needs. Call it at the top of a page
/// component, never inside a `Suspend`: resources created there get
/// different ids on server and browser, and hydration fails.
pub fn use_form_setup() -> FormSetupResource {
    let replay = replay_from_context();
    page_resource(
        || (),
        move |()| {
            let replay = replay.clone();
            async move { prepare_request_form().await.map(|setup| (setup, replay)) }
        },
    )
}
