//! Online booking without JavaScript: `POST /book` (and each language's
//! booking page) takes the details form, `…/manage/<token>/calendar.ics`
//! serves the appointment as a calendar file, and `…/manage/<token>/cancel`
//! and `…/move` take the manage page's forms, answering with the page again
//! and what became of the change (`?done=`). A thin adapter over the
//! server function's pipeline (`app::server::schedule::book`): a booking
//! redirects to the patient's link (post/redirect/get); anything else
//! renders the same step again, every typed value and the errors in place
//! (and, for a time taken meanwhile, the nearest free ones), under the
//! error's own status.

use app::api::booking::BookingReplay;
use app::api::ApiError;
use app::domain::booking::BookingDetails;
use app::domain::{Locale, Msg};
use app::routes;
use app::server::requests::ClientKey;
use app::server::schedule::{book, Booking};
use app::server::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The details form as it posts.
#[derive(Deserialize)]
struct Posted {
    type_id: i64,
    #[serde(default)]
    practitioner: Option<i64>,
    start: i64,
    #[serde(default)]
    token: String,
    #[serde(default)]
    website: String,
}

pub async fn post_booking(
    State(state): State<AppState>,
    client: ClientKey,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let pages = routes::Pages(Locale::of_path(uri.path()));
    let (posted, details) = read_form(&headers, &body)?;
    let booking = Booking {
        type_id: posted.type_id,
        practitioner: posted.practitioner,
        start: posted.start,
        details: details.clone(),
        token: posted.token,
        honeypot: posted.website,
        client,
        locale: pages.0,
    };
    let error = match book(&state.db, &state.desk, booking).await {
        Ok(confirmed) => {
            // A form sent again has no new link: its first answer had it.
            let to = confirmed.manage_token.map_or_else(
                || pages.book().to_owned(),
                |token| pages.book_manage(&token),
            );
            return Ok(Redirect::to(&to).into_response());
        }
        Err(error) => ApiError::from(error),
    };
    let words = app::server::i18n::form_words(pages.0);
    let replay = match &error {
        ApiError::Invalid(errors) => BookingReplay {
            details,
            errors: errors.clone(),
            ..BookingReplay::default()
        },
        ApiError::TimeTaken(nearest) => BookingReplay {
            details,
            notice: Some(app::server::i18n::text(pages.0, Msg::BookingTaken)),
            nearest: nearest.clone(),
            ..BookingReplay::default()
        },
        other => BookingReplay {
            details,
            notice: Some(other.said_in(&words)),
            ..BookingReplay::default()
        },
    };
    // The same step again: the time asked for, on its day.
    let step = app::server::schedule::details_address(
        pages,
        posted.type_id,
        posted.practitioner,
        posted.start,
    );
    Ok(crate::form_post::render_again(state, &step, replay, &error).await)
}

/// The posted form, by the names the form uses.
fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<(Posted, BookingDetails), ApiError> {
    let what = "booking form";
    Ok((
        crate::form_post::read(headers, body, what)?,
        crate::form_post::read(headers, body, what)?,
    ))
}

/// `GET <manage>/<token>/calendar.ics`: the appointment for a calendar.
pub async fn calendar(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let clinic = app::server::content::clinic::get(&state.db).await?;
    let host = state
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("localhost")
        .to_owned();
    let Some((reference, body)) =
        app::server::schedule::manage::calendar(&state.db, &token, &clinic, &host).await?
    else {
        return Err(ApiError::NotFound);
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"appointment-{reference}.ics\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}

/// The move form as it posts: the new time (Unix seconds).
#[derive(Deserialize)]
struct MoveTo {
    start: i64,
}

/// `POST <manage>/<token>/cancel`: the patient cancels, before the cutoff.
pub async fn cancel(
    State(state): State<AppState>,
    Path(token): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let outcome = app::server::schedule::manage::cancel(&state.db, &state.desk, &token).await?;
    changed(&uri, &token, outcome, "cancelled")
}

/// `POST <manage>/<token>/move`: the patient moves it to a free time.
pub async fn move_to(
    State(state): State<AppState>,
    Path(token): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let to: MoveTo = crate::form_post::read(&headers, &body, "move form")?;
    let outcome =
        app::server::schedule::manage::move_to(&state.db, &state.desk, &token, to.start).await?;
    changed(&uri, &token, outcome, "moved")
}

/// Back to the manage page (post/redirect/get), saying what happened.
fn changed(
    uri: &Uri,
    token: &str,
    outcome: app::server::schedule::manage::Outcome,
    done: &str,
) -> Result<Response, ApiError> {
    use app::server::schedule::manage::Outcome;
    let page = routes::Pages(Locale::of_path(uri.path())).book_manage(token);
    let to = match outcome {
        Outcome::NotFound => return Err(ApiError::NotFound),
        Outcome::Done => format!("{page}?done={done}"),
        Outcome::TooLate => format!("{page}?done=late"),
        Outcome::Taken => format!("{page}?step=move&done=taken"),
    };
    Ok(Redirect::to(&to).into_response())
}
