//! The front desk's schedule: reading it (audited, as it shows patients'
//! details), an appointment's status, and booking for a caller. The front
//! desk and administrators only.

use crate::api::ApiError;
use crate::domain::schedule::{DeskBooked, DeskBooking, SchedulePage};
use leptos::prelude::*;

/// A day (or a week) of the schedule, of one practitioner or everyone.
#[server(endpoint = "admin/schedule")]
pub async fn schedule(
    #[server(default)] view: Option<String>,
    #[server(default)] date: Option<String>,
    #[server(default)] practitioner: Option<i64>,
) -> Result<SchedulePage, ApiError> {
    use crate::api::server::{no_store, staff, state};
    use crate::domain::schedule::ScheduleQuery;
    use crate::server::auth::{audit, HandlesRequests};
    let staff = staff::<HandlesRequests>().await?;
    let state = state()?;
    no_store();
    let query = ScheduleQuery {
        view,
        date,
        practitioner,
    };
    let page = crate::server::schedule::desk::page(&state.db, &state.desk, &query).await?;
    let subject = format!("{} {}", page.view, page.date);
    audit::record(
        &state.db,
        staff.member.id,
        "appointment.list",
        Some(&subject),
    )
    .await?;
    Ok(page)
}

/// Sets an appointment's status: confirm or decline a request, mark a
/// visit arrived or no-show, cancel it, or undo a mark.
#[server(endpoint = "admin/appointment_status")]
pub async fn set_appointment_status(reference: String, status: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::booking::BookingReference;
    use crate::domain::schedule::AppointmentStatus;
    use crate::server::auth::{audit, HandlesRequests};
    let staff = staff::<HandlesRequests>().await?;
    let reference = BookingReference::parse(&reference).ok_or(ApiError::NotFound)?;
    let to = AppointmentStatus::parse(&status)
        .ok_or_else(|| ApiError::BadRequest("Unknown status.".into()))?;
    let state = state()?;
    crate::server::schedule::desk::set_status(&state.db, &state.desk, &reference, to).await?;
    let subject = format!("{} {}", reference.as_str(), to.value());
    audit::record(
        &state.db,
        staff.member.id,
        "appointment.status",
        Some(&subject),
    )
    .await?;
    Ok(())
}

/// Books a time for a caller on the phone.
#[server(endpoint = "admin/desk_book")]
pub async fn book_for_caller(booking: DeskBooking) -> Result<DeskBooked, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, HandlesRequests};
    let staff = staff::<HandlesRequests>().await?;
    let state = state()?;
    let booked = crate::server::schedule::desk::book_for_caller(
        &state.db,
        &state.desk,
        &booking,
        staff.member.id,
    )
    .await?;
    audit::record(
        &state.db,
        staff.member.id,
        "appointment.book",
        Some(booked.reference.as_str()),
    )
    .await?;
    Ok(booked)
}
