//! `POST /consultation`: the consultation form sent without JavaScript, a
//! thin adapter over the server function's pipeline (`api::server::submit`).
//! Success redirects to the confirmation (post/redirect/get); anything else
//! renders the form again, with every typed value and the errors in place,
//! under the error's own status.

use app::api::request::{FormReplay, HiddenFields};
use app::api::ApiError;
use app::domain::request::RequestForm;
use app::domain::Locale;
use app::routes;
use app::server::requests::ClientKey;
use app::server::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Redirect, Response};

pub async fn post_request(
    State(state): State<AppState>,
    client: ClientKey,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    // The page it was sent from: `/consultation` or `/es/consulta`.
    let pages = routes::Pages(Locale::of_path(uri.path()));
    let (form, hidden) = read_form(&headers, &body)?;
    let token = hidden.token.clone();
    match app::api::server::submit(&state, client, form.clone(), hidden, pages.0).await {
        Ok(reference) => Ok(Redirect::to(&pages.consultation_sent(&reference)).into_response()),
        Err(error) => {
            let replay = match error {
                ApiError::Invalid(ref errors) => FormReplay {
                    form,
                    token,
                    errors: errors.clone(),
                    notice: None,
                },
                ref other => FormReplay {
                    form,
                    token,
                    notice: Some(other.said_in(&app::server::i18n::form_words(pages.0))),
                    ..FormReplay::default()
                },
            };
            Ok(crate::form_post::render_again(state, pages.consultation(), replay, &error).await)
        }
    }
}

/// The posted form, by the names the form uses (the domain type's fields).
fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<(RequestForm, HiddenFields), ApiError> {
    let what = "consultation form";
    Ok((
        crate::form_post::read(headers, body, what)?,
        crate::form_post::read(headers, body, what)?,
    ))
}
