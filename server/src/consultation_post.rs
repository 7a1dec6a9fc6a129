//! `POST /consultation`: the consultation form sent without JavaScript.
//! Success redirects to the confirmation (post/redirect/get); anything else
//! renders the form again, with every typed value and the errors in place.

use app::api::consultation::FormReplay;
use app::api::ApiError;
use app::domain::consultation::ConsultationForm;
use app::routes;
use app::server::consultations::{self, Submission, SubmitError};
use app::server::AppState;
use app::shell;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use serde::Deserialize;
use std::net::SocketAddr;

/// The posted fields, by the names the form uses (see `Field::name`).
#[derive(Deserialize, Default)]
struct Posted {
    #[serde(default)]
    name: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    contact_method: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    patient: String,
    #[serde(default)]
    days: Vec<String>,
    #[serde(default)]
    time_of_day: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    consent: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    website: String,
}

pub async fn post_consultation(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the consultation form as application/x-www-form-urlencoded, as the form on our site does.",
        )
            .into_response();
    }
    let posted: Posted = match serde_html_form::from_bytes(&body) {
        Ok(posted) => posted,
        Err(_) => {
            return (
                StatusCode::BAD_REQUEST,
                "The form could not be read. Please go back and send it again.",
            )
                .into_response()
        }
    };
    let form = ConsultationForm {
        name: posted.name,
        phone: posted.phone,
        email: posted.email,
        contact_method: posted.contact_method,
        service: posted.service,
        patient: posted.patient,
        days: posted.days,
        time_of_day: posted.time_of_day,
        message: posted.message,
        consent: posted.consent,
    };
    let Some(client) =
        consultations::client_key(&headers, Some(peer.ip()), state.desk.trust_forwarded)
    else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let token = posted.token.clone();
    let submission = Submission {
        form: form.clone(),
        token: posted.token,
        honeypot: posted.website,
        client,
    };
    match consultations::submit(&state.db, &state.desk, submission).await {
        Ok(reference) => Redirect::to(&routes::consultation_sent(&reference)).into_response(),
        Err(SubmitError::Invalid(errors)) => {
            let replay = FormReplay {
                form,
                token,
                errors,
                notice: None,
            };
            render_form(state, replay, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(SubmitError::RateLimited { retry_after }) => {
            let secs = retry_after.as_secs().max(1);
            let notice = ApiError::TooManyRequests {
                retry_after_secs: secs,
            }
            .to_string();
            let replay = FormReplay {
                form,
                token,
                notice: Some(notice),
                ..FormReplay::default()
            };
            render_form(state, replay, StatusCode::TOO_MANY_REQUESTS, Some(secs)).await
        }
        Err(SubmitError::Server(err)) => {
            tracing::error!(error = %err, "storing a consultation request failed");
            let notice = "Your request could not be saved because of a problem on our side, so it was not sent. \
                          Please try again in a moment, or give us a call."
                .to_owned();
            let replay = FormReplay {
                form,
                token,
                notice: Some(notice),
                ..FormReplay::default()
            };
            render_form(state, replay, StatusCode::INTERNAL_SERVER_ERROR, None).await
        }
    }
}

/// Renders `/consultation` with the replayed form, as the page itself would.
async fn render_form(
    state: AppState,
    replay: FormReplay,
    status: StatusCode,
    retry_after: Option<u64>,
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
    let request = match Request::get(routes::CONSULTATION).body(Body::empty()) {
        Ok(request) => request,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let mut response = handler(request).await.into_response();
    *response.status_mut() = status;
    if let Some(secs) = retry_after {
        if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
    }
    response
}
