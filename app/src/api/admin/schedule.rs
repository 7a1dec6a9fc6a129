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
    // A consultation request answered with this appointment is scheduled.
    if let Some(request) = crate::domain::request::Reference::parse(&booking.request) {
        crate::server::requests::handling::set_status(
            &state.db,
            &request,
            crate::domain::request::RequestStatus::Scheduled,
            staff.member.id,
        )
        .await?;
    }
    Ok(booked)
}

/// Moves an appointment for a caller on the phone: the sentence said when
/// it was moved outside the usual rules.
#[server(endpoint = "admin/desk_move")]
pub async fn move_for_caller(
    moving: crate::domain::schedule::DeskMove,
) -> Result<Option<String>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, HandlesRequests};
    let staff = staff::<HandlesRequests>().await?;
    let state = state()?;
    let overridden =
        crate::server::schedule::desk::move_for_caller(&state.db, &state.desk, &moving).await?;
    let subject = format!(
        "{} to {} {}",
        moving.reference.trim(),
        moving.date,
        moving.time
    );
    audit::record(
        &state.db,
        staff.member.id,
        "appointment.move",
        Some(&subject),
    )
    .await?;
    Ok(overridden)
}

/// The practitioners and their weeks, for the editor (administrators).
#[server(endpoint = "admin/practitioners")]
pub async fn practitioner_setup(
) -> Result<crate::domain::practitioner_draft::PractitionerSetup, ApiError> {
    use crate::api::server::{no_store, staff, state};
    use crate::server::auth::Administers;
    staff::<Administers>().await?;
    let db = state()?.db;
    no_store();
    Ok(crate::server::schedule::setup::practitioners(&db).await?)
}

/// Saves a practitioner (a new one without `id`) opened at `version`:
/// the new version, or a refusal with each field's error, or a conflict
/// when someone saved it meanwhile.
#[server(endpoint = "admin/save_practitioner")]
pub async fn save_practitioner(
    #[server(default)] id: Option<i64>,
    version: i64,
    draft: crate::domain::practitioner_draft::PractitionerDraft,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    let valid = draft.validate().map_err(ApiError::InvalidDraft)?;
    let db = state()?.db;
    if let Some((key, _)) = &valid.photo {
        if crate::server::db::media::find(&db, key.as_str())
            .await?
            .is_none()
        {
            return Err(ApiError::InvalidDraft(crate::domain::DraftErrors::on(
                crate::domain::Field::Photo,
                "That photo is no longer stored: choose it again.",
            )));
        }
    }
    let mut audited = Audited::begin(&db).await?;
    let saved =
        crate::server::db::appointments::save_practitioner(&mut audited.tx, id, version, &valid)
            .await?;
    let Some((id, version)) = saved else {
        audited.rollback().await?;
        return Err(ApiError::Conflict);
    };
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!("practitioner {id}");
    let entry = Entry {
        staff_id: staff.member.id,
        at: &at,
        action: "practitioner.save",
        subject: Some(&subject),
    };
    audited.commit(&entry).await?;
    Ok(version)
}

/// Days off for a practitioner (`practitioner`, their id; empty: a closure of the
/// whole clinic), from `first_day` to `last_day` (`YYYY-MM-DD`, both
/// included). Nobody can book those days; appointments already booked
/// stay, for the front desk to move.
#[server(endpoint = "admin/add_time_off")]
pub async fn add_time_off(
    #[server(default)] practitioner: String,
    first_day: String,
    last_day: String,
    #[server(default)] note: String,
) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    let practitioner = match practitioner.trim() {
        "" => None,
        id => Some(
            id.parse::<i64>()
                .map_err(|_| ApiError::BadRequest("Choose who is off.".into()))?,
        ),
    };
    let (Ok(first), Ok(last)) = (
        first_day.parse::<jiff::civil::Date>(),
        last_day.parse::<jiff::civil::Date>(),
    ) else {
        return Err(ApiError::BadRequest(
            "Give the first and the last day.".into(),
        ));
    };
    if last < first {
        return Err(ApiError::BadRequest(
            "The last day comes on or after the first.".into(),
        ));
    }
    let note = note.trim();
    if note.chars().count() > 200 {
        return Err(ApiError::BadRequest(
            "Keep the note under 200 characters.".into(),
        ));
    }
    let db = state()?.db;
    let mut audited = Audited::begin(&db).await?;
    let id = crate::server::db::appointments::add_time_off(
        &mut audited.tx,
        practitioner,
        &first.to_string(),
        &last.to_string(),
        note,
    )
    .await?;
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!("{id}: {first} to {last}");
    audited
        .commit(&Entry {
            staff_id: staff.member.id,
            at: &at,
            action: "schedule.time_off",
            subject: Some(&subject),
        })
        .await?;
    Ok(())
}

/// Removes time off or a closure.
#[server(endpoint = "admin/remove_time_off")]
pub async fn remove_time_off(id: i64) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    let db = state()?.db;
    let mut audited = Audited::begin(&db).await?;
    let removed = crate::server::db::appointments::remove_time_off(&mut audited.tx, id).await?;
    let at = crate::server::content::now_utc().to_stored();
    let subject = id.to_string();
    audited
        .commit_one_row(
            removed,
            &Entry {
                staff_id: staff.member.id,
                at: &at,
                action: "schedule.time_off_removed",
                subject: Some(&subject),
            },
        )
        .await?;
    Ok(())
}

/// Other hours than usual for practitioner `practitioner` on the local day
/// `day` (`YYYY-MM-DD`), such as "9:00-12:00, 13:00-15:00", replacing
/// hours given for that day before. Appointments already booked stay.
#[server(endpoint = "admin/change_day")]
pub async fn change_day_hours(
    practitioner: i64,
    day: String,
    hours: String,
    #[server(default)] note: String,
) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::appointments;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    let day = day
        .parse::<jiff::civil::Date>()
        .map_err(|_| ApiError::BadRequest("Give the day.".into()))?;
    let ranges =
        crate::domain::practitioner_draft::day_hours(&hours).map_err(ApiError::BadRequest)?;
    let note = note.trim();
    if note.chars().count() > 200 {
        return Err(ApiError::BadRequest(
            "Keep the note under 200 characters.".into(),
        ));
    }
    let db = state()?.db;
    if !appointments::all_practitioners(&db)
        .await?
        .iter()
        .any(|(id, _)| *id == practitioner)
    {
        return Err(ApiError::BadRequest("Choose whose hours change.".into()));
    }
    let mut audited = Audited::begin(&db).await?;
    appointments::change_day(
        &mut audited.tx,
        practitioner,
        &day.to_string(),
        &ranges,
        note,
    )
    .await?;
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!("practitioner {practitioner} on {day}");
    audited
        .commit(&Entry {
            staff_id: staff.member.id,
            at: &at,
            action: "schedule.day_changed",
            subject: Some(&subject),
        })
        .await?;
    Ok(())
}

/// Gives practitioner `practitioner` their usual hours back on `day`.
#[server(endpoint = "admin/restore_day")]
pub async fn restore_usual_day(practitioner: i64, day: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    let db = state()?.db;
    let mut audited = Audited::begin(&db).await?;
    let removed =
        crate::server::db::appointments::remove_changed_day(&mut audited.tx, practitioner, &day)
            .await?;
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!("practitioner {practitioner} on {day}");
    audited
        .commit_one_row(
            removed.min(1),
            &Entry {
                staff_id: staff.member.id,
                at: &at,
                action: "schedule.day_restored",
                subject: Some(&subject),
            },
        )
        .await?;
    Ok(())
}

/// The clinic's booking rules.
#[server(endpoint = "admin/booking_rules")]
pub async fn save_booking_rules(
    rules: crate::domain::practitioner_draft::BookingRules,
) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::Administers;
    use crate::server::db::appointments::RulesRow;
    use crate::server::db::audit::{Audited, Entry};
    let staff = staff::<Administers>().await?;
    if let Some(problem) = rules.problem() {
        return Err(ApiError::BadRequest(problem.into()));
    }
    let db = state()?.db;
    let mut audited = Audited::begin(&db).await?;
    let row = RulesRow {
        min_notice_minutes: rules.notice_minutes,
        horizon_days: rules.horizon_days,
        cancel_cutoff_hours: rules.cutoff_hours,
        reminder_hours: rules.reminder_hours,
    };
    let changed = crate::server::db::appointments::set_rules(&mut audited.tx, &row).await?;
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!(
        "notice {} min, horizon {} days, cutoff {} h, reminder {} h",
        rules.notice_minutes, rules.horizon_days, rules.cutoff_hours, rules.reminder_hours
    );
    audited
        .commit_one_row(
            changed,
            &Entry {
                staff_id: staff.member.id,
                at: &at,
                action: "schedule.rules",
                subject: Some(&subject),
            },
        )
        .await?;
    Ok(())
}
