//! Booking a time: the patient's details checked by the consultation
//! form's rules, the time checked against the schedule, then stored so
//! that it is never booked twice (`db::appointments::insert`). A time
//! taken meanwhile is answered with the nearest free ones and the details
//! are the caller's to keep showing.

use super::free_times::FreeTime;
use super::load::Loaded;
use super::words::view_of;
use crate::domain::booking::{BookingDetails, BookingReference, FreeTimeView, ValidDetails};
use crate::domain::request::FieldErrors;
use crate::domain::{Locale, Msg};
use crate::server::content::now_utc;
use crate::server::db::appointments::{self, Booked, NewAppointment};
use crate::server::db::mail_queue::NotificationKind;
use crate::server::db::Db;
use crate::server::requests::{ClientKey, RequestDesk};
use crate::server::ServerError;
use jiff::{Timestamp, ToSpan};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// A booking as it reached the server.
pub struct Booking {
    pub type_id: i64,
    /// `None`: the first practitioner free at that time.
    pub practitioner: Option<i64>,
    /// Unix seconds.
    pub start: i64,
    pub details: BookingDetails,
    /// The signed token rendered into the form: a form sent twice books once.
    pub token: String,
    /// The hidden field only bots fill in.
    pub honeypot: String,
    pub client: ClientKey,
    pub locale: Locale,
}

/// What a stored booking tells the patient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub reference: BookingReference,
    /// The manage link's secret (only its hash is stored); `None` when the
    /// same form was sent again, whose first answer had it.
    pub manage_token: Option<String>,
    pub practitioner: i64,
    pub start: i64,
    /// Still to be confirmed by the front desk (a "request" type).
    pub requested: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("invalid details")]
    Invalid(FieldErrors),
    /// The type, the practitioner or the time is not one the schedule offers.
    #[error("not offered")]
    NotOffered,
    /// The form's token is missing, forged or its honeypot filled in.
    #[error("not a form of ours")]
    Refused,
    /// Booked by someone else meanwhile: the nearest free times instead.
    #[error("taken")]
    Taken(Vec<FreeTimeView>),
    #[error("too many requests")]
    RateLimited { retry_after: Duration },
    #[error(transparent)]
    Server(#[from] ServerError),
}

/// Books `booking` if its time is free; see the module's note.
#[tracing::instrument(skip_all)]
pub async fn book(
    db: &Db,
    desk: &RequestDesk,
    booking: Booking,
) -> Result<Confirmation, BookError> {
    let (details, nonce) = match checked(db, desk, &booking).await? {
        Checked::Repeated(first) => return Ok(first),
        Checked::New { details, nonce } => (details, nonce),
    };
    let start = Timestamp::from_second(booking.start).map_err(|_| BookError::NotOffered)?;
    let now = Timestamp::from_second(now_utc().unix()).map_err(|_| BookError::NotOffered)?;
    let loaded = around(db, &booking, start, 0).await?;
    let schedule = loaded.schedule();
    let practitioner = match booking.practitioner {
        Some(id) => schedule
            .is_free(id, &loaded.length, start, now)
            .then_some(id),
        None => loaded
            .practitioners
            .iter()
            .map(|p| p.id)
            .find(|&id| schedule.is_free(id, &loaded.length, start, now)),
    };
    let Some(practitioner) = practitioner else {
        // The nearest free times may be on other days: read those too.
        let loaded = around(db, &booking, start, NEAR_DAYS).await?;
        return Err(taken_or_not_offered(&loaded, &booking, start, now));
    };
    let reference = new_reference();
    let chosen = Chosen {
        loaded: &loaded,
        practitioner,
        start,
        manage_token: desk.signer.manage_token(reference.as_str()),
        reference,
    };
    let stored = store(db, desk, &booking, &details, &nonce, &chosen).await?;
    let outcome = match &stored {
        Booked::Stored(_) => "booked",
        Booked::Taken => "taken",
        Booked::Repeated(_) => "repeated",
        Booked::Limited { .. } => "limited",
    };
    let kind = loaded.kind.id.to_string();
    metrics::counter!("bookings_total", "type" => kind, "outcome" => outcome).increment(1);
    let requested = loaded.kind.mode == "request";
    match stored {
        Booked::Stored(_) => {
            desk.wake.notify_one();
            tracing::info!(reference = %chosen.reference, requested, "appointment booked");
            Ok(Confirmation {
                reference: chosen.reference,
                manage_token: Some(chosen.manage_token),
                practitioner,
                start: booking.start,
                requested,
            })
        }
        Booked::Repeated(first) => Ok(Confirmation {
            reference: BookingReference::parse(&first)
                .ok_or_else(|| ServerError::Corrupt(format!("appointment reference {first:?}")))?,
            manage_token: None,
            practitioner,
            start: booking.start,
            requested,
        }),
        Booked::Taken => {
            // Read again: the time that was just taken is no longer offered.
            let loaded = around(db, &booking, start, NEAR_DAYS).await?;
            Err(taken_or_not_offered(&loaded, &booking, start, now))
        }
        Booked::Limited { wait_ms } => Err(BookError::RateLimited {
            retry_after: Duration::from_millis(u64::try_from(wait_ms).unwrap_or(1)),
        }),
    }
}

/// What the checks before the schedule found.
enum Checked {
    /// The same form was booked before: its first answer.
    Repeated(Confirmation),
    New {
        details: ValidDetails,
        nonce: String,
    },
}

/// The details by the consultation form's rules (an e-mail address
/// required), the form's token and its hidden field, and whether this
/// form booked already.
async fn checked(db: &Db, desk: &RequestDesk, booking: &Booking) -> Result<Checked, BookError> {
    let mut words = crate::server::i18n::form_words(booking.locale).rules;
    words.email_missing = crate::server::i18n::text(booking.locale, Msg::BookingEmailMissing);
    let details = booking
        .details
        .validate(&words)
        .map_err(BookError::Invalid)?;
    let Some(token) = desk.signer.verify(&booking.token) else {
        return Err(BookError::Refused);
    };
    if !booking.honeypot.trim().is_empty() {
        return Err(BookError::Refused);
    }
    // A form sent again (a double click, a reload, a lost answer) gets its
    // first answer: its time is taken, by itself.
    if let Some((first, practitioner, start, status)) =
        appointments::booked_by_token(db, &token.nonce).await?
    {
        return Ok(Checked::Repeated(Confirmation {
            reference: BookingReference::parse(&first)
                .ok_or_else(|| ServerError::Corrupt(format!("appointment reference {first:?}")))?,
            manage_token: None,
            practitioner,
            start,
            requested: status == "requested",
        }));
    }
    Ok(Checked::New {
        details,
        nonce: token.nonce,
    })
}

/// The free time chosen for a booking, and what it will be known by.
struct Chosen<'a> {
    loaded: &'a Loaded,
    practitioner: i64,
    start: Timestamp,
    reference: BookingReference,
    manage_token: String,
}

/// Stores the appointment (sealed), counted against the client's allowance.
async fn store(
    db: &Db,
    desk: &RequestDesk,
    booking: &Booking,
    details: &ValidDetails,
    nonce: &str,
    chosen: &Chosen<'_>,
) -> Result<Booked, BookError> {
    let length = &chosen.loaded.length;
    let (visit, block) = (length.visit(chosen.start), length.block(chosen.start));
    let client = desk.signer.client_tag(booking.client);
    let created_at = now_utc();
    let send = desk
        .limit
        .send(&client, created_at.unix().saturating_mul(1000));
    let requested = chosen.loaded.kind.mode == "request";
    // A request's reminder is queued when the front desk confirms it.
    let reminder_at = reminder_at(&chosen.loaded.settings, visit.start, created_at.unix());
    let reminder_at = if requested { None } else { reminder_at };
    let new = NewAppointment {
        reference: chosen.reference.as_str(),
        submission_token: Some(nonce),
        practitioner_id: chosen.practitioner,
        type_id: chosen.loaded.kind.id,
        starts_at: visit.start.as_second(),
        ends_at: visit.end.as_second(),
        held_from: block.start.as_second(),
        held_until: block.end.as_second(),
        status: if requested { "requested" } else { "booked" },
        patient: details.patient.value(),
        locale: booking.locale.code(),
        name: &details.name,
        phone: details.phone.digits(),
        email: &details.email,
        message: &details.message,
        manage_token_hash: &manage_token_hash(&chosen.manage_token),
        booked_by: None,
        created_at: &created_at.to_stored(),
        notify: &[NotificationKind::BookingStaff, NotificationKind::Booked],
        reminder_at: reminder_at.as_deref(),
    };
    let _turn = desk.writes.enter().await;
    Ok(appointments::insert(db, &desk.vault, &new, Some(&send)).await?)
}

/// How many free times a taken one is answered with.
const NEAREST: usize = 6;

/// How many days either side of a taken time its nearest free ones are looked for in.
const NEAR_DAYS: i32 = 7;

/// The schedule from `days` before `start`'s day to `days` after it: the
/// day alone to check a time, a fortnight to offer the nearest free ones.
async fn around(
    db: &Db,
    booking: &Booking,
    start: Timestamp,
    days: i32,
) -> Result<Loaded, BookError> {
    let day = start
        .to_zoned_datetime(crate::server::content::clinic_zone().clone())
        .date();
    let (first, last) = (
        day.saturating_sub(days.days()),
        day.saturating_add(days.days()),
    );
    Loaded::read(db, booking.type_id, booking.locale, first, last)
        .await?
        .ok_or(BookError::NotOffered)
}

/// Not free: taken if the time was ever on the schedule's grid (the
/// nearest free times offered instead), else not offered at all.
fn taken_or_not_offered(
    loaded: &Loaded,
    booking: &Booking,
    start: Timestamp,
    now: Timestamp,
) -> BookError {
    let schedule = loaded.schedule();
    let day = start.to_zoned_datetime(loaded.zone.clone()).date();
    let (first, last) = (
        day.saturating_sub(NEAR_DAYS.days()),
        day.saturating_add(NEAR_DAYS.days()),
    );
    let mut free: Vec<FreeTime> = schedule
        .free_times(&loaded.length, first, last, now)
        .into_iter()
        .filter(|t| booking.practitioner.is_none_or(|id| id == t.practitioner))
        .collect();
    if booking
        .practitioner
        .is_some_and(|id| !loaded.practitioners.iter().any(|p| p.id == id))
    {
        return BookError::NotOffered;
    }
    free.sort_by_key(|t| t.start.duration_since(start).abs());
    free.truncate(NEAREST);
    free.sort_by_key(|t| t.start);
    let minutes = loaded.kind.duration_minutes;
    BookError::Taken(
        free.into_iter()
            .map(|t| {
                view_of(
                    booking.locale,
                    &t,
                    &loaded.zone,
                    minutes,
                    loaded.name_of(t.practitioner),
                )
            })
            .collect(),
    )
}

/// When the reminder of a visit starting at `start` is due (the rules'
/// hours before it), as stored; `None` when that moment has passed at
/// `now` (Unix seconds) or reminders are off (0 hours).
pub fn reminder_at(rules: &appointments::RulesRow, start: Timestamp, now: i64) -> Option<String> {
    let due = start.as_second() - rules.reminder_hours.saturating_mul(3600);
    (rules.reminder_hours > 0 && due > now)
        .then(|| crate::server::content::Timestamp::from_unix(due).to_stored())
}

/// What is stored of a manage link's secret.
pub fn manage_token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn new_reference() -> BookingReference {
    let mut bytes = [0_u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    BookingReference::from_random(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reminder is due exactly its hours before the visit's instant,
    /// across either change (here 24 h before a Monday 9:00 is the Sunday's
    /// 9:00, both sides of the change at 2:00 that Sunday).
    #[test]
    fn a_reminder_is_due_its_hours_before_the_instant_across_daylight_saving() {
        let rules = appointments::RulesRow {
            min_notice_minutes: 120,
            horizon_days: 60,
            cancel_cutoff_hours: 24,
            reminder_hours: 24,
        };
        for (visit, due) in [
            // Monday 9 March 2026, 9:00 EDT; Sunday 8 March, 9:00 EDT.
            (1_773_061_200, "2026-03-08T13:00:00Z"),
            // Monday 2 November 2026, 9:00 EST; Sunday 1 November, 9:00 EST.
            (1_793_628_000, "2026-11-01T14:00:00Z"),
        ] {
            let start = Timestamp::from_second(visit).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(reminder_at(&rules, start, 0).as_deref(), Some(due));
        }
        let start = Timestamp::from_second(1_773_061_200).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            reminder_at(&rules, start, 1_773_061_200 - 3600),
            None,
            "too late for one"
        );
        let off = appointments::RulesRow {
            reminder_hours: 0,
            ..rules
        };
        assert_eq!(reminder_at(&off, start, 0), None, "reminders off");
    }
}
