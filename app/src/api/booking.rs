//! Online booking's server functions. Anyone may call them: they take only
//! what a patient sends, and every rule is checked again on the server.

use super::ApiError;
use crate::domain::booking::{BookingDetails, BookingReference, BookingStep, FreeTimeView};
use crate::domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json, Postcard};
use serde::{Deserialize, Serialize};

/// A stored booking, as the confirmation shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingConfirmed {
    pub reference: BookingReference,
    /// The patient's own link to cancel or move it (its secret is in it;
    /// only a hash is stored). `None` for a form sent again, whose first
    /// answer had it.
    pub manage_path: Option<String>,
    pub practitioner: i64,
    /// Unix seconds.
    pub start: i64,
    /// Waits for the front desk to confirm it.
    pub requested: bool,
}

/// The free times of appointment type `type_id` on the local day `day`
/// (`YYYY-MM-DD`), with `practitioner` or anyone, in `locale`.
#[server(input = GetUrl, output = Postcard, endpoint = "booking_times")]
pub async fn booking_times(
    type_id: i64,
    #[server(default)] practitioner: Option<i64>,
    day: String,
    #[server(default)] locale: Locale,
) -> Result<Vec<FreeTimeView>, ApiError> {
    use crate::server::content::now_utc;
    use crate::server::schedule::{words::view_of, Loaded};
    let state = super::server::state()?;
    super::server::no_store();
    let day: jiff::civil::Date = day
        .parse()
        .map_err(|_| ApiError::BadRequest(format!("{day:?} is not a date such as 2026-12-09")))?;
    let loaded = Loaded::read(&state.db, type_id, locale, day, day)
        .await?
        .ok_or(ApiError::NotOffered)?;
    let now = jiff::Timestamp::from_second(now_utc().unix()).map_err(|_| ApiError::Internal)?;
    let minutes = loaded.kind.duration_minutes;
    Ok(loaded
        .schedule()
        .free_times(&loaded.length, day, day, now)
        .into_iter()
        .filter(|t| practitioner.is_none_or(|id| id == t.practitioner))
        .map(|t| {
            view_of(
                locale,
                &t,
                &loaded.zone,
                minutes,
                loaded.name_of(t.practitioner),
            )
        })
        .collect())
}

/// Books a time for a patient. A time taken meanwhile answers 409 with
/// the nearest free times; the caller keeps the details shown.
#[server(input = Json, output = Postcard, endpoint = "book")]
#[allow(clippy::too_many_arguments)] // the form's fields, as it posts them
pub async fn book_appointment(
    type_id: i64,
    #[server(default)] practitioner: Option<i64>,
    start: i64,
    details: BookingDetails,
    token: String,
    #[server(default)] website: String,
    #[server(default)] locale: Locale,
) -> Result<BookingConfirmed, ApiError> {
    use crate::server::schedule::{book, Booking};
    let client = super::server::extract().await?;
    let state = super::server::state()?;
    let booking = Booking {
        type_id,
        practitioner,
        start,
        details,
        token,
        honeypot: website,
        client,
        locale,
    };
    let confirmed = book(&state.db, &state.desk, booking).await?;
    Ok(BookingConfirmed {
        manage_path: confirmed
            .manage_token
            .map(|token| crate::routes::Pages(locale).book_manage(&token)),
        reference: confirmed.reference,
        practitioner: confirmed.practitioner,
        start: confirmed.start,
        requested: confirmed.requested,
    })
}

/// The booking page's current step (`StepQuery` is its address's query).
#[server(input = GetUrl, output = Postcard, endpoint = "booking_step")]
pub async fn booking_page_step(
    #[server(default)] service: Option<String>,
    #[server(default)] kind: Option<i64>,
    #[server(default)] with: Option<String>,
    #[server(default)] from: Option<String>,
    #[server(default)] day: Option<String>,
    #[server(default)] start: Option<i64>,
    #[server(default)] locale: Locale,
) -> Result<BookingStep, ApiError> {
    let state = super::server::state()?;
    // A chosen time carries a fresh form token: never cache this answer.
    super::server::no_store();
    let query = crate::domain::booking::StepQuery {
        service,
        kind,
        with,
        from,
        day,
        start,
    };
    Ok(crate::server::schedule::step(&state.db, &state.desk, locale, &query).await?)
}

/// A booking sent without JavaScript that the server sends back: the
/// details as typed, what is wrong with them, and, when the time was
/// taken meanwhile, the nearest free times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingReplay {
    pub details: BookingDetails,
    pub errors: crate::domain::request::FieldErrors,
    pub notice: Option<String>,
    pub nearest: Vec<FreeTimeView>,
}

/// The server's replay of a no-JavaScript booking, if this render is one.
pub fn booking_replay() -> Option<BookingReplay> {
    use_context::<BookingReplay>()
}

/// The appointment behind a patient's manage link (`token` is its secret);
/// with `moving`, the days and times it could move to (`day`: the one
/// chosen, `YYYY-MM-DD`).
#[server(input = GetUrl, output = Postcard, endpoint = "booking_manage")]
pub async fn booking_manage(
    token: String,
    #[server(default)] locale: Locale,
    #[server(default)] moving: bool,
    #[server(default)] day: Option<String>,
) -> Result<crate::domain::booking::ManagedBooking, ApiError> {
    let state = super::server::state()?;
    super::server::no_store();
    let day = day.and_then(|d| d.parse::<jiff::civil::Date>().ok());
    crate::server::schedule::manage::find(&state.db, &token, locale, moving.then_some(day))
        .await?
        .ok_or(ApiError::NotFound)
}
