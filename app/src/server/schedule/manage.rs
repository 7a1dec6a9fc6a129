//! A patient's own appointment, found by the secret in their link (only
//! its hash is stored): what the confirmation page shows, and the
//! calendar file. Neither opens what the patient typed: a link passed on
//! shows a time, not a person.

use super::load::Loaded;
use super::words::label;
use crate::domain::booking::{BookingReference, DayChoice, FreeTimeView, ManagedBooking};
use crate::domain::Locale;
use crate::server::content::{clinic_zone, now_utc};
use crate::server::db::appointments::{self, Change, Changed, ManagedRow, NewTime};
use crate::server::db::mail_queue::NotificationKind;
use crate::server::db::Db;
use crate::server::ServerError;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// The appointment behind a manage link's `token`, in `locale`; with
/// `moving`, also the days and free times it could move to (`day` the
/// one chosen).
pub async fn find(
    db: &Db,
    token: &str,
    locale: Locale,
    moving: Option<Option<Date>>,
) -> Result<Option<ManagedBooking>, ServerError> {
    let hash = super::manage_token_hash(token);
    let Some(row) = appointments::by_manage_hash(db, &hash, locale.code()).await? else {
        return Ok(None);
    };
    let start = Timestamp::from_second(row.starts_at)
        .map_err(|e| ServerError::Corrupt(format!("an appointment's start: {e}")))?;
    let reference = BookingReference::parse(&row.reference).ok_or_else(|| {
        ServerError::Corrupt(format!("appointment reference {:?}", row.reference))
    })?;
    let rules = appointments::rules(db).await?;
    let mut booking = ManagedBooking {
        reference,
        kind: row.type_name.clone(),
        when: label(
            locale,
            start,
            clinic_zone(),
            row.duration_minutes,
            &row.practitioner_name,
        ),
        status: row.status.clone(),
        past: row.starts_at <= now_utc().unix(),
        changeable: changeable(&row, &rules, now_utc().unix()),
        cutoff_hours: rules.cutoff_hours(),
        days: Vec::new(),
        day: None,
        times: Vec::new(),
    };
    if let (Some(day), true) = (moving, booking.changeable) {
        let choices = move_choices(db, &row, locale, day).await?;
        (booking.days, booking.day, booking.times) = choices;
    }
    Ok(Some(booking))
}

/// Whether the patient may still move or cancel `row` at `now`: it holds
/// or asks for its time, and the cutoff before it has not come.
fn changeable(row: &ManagedRow, rules: &appointments::RulesRow, now: i64) -> bool {
    matches!(row.status.as_str(), "booked" | "requested")
        && now < row.starts_at - rules.cutoff_hours().saturating_mul(3600)
}

/// Two weeks from today of the days `row` could move to, the chosen day
/// and its free times with the same practitioner.
async fn move_choices(
    db: &Db,
    row: &ManagedRow,
    locale: Locale,
    day: Option<Date>,
) -> Result<(Vec<DayChoice>, Option<DayChoice>, Vec<FreeTimeView>), ServerError> {
    let now = Timestamp::from_second(now_utc().unix())
        .map_err(|e| ServerError::Corrupt(format!("the clock: {e}")))?;
    let today = now.to_zoned_datetime(clinic_zone().clone()).date();
    let last = today.saturating_add(13.days());
    let Some(loaded) = own_schedule(db, row, locale, today, last).await? else {
        return Ok((Vec::new(), None, Vec::new()));
    };
    let times = super::steps::free_views(
        &loaded,
        locale,
        Some(row.practitioner_id),
        (today, last),
        now,
    );
    let horizon = today.saturating_add(loaded.rules.horizon_days.days());
    let days = super::steps::days(locale, &times, today, last.min(horizon));
    let chosen = day.and_then(|d| days.iter().find(|c| c.date == d.to_string()).cloned());
    let times = chosen
        .as_ref()
        .map(|c| {
            times
                .into_iter()
                .filter(|(d, _)| d.to_string() == c.date)
                .map(|(_, view)| view)
                .collect()
        })
        .unwrap_or_default();
    Ok((days, chosen, times))
}

/// The schedule of `row`'s type on the days `first..=last`, as if `row`
/// were not booked: its own time is free for it to move within.
pub(super) async fn own_schedule(
    db: &Db,
    row: &ManagedRow,
    locale: Locale,
    first: Date,
    last: Date,
) -> Result<Option<Loaded>, ServerError> {
    let Some(mut loaded) = Loaded::read(db, row.type_id, locale, first, last).await? else {
        return Ok(None);
    };
    for (practitioner, spans) in &mut loaded.booked {
        if *practitioner == row.practitioner_id {
            spans.retain(|span| {
                (span.start.as_second(), span.end.as_second()) != (row.held_from, row.held_until)
            });
        }
    }
    Ok(Some(loaded))
}

/// What a patient's change through their link came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// No appointment has that link.
    NotFound,
    /// Past the cutoff, or no longer booked: only by phone now.
    TooLate,
    /// The new time is not free (taken meanwhile, or never offered).
    Taken,
}

/// Cancels the appointment behind `token` for its patient, before the
/// cutoff; the patient and the staff are e-mailed.
pub async fn cancel(
    db: &Db,
    desk: &crate::server::requests::RequestDesk,
    token: &str,
) -> Result<Outcome, ServerError> {
    let now = now_utc();
    let row = match changeable_now(db, token, now.unix()).await? {
        Ok(row) => row,
        Err(outcome) => return Ok(outcome),
    };
    let change = Change {
        id: row.id,
        from: &["booked", "requested"],
        now: &now.to_stored(),
        notify: &[NotificationKind::Cancelled, NotificationKind::BookingStaff],
    };
    let outcome = {
        let _turn = desk.writes.enter().await;
        match appointments::set_status(db, &change, "cancelled", None).await? {
            Changed::Done => Outcome::Done,
            Changed::Stale | Changed::Taken => Outcome::TooLate,
        }
    };
    desk.wake.notify_one();
    count("cancel", outcome);
    Ok(outcome)
}

/// Moves the appointment behind `token` to `start` (Unix seconds) with
/// the same practitioner, if that time is free, before the cutoff; the
/// patient and the staff are e-mailed.
pub async fn move_to(
    db: &Db,
    desk: &crate::server::requests::RequestDesk,
    token: &str,
    start: i64,
) -> Result<Outcome, ServerError> {
    let now = now_utc();
    let row = match changeable_now(db, token, now.unix()).await? {
        Ok(row) => row,
        Err(outcome) => return Ok(outcome),
    };
    let (Ok(start), Ok(clock)) = (
        Timestamp::from_second(start),
        Timestamp::from_second(now.unix()),
    ) else {
        return Ok(Outcome::Taken);
    };
    let day = start.to_zoned_datetime(clinic_zone().clone()).date();
    let Some(loaded) = own_schedule(db, &row, Locale::default(), day, day).await? else {
        return Ok(Outcome::Taken);
    };
    if !loaded
        .schedule()
        .is_free(row.practitioner_id, &loaded.length, start, clock)
    {
        count("move", Outcome::Taken);
        return Ok(Outcome::Taken);
    }
    let (visit, block) = (loaded.length.visit(start), loaded.length.block(start));
    let reminder = super::book::reminder_at(&loaded.settings, visit.start, now.unix());
    let change = Change {
        id: row.id,
        from: &["booked", "requested"],
        now: &now.to_stored(),
        notify: &[NotificationKind::Moved, NotificationKind::BookingStaff],
    };
    let time = NewTime {
        practitioner_id: row.practitioner_id,
        starts_at: visit.start.as_second(),
        ends_at: visit.end.as_second(),
        held_from: block.start.as_second(),
        held_until: block.end.as_second(),
        reminder_at: reminder.as_deref(),
    };
    let outcome = {
        let _turn = desk.writes.enter().await;
        match appointments::reschedule(db, &change, &time).await? {
            Changed::Done => Outcome::Done,
            Changed::Stale => Outcome::TooLate,
            Changed::Taken => Outcome::Taken,
        }
    };
    desk.wake.notify_one();
    count("move", outcome);
    Ok(outcome)
}

/// The appointment behind `token` if its patient may still change it at
/// `now`; else why not.
async fn changeable_now(
    db: &Db,
    token: &str,
    now: i64,
) -> Result<Result<ManagedRow, Outcome>, ServerError> {
    let hash = super::manage_token_hash(token);
    let Some(row) = appointments::by_manage_hash(db, &hash, "en").await? else {
        return Ok(Err(Outcome::NotFound));
    };
    let rules = appointments::rules(db).await?;
    Ok(if changeable(&row, &rules, now) {
        Ok(row)
    } else {
        Err(Outcome::TooLate)
    })
}

/// Counts patients' changes by what they came to, never by patient.
fn count(change: &'static str, outcome: Outcome) {
    let outcome = match outcome {
        Outcome::Done => "done",
        Outcome::NotFound => "not_found",
        Outcome::TooLate => "too_late",
        Outcome::Taken => "taken",
    };
    metrics::counter!("booking_changes_total", "change" => change, "outcome" => outcome)
        .increment(1);
    tracing::info!(change, outcome, "a patient changed an appointment");
}

/// The appointment behind a manage link's `token` as an iCalendar file;
/// `None` for an unknown token. Its reference and the file.
pub async fn calendar(
    db: &Db,
    token: &str,
    clinic: &crate::domain::ClinicInfo,
    host: &str,
) -> Result<Option<(String, String)>, ServerError> {
    let hash = super::manage_token_hash(token);
    let Some(row) = appointments::by_manage_hash(db, &hash, "en").await? else {
        return Ok(None);
    };
    Ok(Some((
        row.reference.clone(),
        calendar_of(&row, clinic, host)?,
    )))
}

/// An appointment as an iCalendar file (RFC 5545): its instants in UTC,
/// so every calendar shows it at the right local time, on either side of
/// a daylight-saving change. `host` makes its UID unique to the site.
pub fn calendar_of(
    row: &ManagedRow,
    clinic: &crate::domain::ClinicInfo,
    host: &str,
) -> Result<String, ServerError> {
    let utc = |seconds: i64| -> Result<String, ServerError> {
        Timestamp::from_second(seconds)
            .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
            .map_err(|e| ServerError::Corrupt(format!("an appointment's time: {e}")))
    };
    let status = if row.status == "requested" {
        "TENTATIVE"
    } else if row.status == "cancelled" || row.status == "declined" {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//{}//Online booking//EN", text(&clinic.name)),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@{}", row.reference, text(host)),
        format!("DTSTAMP:{}", utc(now_utc().unix())?),
        format!("DTSTART:{}", utc(row.starts_at)?),
        format!("DTEND:{}", utc(row.ends_at)?),
        format!(
            "SUMMARY:{}",
            text(&format!("{} ({})", row.type_name, clinic.name))
        ),
        format!(
            "DESCRIPTION:{}",
            text(&format!(
                "{} with {}. Reference {}. Call {} to change it.",
                row.type_name, row.practitioner_name, row.reference, clinic.phone
            ))
        ),
        format!("STATUS:{status}"),
    ];
    if let Some(address) = &clinic.address {
        lines.push(format!("LOCATION:{}", text(address)));
    }
    lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
    Ok(lines.iter().map(|line| fold(line)).collect())
}

/// A TEXT value, escaped as RFC 5545 says.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// One content line, folded at 75 octets (never inside a character), CRLF-ended.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_and_text_is_escaped() {
        let folded = fold(&format!("DESCRIPTION:{}", "ñ".repeat(60)));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
