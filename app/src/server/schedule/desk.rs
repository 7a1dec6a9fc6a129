//! The front desk's schedule: a day or a week of appointments with the
//! patients' details (the caller audits each read), requests for a time to
//! confirm or decline, statuses through the day, and booking or moving for
//! a caller on the phone. The desk may book outside a practitioner's hours or the
//! notice, and is told so; it may never book over another appointment.

use super::load::Loaded;
use super::words::{clock, day_label, zone_at};
use crate::domain::booking::{BookingReference, PractitionerChoice};
use crate::domain::request::FieldErrors;
use crate::domain::schedule::{
    AppointmentStatus, DeskBooked, DeskBooking, DeskMove, ScheduleDay, SchedulePage, ScheduleQuery,
    StaffAppointment,
};
use crate::domain::Locale;
use crate::server::content::{clinic_zone, now_utc};
use crate::server::db::appointments::{self, Booked, Change, Changed, DeskRow, NewAppointment};
use crate::server::db::mail_queue::NotificationKind;
use crate::server::db::Db;
use crate::server::requests::RequestDesk;
use crate::server::ServerError;
use jiff::civil::{Date, Time};
use jiff::{Timestamp, ToSpan};

/// The schedule `query` asks for (a day by default, today by default).
pub async fn page(
    db: &Db,
    desk: &RequestDesk,
    query: &ScheduleQuery,
) -> Result<SchedulePage, ServerError> {
    let zone = clinic_zone();
    let now = now_utc().unix();
    let today = Timestamp::from_second(now)
        .map_err(|e| ServerError::Corrupt(format!("the clock: {e}")))?
        .to_zoned_datetime(zone.clone())
        .date();
    let week = query.view.as_deref() == Some("week");
    let date = query
        .date
        .as_deref()
        .and_then(|d| d.parse::<Date>().ok())
        .unwrap_or(today);
    // A week starts on its Monday.
    let first = if week {
        date.saturating_sub(i64::from(date.weekday().to_monday_zero_offset()).days())
    } else {
        date
    };
    let length: i64 = if week { 7 } else { 1 };
    let after = first.saturating_add(length.days());
    let rows = appointments::starting_between(
        db,
        super::load::instant(first, zone).as_second(),
        super::load::instant(after, zone).as_second(),
        query.practitioner,
    )
    .await?;
    let mut days: Vec<ScheduleDay> = (0..length)
        .map(|n| {
            let day = first.saturating_add(n.days());
            ScheduleDay {
                date: day.to_string(),
                label: day_label(Locale::En, day),
                appointments: Vec::new(),
            }
        })
        .collect();
    for row in &rows {
        let shown = shown(desk, row)?;
        let day = local_day(row.starts_at).to_string();
        if let Some(column) = days.iter_mut().find(|d| d.date == day) {
            column.appointments.push(shown);
        }
    }
    let waiting = appointments::waiting(db, now)
        .await?
        .iter()
        .map(|row| shown(desk, row))
        .collect::<Result<_, _>>()?;
    let practitioners = appointments::all_practitioners(db)
        .await?
        .into_iter()
        .map(|(id, name)| PractitionerChoice {
            id,
            name,
            ..PractitionerChoice::default()
        })
        .collect();
    Ok(SchedulePage {
        view: if week { "week" } else { "day" }.to_owned(),
        date: first.to_string(),
        today: today.to_string(),
        previous: first.saturating_sub(length.days()).to_string(),
        next: after.to_string(),
        practitioner: query.practitioner,
        practitioners,
        days,
        waiting,
        services: super::steps::services(&appointments::bookable(db, "en").await?),
        zone: zone_at(Timestamp::from_second(now).unwrap_or_default(), zone),
    })
}

fn local_day(starts_at: i64) -> Date {
    Timestamp::from_second(starts_at)
        .unwrap_or_default()
        .to_zoned_datetime(clinic_zone().clone())
        .date()
}

/// A row with its sealed fields opened, its times in the clinic's zone.
fn shown(desk: &RequestDesk, row: &DeskRow) -> Result<StaffAppointment, ServerError> {
    let [name, phone, email, message] = appointments::open_desk_row(&desk.vault, row)?;
    let zone = clinic_zone();
    let at = |seconds| Timestamp::from_second(seconds).unwrap_or_default();
    let start = at(row.starts_at);
    let local = start.to_zoned_datetime(zone.clone());
    let phone = crate::domain::Phone::parse(&phone).map_or(phone, |p| p.to_string());
    Ok(StaffAppointment {
        reference: BookingReference::parse(&row.reference).ok_or_else(|| {
            ServerError::Corrupt(format!("appointment reference {:?}", row.reference))
        })?,
        start: row.starts_at,
        day: day_label(Locale::En, local_day(row.starts_at)),
        time: format!(
            "{} – {} {}",
            clock(Locale::En, start, zone),
            clock(Locale::En, at(row.ends_at), zone),
            zone_at(start, zone)
        ),
        date: local.date().to_string(),
        clock: format!("{:02}:{:02}", local.hour(), local.minute()),
        practitioner_id: row.practitioner_id,
        practitioner: row.practitioner_name.clone(),
        kind: row.type_name.clone(),
        status: AppointmentStatus::parse(&row.status)
            .ok_or_else(|| ServerError::Corrupt(format!("appointment status {:?}", row.status)))?,
        name,
        phone,
        email,
        patient: row.patient.clone(),
        message,
        language: Locale::from_code(&row.locale)
            .unwrap_or_default()
            .english_name()
            .to_owned(),
        online: row.online,
    })
}

/// Why the desk's change or booking was refused.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("invalid details")]
    Invalid(FieldErrors),
    #[error("No appointment has that reference.")]
    NotFound,
    #[error("That change is not possible from the appointment's status now ({0}). Reload the schedule to see it.")]
    NotNow(&'static str),
    #[error(
        "Another appointment holds some of that time (buffers included). Choose another time."
    )]
    Taken,
    #[error("That time is outside {0}'s hours or inside the booking notice. Tick \"Book outside the usual rules\" to book it anyway.")]
    OutsideRules(String),
    #[error("{0}")]
    Unusable(&'static str),
    #[error(transparent)]
    Server(#[from] ServerError),
}

/// Sets appointment `reference` to `to`, if the desk may from its status
/// now; e-mails the patient when a request is confirmed or declined or a
/// visit cancelled. Confirming re-checks the time under the rule against
/// double booking.
pub async fn set_status(
    db: &Db,
    desk: &RequestDesk,
    reference: &BookingReference,
    to: AppointmentStatus,
) -> Result<(), DeskError> {
    let row = appointments::by_reference(db, reference.as_str())
        .await?
        .ok_or(DeskError::NotFound)?;
    let from = AppointmentStatus::parse(&row.status)
        .ok_or_else(|| ServerError::Corrupt(format!("appointment status {:?}", row.status)))?;
    if !from.next().iter().any(|(s, _)| *s == to) {
        return Err(DeskError::NotNow(from.label()));
    }
    let notify: &[NotificationKind] = match (from, to) {
        (AppointmentStatus::Requested, AppointmentStatus::Booked) => &[NotificationKind::Confirmed],
        (_, AppointmentStatus::Declined) => &[NotificationKind::Declined],
        (_, AppointmentStatus::Cancelled) => &[NotificationKind::Cancelled],
        _ => &[],
    };
    let now = now_utc();
    let rules = appointments::rules(db).await?;
    let start = Timestamp::from_second(row.starts_at).unwrap_or_default();
    let reminder = (from == AppointmentStatus::Requested)
        .then(|| super::book::reminder_at(&rules, start, now.unix()))
        .flatten();
    let change = Change {
        id: row.id,
        from: &[from.value()],
        now: &now.to_stored(),
        notify,
    };
    let changed = {
        let _turn = desk.writes.enter().await;
        appointments::set_status(db, &change, to.value(), reminder.as_deref()).await?
    };
    desk.wake.notify_one();
    match changed {
        Changed::Done => {
            metrics::counter!("appointment_status_changes_total", "to" => to.value()).increment(1);
            Ok(())
        }
        Changed::Stale => Err(DeskError::NotNow(from.label())),
        Changed::Taken => Err(DeskError::Taken),
    }
}

/// The day and the instant of a caller's booking, from the local day and
/// clock time the desk gave.
fn desk_start(date: &str, time: &str) -> Result<(Date, Timestamp), DeskError> {
    let day: Date = date
        .parse()
        .map_err(|_| DeskError::Unusable("Choose a day."))?;
    let time: Time = time
        .parse()
        .map_err(|_| DeskError::Unusable("Give the time as hours and minutes, such as 14:30."))?;
    // A clock time skipped by the change to daylight saving does not exist.
    let local = day.to_datetime(time);
    let zoned = local
        .to_zoned_datetime(clinic_zone().clone())
        .ok()
        .filter(|z| z.datetime() == local)
        .ok_or(DeskError::Unusable(
            "That time does not exist on that day: the clocks go forward then.",
        ))?;
    let start = zoned.timestamp();
    Ok((day, start))
}

/// Books `booking` for a caller, by staff member `staff_id`.
pub async fn book_for_caller(
    db: &Db,
    desk: &RequestDesk,
    booking: &DeskBooking,
    staff_id: i64,
) -> Result<DeskBooked, DeskError> {
    let words = crate::server::i18n::form_words(Locale::En).rules;
    let details = booking
        .details
        .validate_for_desk(&words)
        .map_err(DeskError::Invalid)?;
    let (day, start) = desk_start(&booking.date, &booking.time)?;
    let Some(loaded) = Loaded::read(db, booking.type_id, Locale::En, day, day).await? else {
        return Err(DeskError::Unusable("Choose an appointment type."));
    };
    let Some(practitioner) = loaded.names.iter().find(|p| p.id == booking.practitioner) else {
        return Err(DeskError::Unusable(
            "That practitioner does not offer this appointment type.",
        ));
    };
    let now = Timestamp::from_second(now_utc().unix()).unwrap_or_default();
    let within_rules = loaded
        .schedule()
        .is_free(practitioner.id, &loaded.length, start, now);
    if !within_rules && !booking.outside_rules {
        return Err(DeskError::OutsideRules(practitioner.name.clone()));
    }
    let reference = BookingReference::from_random(rand::random());
    let token = desk.signer.manage_token(reference.as_str());
    let (visit, block) = (loaded.length.visit(start), loaded.length.block(start));
    let created_at = now_utc();
    let reminder = super::book::reminder_at(&loaded.settings, visit.start, created_at.unix());
    let notify: &[NotificationKind] = if details.email.is_empty() {
        &[]
    } else {
        &[NotificationKind::Booked]
    };
    let new = NewAppointment {
        reference: reference.as_str(),
        submission_token: None,
        practitioner_id: practitioner.id,
        type_id: loaded.kind.id,
        starts_at: visit.start.as_second(),
        ends_at: visit.end.as_second(),
        held_from: block.start.as_second(),
        held_until: block.end.as_second(),
        status: "booked",
        patient: details.patient.value(),
        locale: "en",
        name: &details.name,
        phone: details.phone.digits(),
        email: &details.email,
        message: &details.message,
        manage_token_hash: &super::manage_token_hash(&token),
        booked_by: Some(staff_id),
        created_at: &created_at.to_stored(),
        notify,
        reminder_at: if details.email.is_empty() {
            None
        } else {
            reminder.as_deref()
        },
    };
    let stored = {
        let _turn = desk.writes.enter().await;
        appointments::insert(db, &desk.vault, &new, None).await?
    };
    desk.wake.notify_one();
    let outside = (!within_rules).then_some(practitioner.name.as_str());
    answer(stored, reference, loaded.kind.id, outside)
}

/// Moves appointment `moving.reference` for a caller on the phone, by the
/// same rules as a booking (staff may override hours and notice, never
/// another appointment); the patient is e-mailed the new time. The
/// sentence said when it was moved outside the usual rules.
pub async fn move_for_caller(
    db: &Db,
    desk: &RequestDesk,
    moving: &DeskMove,
) -> Result<Option<String>, DeskError> {
    let reference = BookingReference::parse(&moving.reference).ok_or(DeskError::NotFound)?;
    let row = appointments::by_reference(db, reference.as_str())
        .await?
        .ok_or(DeskError::NotFound)?;
    let status = AppointmentStatus::parse(&row.status)
        .ok_or_else(|| ServerError::Corrupt(format!("appointment status {:?}", row.status)))?;
    if !matches!(
        status,
        AppointmentStatus::Booked | AppointmentStatus::Requested
    ) {
        return Err(DeskError::NotNow(status.label()));
    }
    let (day, start) = desk_start(&moving.date, &moving.time)?;
    let Some(loaded) = super::manage::own_schedule(db, &row, Locale::En, day, day).await? else {
        return Err(DeskError::Unusable(
            "Its appointment type is no longer offered: cancel it and book another.",
        ));
    };
    let Some(practitioner) = loaded.names.iter().find(|p| p.id == moving.practitioner) else {
        return Err(DeskError::Unusable(
            "That practitioner does not offer this appointment type.",
        ));
    };
    let now = now_utc();
    let clock = Timestamp::from_second(now.unix()).unwrap_or_default();
    let within_rules = loaded
        .schedule()
        .is_free(practitioner.id, &loaded.length, start, clock);
    if !within_rules && !moving.outside_rules {
        return Err(DeskError::OutsideRules(practitioner.name.clone()));
    }
    let (visit, block) = (loaded.length.visit(start), loaded.length.block(start));
    // A request not yet confirmed gets its reminder when it is.
    let reminder = (status == AppointmentStatus::Booked)
        .then(|| super::book::reminder_at(&loaded.settings, visit.start, now.unix()))
        .flatten();
    let change = Change {
        id: row.id,
        from: &[status.value()],
        now: &now.to_stored(),
        notify: &[NotificationKind::Moved],
    };
    let time = appointments::NewTime {
        practitioner_id: practitioner.id,
        starts_at: visit.start.as_second(),
        ends_at: visit.end.as_second(),
        held_from: block.start.as_second(),
        held_until: block.end.as_second(),
        reminder_at: reminder.as_deref(),
    };
    let changed = {
        let _turn = desk.writes.enter().await;
        appointments::reschedule(db, &change, &time).await?
    };
    desk.wake.notify_one();
    match changed {
        Changed::Done => {
            let outcome = if within_rules {
                "moved"
            } else {
                "moved_outside_rules"
            };
            metrics::counter!("appointment_status_changes_total", "to" => outcome).increment(1);
            Ok((!within_rules).then(|| format!(
                "Moved outside the usual rules: the time is outside {}'s hours or inside the booking notice.",
                practitioner.name
            )))
        }
        Changed::Stale => Err(DeskError::NotNow(status.label())),
        Changed::Taken => Err(DeskError::Taken),
    }
}

/// What the desk is told of a stored booking of type `kind` (counted);
/// `outside` names the practitioner whose rules it was booked outside of.
fn answer(
    stored: Booked,
    reference: BookingReference,
    kind: i64,
    outside: Option<&str>,
) -> Result<DeskBooked, DeskError> {
    let outcome = if outside.is_some() {
        "booked_outside_rules"
    } else {
        "booked"
    };
    if matches!(stored, Booked::Stored(_)) {
        metrics::counter!("bookings_total", "type" => kind.to_string(), "outcome" => outcome)
            .increment(1);
    }
    match stored {
        Booked::Stored(_) => Ok(DeskBooked {
            reference,
            overridden: outside.map(|name| {
                format!(
                    "Booked outside the usual rules: the time is outside {name}'s hours or inside the booking notice."
                )
            }),
        }),
        Booked::Taken => Err(DeskError::Taken),
        Booked::Repeated(_) | Booked::Limited { .. } => Err(DeskError::Server(
            ServerError::Corrupt("a desk booking has no form token or allowance".into()),
        )),
    }
}
