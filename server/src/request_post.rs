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
use app::shell;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, Request, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

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
            Ok(render_form(state, pages, replay, &error).await)
        }
    }
}

/// The posted form, by the names the form uses (the domain type's fields).
fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<(RequestForm, HiddenFields), ApiError> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(ApiError::UnsupportedMediaType(
            "Send the consultation form as application/x-www-form-urlencoded, as the form on our site does."
                .into(),
        ));
    }
    let unreadable = |_| {
        ApiError::BadRequest("The form could not be read. Please go back and send it again.".into())
    };
    let form = serde_html_form::from_bytes(body).map_err(unreadable)?;
    let hidden = serde_html_form::from_bytes(body).map_err(unreadable)?;
    Ok((form, hidden))
}

/// Renders `/consultation` with the replayed form, as the page itself would,
/// under `error`'s status and headers.
async fn render_form(
    state: AppState,
    pages: routes::Pages,
    replay: FormReplay,
    error: &ApiError,
) -> Response {
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            context_state.provide_render_context();
            provide_context(context_state.clone());
            provide_context(replay.clone());
        },
        move || shell(options.clone()),
    );
    let request = match Request::get(pages.consultation()).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return ApiError::Internal.into_response(),
    };
    let mut response = handler(request).await.into_response();
    error.apply_to(&mut response);
    response
}
