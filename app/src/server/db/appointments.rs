//! Online booking's tables: what the schedule is made of (practitioners,
//! appointment types, hours, exceptions, rules) read for the free-time
//! engine, and appointments, stored so that one practitioner is never
//! booked twice at once on either engine. The patient's words are sealed
//! on the way in ([`Vault`]), like a request's.

use super::mail_queue::{self, NotificationKind, Subject};
use super::request_allowance::{self, Send};
use super::Db;
use crate::server::vault::Vault;
use crate::server::ServerError;

/// The columns that hold what a patient typed, each sealed.
pub const SEALED: [&str; 4] = ["name", "phone", "email", "message"];

/// The associated data of an appointment's sealed `field`.
pub fn context(reference: &str, field: &str) -> String {
    format!("appointments:{reference}:{field}")
}

/// Opens an appointment's sealed `field`.
pub(super) fn open(
    vault: &Vault,
    reference: &str,
    field: &str,
    sealed: &[u8],
) -> Result<String, ServerError> {
    vault
        .open_str(&context(reference, field), sealed)
        .map_err(|e| {
            ServerError::Corrupt(format!(
                "appointment {reference}: its {field} does not open: {e}"
            ))
        })
}

/// An appointment type as the engine and the booking need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TypeRow {
    pub id: i64,
    pub service_id: i64,
    pub name: String,
    pub duration_minutes: i64,
    pub buffer_before_minutes: i64,
    pub buffer_after_minutes: i64,
    pub patients: String,
    pub mode: String,
}

/// The active type `id`, its name in `locale` where it has one.
pub async fn active_type(db: &Db, id: i64, locale: &str) -> Result<Option<TypeRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT t.id, t.service_id, COALESCE(tr.name, t.name) AS name, t.duration_minutes,
           t.buffer_before_minutes, t.buffer_after_minutes, t.patients, t.mode
         FROM appointment_types t
         LEFT JOIN appointment_type_translations tr ON tr.type_id = t.id AND tr.locale = $2
         WHERE t.id = $1 AND t.active")
        .bind(id)
        .bind(locale)
        .fetch_optional(c).await)?)
}

/// One working range of a practitioner's usual week (Monday is 0).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HoursRow {
    pub practitioner_id: i64,
    pub weekday: i64,
    pub start_minute: i64,
    pub end_minute: i64,
}

/// A practitioner as patients choose them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookableWho {
    pub id: i64,
    pub name: String,
    pub bio: String,
    pub photo_key: Option<String>,
    pub photo_alt: String,
    /// Comma-separated locale codes.
    pub languages: String,
}

/// The active practitioners who offer service `service_id`, in order, each
/// bio in `locale` where one is written.
pub async fn practitioners_for(
    db: &Db,
    service_id: i64,
    locale: &str,
) -> Result<Vec<BookableWho>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT p.id, p.name, COALESCE(pt.bio, p.bio) AS bio, p.photo_key, p.photo_alt, p.languages
         FROM practitioners p
         JOIN practitioner_services ps ON ps.practitioner_id = p.id
         LEFT JOIN practitioner_translations pt ON pt.practitioner_id = p.id AND pt.locale = $2
         WHERE ps.service_id = $1 AND p.active
         ORDER BY p.position, p.id")
        .bind(service_id)
        .bind(locale)
        .fetch_all(c).await)?)
}

/// The usual weeks of `practitioners`.
pub async fn hours_of(db: &Db, practitioners: &[i64]) -> Result<Vec<HoursRow>, ServerError> {
    let rows: Vec<HoursRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT practitioner_id, weekday, start_minute, end_minute FROM working_hours
         ORDER BY practitioner_id, weekday, start_minute")
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .filter(|row| practitioners.contains(&row.practitioner_id))
        .collect())
}

/// A change to the usual week (`schedule_exceptions`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExceptionRow {
    pub practitioner_id: Option<i64>,
    pub first_day: String,
    pub last_day: String,
    pub start_minute: Option<i64>,
    pub end_minute: Option<i64>,
}

/// The exceptions that touch the local days `first..=last` (`YYYY-MM-DD`).
pub async fn exceptions_between(
    db: &Db,
    first: &str,
    last: &str,
) -> Result<Vec<ExceptionRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT practitioner_id, first_day, last_day, start_minute, end_minute
         FROM schedule_exceptions WHERE first_day <= $2 AND last_day >= $1
         ORDER BY first_day, start_minute")
        .bind(first)
        .bind(last)
        .fetch_all(c).await)?)
}

/// The clinic's booking rules (`booking_rules`).
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct RulesRow {
    pub min_notice_minutes: i64,
    pub horizon_days: i64,
    pub cancel_cutoff_hours: i64,
    pub reminder_hours: i64,
}

impl RulesRow {
    /// Hours before a visit after which a patient must call to change it.
    pub fn cutoff_hours(&self) -> i64 {
        self.cancel_cutoff_hours
    }
}

pub async fn rules(db: &Db) -> Result<RulesRow, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT min_notice_minutes, horizon_days, cancel_cutoff_hours, reminder_hours
         FROM booking_rules WHERE id = 1")
        .fetch_one(c).await)?)
}

/// The statuses in which an appointment holds its time.
pub const HOLDING: [&str; 3] = ["booked", "arrived", "no_show"];

/// The time held (buffers included) by `practitioners`' appointments between
/// the instants `from` and `to` (Unix seconds): by practitioner, in order.
pub async fn held_between(
    db: &Db,
    practitioners: &[i64],
    from: i64,
    to: i64,
) -> Result<Vec<(i64, i64, i64)>, ServerError> {
    let rows: Vec<(i64, i64, i64)> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT practitioner_id, held_from, held_until FROM appointments
         WHERE status IN ('booked', 'arrived', 'no_show') AND held_until > $1 AND held_from < $2
         ORDER BY practitioner_id, held_from")
        .bind(from)
        .bind(to)
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .filter(|(id, _, _)| practitioners.contains(id))
        .collect())
}

/// An appointment to store; the patient's words as typed (sealed here).
pub struct NewAppointment<'a> {
    pub reference: &'a str,
    /// The rendered form's nonce: a form sent twice books once. `None`
    /// when staff book.
    pub submission_token: Option<&'a str>,
    pub practitioner_id: i64,
    pub type_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub held_from: i64,
    pub held_until: i64,
    /// `booked` (holds its time) or `requested` (waits for staff).
    pub status: &'a str,
    pub patient: &'a str,
    pub locale: &'a str,
    pub name: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub message: &'a str,
    pub manage_token_hash: &'a str,
    pub booked_by: Option<i64>,
    pub created_at: &'a str,
    /// The e-mails it causes at once, queued with it.
    pub notify: &'a [NotificationKind],
    /// When its reminder is due, if it gets one.
    pub reminder_at: Option<&'a str>,
}

/// What became of [`insert`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booked {
    Stored(i64),
    /// Another appointment holds some of the time (buffers included).
    Taken,
    /// The same form was stored before: its reference.
    Repeated(String),
    /// The client has used its allowance of sends (shared with the
    /// consultation form); it may send again in `wait_ms`.
    Limited {
        wait_ms: i64,
    },
}

/// Stores `new` unless its time is taken. The overlap is checked and the
/// row inserted in one write transaction (SQLite takes its write lock
/// first, so no other booking runs between); PostgreSQL's exclusion
/// constraint and SQLite's triggers refuse an overlap whatever wrote it,
/// and such a refusal is [`Booked::Taken`] too.
/// One step: the allowance, the overlap check, the row and its e-mails in
/// one write transaction, each refusal rolled back where it is found.
pub async fn insert(
    db: &Db,
    vault: &Vault,
    new: &NewAppointment<'_>,
    send: Option<&Send<'_>>,
) -> Result<Booked, ServerError> {
    if let Some(token) = new.submission_token {
        if let Some(reference) = reference_of_token(db, token).await? {
            return Ok(Booked::Repeated(reference));
        }
    }
    let seal = |field: &str, value: &str| vault.seal_str(&context(new.reference, field), value);
    let mut tx = db.begin_write().await?;
    if let Some(send) = send {
        if let Err(wait_ms) = request_allowance::take(&mut tx, send).await? {
            tx.rollback().await?;
            return Ok(Booked::Limited { wait_ms });
        }
    }
    if HOLDING.contains(&new.status) {
        let taken: bool = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM appointments
               WHERE practitioner_id = $1 AND status IN ('booked', 'arrived', 'no_show')
                 AND held_from < $3 AND $2 < held_until)")
            .bind(new.practitioner_id)
            .bind(new.held_from)
            .bind(new.held_until)
            .fetch_one(c).await)?;
        if taken {
            tx.rollback().await?;
            return Ok(Booked::Taken);
        }
    }
    let inserted = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO appointments (reference, submission_token, practitioner_id, type_id, starts_at,
           ends_at, held_from, held_until, status, patient, locale, name, phone, email, message,
           manage_token_hash, booked_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         RETURNING id")
        .bind(new.reference)
        .bind(new.submission_token)
        .bind(new.practitioner_id)
        .bind(new.type_id)
        .bind(new.starts_at)
        .bind(new.ends_at)
        .bind(new.held_from)
        .bind(new.held_until)
        .bind(new.status)
        .bind(new.patient)
        .bind(new.locale)
        .bind(seal("name", new.name))
        .bind(seal("phone", new.phone))
        .bind(seal("email", new.email))
        .bind(seal("message", new.message))
        .bind(new.manage_token_hash)
        .bind(new.booked_by)
        .bind(new.created_at)
        .fetch_one(c).await);
    match inserted {
        Ok(id) => {
            for kind in new.notify {
                mail_queue::enqueue(&mut tx, Subject::Appointment(id), *kind, new.created_at)
                    .await?;
            }
            if let Some(due) = new.reminder_at {
                mail_queue::enqueue(
                    &mut tx,
                    Subject::Appointment(id),
                    NotificationKind::Reminder,
                    due,
                )
                .await?;
            }
            tx.commit().await?;
            Ok(Booked::Stored(id))
        }
        Err(e) if is_overlap(&e) => {
            tx.rollback().await?;
            Ok(Booked::Taken)
        }
        Err(e) if is_token_conflict(&e) => {
            tx.rollback().await?;
            let token = new.submission_token.unwrap_or_default();
            reference_of_token(db, token)
                .await?
                .map(Booked::Repeated)
                .ok_or_else(|| {
                    ServerError::Corrupt("a booking token conflict without its row".into())
                })
        }
        Err(e) => Err(e.into()),
    }
}

/// The appointment a rendered form booked: its reference, practitioner,
/// start and status.
pub async fn booked_by_token(
    db: &Db,
    token: &str,
) -> Result<Option<(String, i64, i64, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT reference, practitioner_id, starts_at, status FROM appointments WHERE submission_token = $1")
        .bind(token)
        .fetch_optional(c).await)?)
}

async fn reference_of_token(db: &Db, token: &str) -> Result<Option<String>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT reference FROM appointments WHERE submission_token = $1")
        .bind(token)
        .fetch_optional(c).await)?)
}

/// PostgreSQL's exclusion constraint, or SQLite's trigger of the same name.
fn is_overlap(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.code().as_deref() == Some("23P01")
                || db.message().contains("appointments_never_overlap")
        }
        _ => false,
    }
}

fn is_token_conflict(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() && db.message().contains("submission_token")
                || db.constraint() == Some("appointments_submission_token_key")
        }
        _ => false,
    }
}

/// How many appointments hold time with `practitioner` (for tests and the
/// schedule's counts).
pub async fn holding_count(db: &Db, practitioner: i64) -> Result<i64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM appointments WHERE practitioner_id = $1
           AND status IN ('booked', 'arrived', 'no_show')")
        .bind(practitioner)
        .fetch_one(c).await)?)
}

/// Whether no appointment type and no practitioner exist yet.
pub async fn schedule_is_empty(db: &Db) -> Result<bool, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT NOT EXISTS (SELECT 1 FROM appointment_types)
            AND NOT EXISTS (SELECT 1 FROM practitioners)")
        .fetch_one(c).await)?)
}

/// An appointment type of the seed, for the service with slug `service`.
pub struct SeedType<'a> {
    pub service: &'a str,
    pub name: &'a str,
    /// Its name in other languages: (locale, name).
    pub translations: Vec<(&'a str, &'a str)>,
    pub minutes: i64,
    pub after: i64,
    pub patients: &'a str,
    pub mode: &'a str,
}

/// A practitioner of the seed: the services by slug, hours as (weekday,
/// start minute, end minute).
pub struct SeedPractitioner<'a> {
    pub name: &'a str,
    pub bio: &'a str,
    pub services: Vec<&'a str>,
    /// Comma-separated locale codes.
    pub languages: String,
    pub hours: Vec<(i64, i64, i64)>,
}

/// Writes the seed's types and practitioners in one transaction.
pub async fn seed(
    db: &Db,
    types: &[SeedType<'_>],
    practitioners: &[SeedPractitioner<'_>],
) -> Result<(), ServerError> {
    let mut tx = db.begin_write().await?;
    for (position, t) in (1_i64..).zip(types) {
        let id: i64 = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
            "INSERT INTO appointment_types (service_id, name, duration_minutes, buffer_after_minutes,
               patients, mode, position)
             VALUES ((SELECT id FROM services WHERE slug = $1), $2, $3, $4, $5, $6, $7) RETURNING id")
            .bind(t.service)
            .bind(t.name)
            .bind(t.minutes)
            .bind(t.after)
            .bind(t.patients)
            .bind(t.mode)
            .bind(position)
            .fetch_one(c).await)?;
        for (locale, name) in &t.translations {
            crate::on_tx!(&mut tx, c => sqlx::query(
                "INSERT INTO appointment_type_translations (type_id, locale, name) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(*locale)
                .bind(*name)
                .execute(c).await.map(|done| done.rows_affected()))?;
        }
    }
    for (position, p) in (1_i64..).zip(practitioners) {
        let id: i64 = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
            "INSERT INTO practitioners (name, bio, languages, position) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(p.name)
            .bind(p.bio)
            .bind(&p.languages)
            .bind(position)
            .fetch_one(c).await)?;
        for service in &p.services {
            crate::on_tx!(&mut tx, c => sqlx::query(
                "INSERT INTO practitioner_services (practitioner_id, service_id)
                 SELECT $1, id FROM services WHERE slug = $2")
                .bind(id)
                .bind(*service)
                .execute(c).await.map(|done| done.rows_affected()))?;
        }
        for (weekday, from, to) in &p.hours {
            crate::on_tx!(&mut tx, c => sqlx::query(
                "INSERT INTO working_hours (practitioner_id, weekday, start_minute, end_minute)
                 VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(*weekday)
                .bind(*from)
                .bind(*to)
                .execute(c).await.map(|done| done.rows_affected()))?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// An active type that someone offers, with its service, in a language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookableRow {
    pub service_slug: String,
    pub service_name: String,
    pub id: i64,
    pub name: String,
    pub duration_minutes: i64,
    pub patients: String,
    pub mode: String,
}

/// Every type a patient may book now (an active practitioner offers its
/// service), named in `locale` where a name is written, in the services'
/// and the types' order.
pub async fn bookable(db: &Db, locale: &str) -> Result<Vec<BookableRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT s.slug AS service_slug, COALESCE(st.name, s.name) AS service_name, t.id,
           COALESCE(tt.name, t.name) AS name, t.duration_minutes, t.patients, t.mode
         FROM appointment_types t
         JOIN services s ON s.id = t.service_id
         LEFT JOIN service_translations st ON st.service_id = s.id AND st.locale = $1
         LEFT JOIN appointment_type_translations tt ON tt.type_id = t.id AND tt.locale = $1
         WHERE t.active AND EXISTS (
           SELECT 1 FROM practitioner_services ps JOIN practitioners p ON p.id = ps.practitioner_id
           WHERE ps.service_id = s.id AND p.active)
         ORDER BY s.position, s.id, t.position, t.id")
        .bind(locale)
        .fetch_all(c).await)?)
}

/// An appointment as its manage link shows it: nothing the patient typed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ManagedRow {
    pub id: i64,
    pub reference: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub held_from: i64,
    pub held_until: i64,
    pub status: String,
    /// The language it was booked in (its e-mails speak it).
    pub locale: String,
    pub type_id: i64,
    pub practitioner_id: i64,
    pub type_name: String,
    pub duration_minutes: i64,
    pub practitioner_name: String,
}

/// The columns of a [`ManagedRow`], the type named in the language `$2`.
const MANAGED: &str = "SELECT a.id, a.reference, a.starts_at, a.ends_at, a.held_from,
       a.held_until, a.status, a.type_id, a.practitioner_id, a.locale,
       COALESCE(tt.name, t.name) AS type_name, t.duration_minutes,
       p.name AS practitioner_name
     FROM appointments a
     JOIN appointment_types t ON t.id = a.type_id
     JOIN practitioners p ON p.id = a.practitioner_id
     LEFT JOIN appointment_type_translations tt ON tt.type_id = t.id AND tt.locale = $2";

/// The appointment whose manage link's secret hashes to `hash`, its type
/// named in `locale`.
pub async fn by_manage_hash(
    db: &Db,
    hash: &str,
    locale: &str,
) -> Result<Option<ManagedRow>, ServerError> {
    let sql = format!("{MANAGED} WHERE a.manage_token_hash = $1");
    Ok(crate::on_pool!(db, c => sqlx::query_as(&sql)
        .bind(hash)
        .bind(locale)
        .fetch_optional(c).await)?)
}

/// Appointment `id` as its e-mails describe it, its type named in `locale`.
pub async fn by_id(db: &Db, id: i64, locale: &str) -> Result<Option<ManagedRow>, ServerError> {
    let sql = format!("{MANAGED} WHERE a.id = $1");
    Ok(crate::on_pool!(db, c => sqlx::query_as(&sql)
        .bind(id)
        .bind(locale)
        .fetch_optional(c).await)?)
}

/// A change to an appointment and the e-mails it causes, written together.
pub struct Change<'a> {
    pub id: i64,
    /// The statuses it may have now; another means someone changed it
    /// meanwhile, and nothing is written.
    pub from: &'a [&'a str],
    pub now: &'a str,
    /// The e-mails it causes at once.
    pub notify: &'a [NotificationKind],
}

/// What became of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// Its status was not one of `from` any more.
    Stale,
    /// Another appointment holds some of the new time.
    Taken,
}

/// Sets appointment `change.id`'s status to `to` (cancelled, declined,
/// arrived, no-show, or booked when the front desk confirms a request),
/// with its e-mails; a cancelled or declined one loses its reminder, and
/// `reminder_at` gives one (a confirmed request). Confirming re-checks the
/// time under the rule against double booking, like a booking.
pub async fn set_status(
    db: &Db,
    change: &Change<'_>,
    to: &str,
    reminder_at: Option<&str>,
) -> Result<Changed, ServerError> {
    let (mut tx, held) = match begin_change(db, change).await? {
        Ok(begun) => begun,
        Err(stale) => return Ok(stale),
    };
    if HOLDING.contains(&to)
        && !HOLDING.contains(&held.status.as_str())
        && overlaps(&mut tx, change.id, held.practitioner, held.from, held.until).await?
    {
        tx.rollback().await?;
        return Ok(Changed::Taken);
    }
    let updated = crate::on_tx!(&mut tx, c => sqlx::query(
        "UPDATE appointments SET status = $1, status_changed_at = $2 WHERE id = $3")
        .bind(to)
        .bind(change.now)
        .bind(change.id)
        .execute(c).await.map(|done| done.rows_affected()));
    let reminder = if matches!(to, "cancelled" | "declined") {
        Some(None)
    } else {
        reminder_at.map(Some)
    };
    finish(tx, change, updated, reminder).await
}

/// The new time of a moved appointment (Unix seconds), and when its
/// reminder is due then.
pub struct NewTime<'a> {
    pub practitioner_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub held_from: i64,
    pub held_until: i64,
    pub reminder_at: Option<&'a str>,
}

/// Moves appointment `change.id` to `time`, unless another appointment
/// holds it: checked and written in one write transaction, as a booking is
/// (and the database's own rule refuses an overlap whatever wrote it).
pub async fn reschedule(
    db: &Db,
    change: &Change<'_>,
    time: &NewTime<'_>,
) -> Result<Changed, ServerError> {
    let (mut tx, held) = match begin_change(db, change).await? {
        Ok(begun) => begun,
        Err(stale) => return Ok(stale),
    };
    if HOLDING.contains(&held.status.as_str())
        && overlaps(
            &mut tx,
            change.id,
            time.practitioner_id,
            time.held_from,
            time.held_until,
        )
        .await?
    {
        tx.rollback().await?;
        return Ok(Changed::Taken);
    }
    let updated = crate::on_tx!(&mut tx, c => sqlx::query(
        "UPDATE appointments SET practitioner_id = $1, starts_at = $2, ends_at = $3, held_from = $4,
           held_until = $5, status_changed_at = $6 WHERE id = $7")
        .bind(time.practitioner_id)
        .bind(time.starts_at)
        .bind(time.ends_at)
        .bind(time.held_from)
        .bind(time.held_until)
        .bind(change.now)
        .bind(change.id)
        .execute(c).await.map(|done| done.rows_affected()));
    // A request gets its reminder when the front desk confirms it.
    let reminder = (held.status != "requested").then_some(time.reminder_at);
    finish(tx, change, updated, Some(reminder.flatten())).await
}

/// An appointment's status and the time it holds, as a change finds it.
struct Held {
    status: String,
    practitioner: i64,
    from: i64,
    until: i64,
}

/// Opens a change's write transaction with the appointment as it is, or
/// says [`Changed::Stale`] when it is gone or no longer in `change.from`.
async fn begin_change(
    db: &Db,
    change: &Change<'_>,
) -> Result<Result<(super::Tx, Held), Changed>, ServerError> {
    let mut tx = db.begin_write().await?;
    let found: Option<(String, i64, i64, i64)> = crate::on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT status, practitioner_id, held_from, held_until FROM appointments WHERE id = $1")
        .bind(change.id)
        .fetch_optional(c).await)?;
    match found {
        Some((status, practitioner, from, until)) if change.from.contains(&status.as_str()) => {
            let held = Held {
                status,
                practitioner,
                from,
                until,
            };
            Ok(Ok((tx, held)))
        }
        _ => {
            tx.rollback().await?;
            Ok(Err(Changed::Stale))
        }
    }
}

/// Ends a change after its `updated` row: [`Changed::Taken`] when the
/// database refused an overlap; else its reminder moved (`Some(due)`, none
/// when `due` is `None`) or left alone (`None`), its e-mails queued, kept.
async fn finish(
    mut tx: super::Tx,
    change: &Change<'_>,
    updated: Result<u64, sqlx::Error>,
    reminder: Option<Option<&str>>,
) -> Result<Changed, ServerError> {
    match updated {
        Ok(_) => {}
        Err(e) if is_overlap(&e) => {
            tx.rollback().await?;
            return Ok(Changed::Taken);
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(due) = reminder {
        mail_queue::reschedule_reminder(&mut tx, change.id, due).await?;
    }
    notify(&mut tx, change).await?;
    tx.commit().await?;
    Ok(Changed::Done)
}

/// Whether an appointment other than `id` holds time of `practitioner`
/// between `from` and `until`.
async fn overlaps(
    tx: &mut super::Tx,
    id: i64,
    practitioner: i64,
    from: i64,
    until: i64,
) -> Result<bool, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM appointments
           WHERE id <> $1 AND practitioner_id = $2 AND status IN ('booked', 'arrived', 'no_show')
             AND held_from < $4 AND $3 < held_until)")
        .bind(id)
        .bind(practitioner)
        .bind(from)
        .bind(until)
        .fetch_one(c).await)?)
}

async fn notify(tx: &mut super::Tx, change: &Change<'_>) -> Result<(), ServerError> {
    for kind in change.notify {
        mail_queue::enqueue(tx, Subject::Appointment(change.id), *kind, change.now).await?;
    }
    Ok(())
}

/// An appointment as the front desk's schedule lists it; the patient's
/// words still sealed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeskRow {
    pub id: i64,
    pub reference: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub status: String,
    pub practitioner_id: i64,
    pub practitioner_name: String,
    pub type_name: String,
    pub patient: String,
    pub locale: String,
    pub name: Vec<u8>,
    pub phone: Vec<u8>,
    pub email: Vec<u8>,
    pub message: Vec<u8>,
    pub online: bool,
}

const DESK: &str = "SELECT a.id, a.reference, a.starts_at, a.ends_at, a.status, a.practitioner_id,
       p.name AS practitioner_name, t.name AS type_name, a.patient, a.locale, a.name, a.phone,
       a.email, a.message, a.booked_by IS NULL AS online
     FROM appointments a
     JOIN appointment_types t ON t.id = a.type_id
     JOIN practitioners p ON p.id = a.practitioner_id";

/// The appointments starting between the instants `from` and `to`, of
/// `practitioner` or everyone, by start.
pub async fn starting_between(
    db: &Db,
    from: i64,
    to: i64,
    practitioner: Option<i64>,
) -> Result<Vec<DeskRow>, ServerError> {
    let sql = format!(
        "{DESK} WHERE a.starts_at >= $1 AND a.starts_at < $2
           AND ($3 IS NULL OR a.practitioner_id = $3)
         ORDER BY a.starts_at, p.position, p.id"
    );
    Ok(crate::on_pool!(db, c => sqlx::query_as(&sql)
        .bind(from)
        .bind(to)
        .bind(practitioner)
        .fetch_all(c).await)?)
}

/// Requests for a time still to come that wait for the front desk.
pub async fn waiting(db: &Db, now: i64) -> Result<Vec<DeskRow>, ServerError> {
    let sql = format!(
        "{DESK} WHERE a.status = 'requested' AND a.starts_at > $1 ORDER BY a.created_at, a.id"
    );
    Ok(crate::on_pool!(db, c => sqlx::query_as(&sql)
        .bind(now)
        .fetch_all(c).await)?)
}

/// Appointment `reference` as the desk changes it.
pub async fn by_reference(db: &Db, reference: &str) -> Result<Option<ManagedRow>, ServerError> {
    let sql = format!("{MANAGED} WHERE a.reference = $1");
    Ok(crate::on_pool!(db, c => sqlx::query_as(&sql)
        .bind(reference)
        .bind("en")
        .fetch_optional(c).await)?)
}

/// Opens a row's sealed fields: name, phone, e-mail, message.
pub fn open_desk_row(vault: &Vault, row: &DeskRow) -> Result<[String; 4], ServerError> {
    Ok([
        open(vault, &row.reference, "name", &row.name)?,
        open(vault, &row.reference, "phone", &row.phone)?,
        open(vault, &row.reference, "email", &row.email)?,
        open(vault, &row.reference, "message", &row.message)?,
    ])
}

/// Every practitioner, active or not, in order: id and name.
pub async fn all_practitioners(db: &Db) -> Result<Vec<(i64, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT id, name FROM practitioners ORDER BY position, id")
        .fetch_all(c).await)?)
}

/// Deletes the appointments that ended before the instant `cutoff`, and
/// their notifications, in one transaction: how many of each.
pub async fn purge_ended_before(db: &Db, cutoff: i64) -> Result<(u64, u64), ServerError> {
    const DUE: &str = "SELECT id FROM appointments WHERE ends_at < $1";
    let mut tx = db.begin_write().await?;
    let notifications = crate::on_tx!(&mut tx, c => sqlx::query(&format!(
        "DELETE FROM notifications WHERE appointment_id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(c).await.map(|done| done.rows_affected()))?;
    let appointments = crate::on_tx!(&mut tx, c => sqlx::query(&format!(
        "DELETE FROM appointments WHERE id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(c).await.map(|done| done.rows_affected()))?;
    tx.commit().await?;
    Ok((appointments, notifications))
}

/// A practitioner as the editor opens them: id, version, name, bio,
/// photo, languages, active, their services' slugs and their usual week.
pub struct PractitionerRow {
    pub id: i64,
    pub version: i64,
    pub name: String,
    pub bio: String,
    pub photo_key: Option<String>,
    pub photo_alt: String,
    /// Comma-separated locale codes.
    pub languages: String,
    /// The bio in other languages: (locale, bio).
    pub other_bios: Vec<(String, String)>,
    pub active: bool,
    pub services: Vec<String>,
    pub week: Vec<(i64, i64, i64)>,
}

/// Every practitioner, in order, for the editor.
pub async fn practitioners_for_editing(db: &Db) -> Result<Vec<PractitionerRow>, ServerError> {
    type Row = (
        i64,
        i64,
        String,
        String,
        Option<String>,
        String,
        String,
        bool,
    );
    let rows: Vec<Row> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT id, version, name, bio, photo_key, photo_alt, languages, active
         FROM practitioners ORDER BY position, id")
        .fetch_all(c).await)?;
    let services: Vec<(i64, String)> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT ps.practitioner_id, s.slug FROM practitioner_services ps
         JOIN services s ON s.id = ps.service_id ORDER BY s.position, s.id")
        .fetch_all(c).await)?;
    let hours: Vec<(i64, i64, i64, i64)> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT practitioner_id, weekday, start_minute, end_minute FROM working_hours
         ORDER BY weekday, start_minute")
        .fetch_all(c).await)?;
    let bios: Vec<(i64, String, String)> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT practitioner_id, locale, bio FROM practitioner_translations
         ORDER BY practitioner_id, locale")
        .fetch_all(c).await)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, version, name, bio, photo_key, photo_alt, languages, active)| PractitionerRow {
                id,
                version,
                name,
                bio,
                photo_key,
                photo_alt,
                languages,
                other_bios: bios
                    .iter()
                    .filter(|(p, ..)| *p == id)
                    .map(|(_, locale, bio)| (locale.clone(), bio.clone()))
                    .collect(),
                active,
                services: services
                    .iter()
                    .filter(|(p, _)| *p == id)
                    .map(|(_, slug)| slug.clone())
                    .collect(),
                week: hours
                    .iter()
                    .filter(|(p, ..)| *p == id)
                    .map(|(_, d, from, to)| (*d, *from, *to))
                    .collect(),
            },
        )
        .collect())
}

/// Writes practitioner `id` (a new one: `None`) as `valid` says, in the
/// audited transaction `tx`, if it is still at `version`: its new id and
/// version, or `None` when someone saved it meanwhile.
pub async fn save_practitioner(
    tx: &mut super::Tx,
    id: Option<i64>,
    version: i64,
    valid: &crate::domain::practitioner_draft::ValidPractitioner,
) -> Result<Option<(i64, i64)>, ServerError> {
    let (photo, alt) = match &valid.photo {
        Some((key, alt)) => (Some(key.as_str()), alt.as_str()),
        None => (None, ""),
    };
    let languages = valid
        .languages
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(",");
    let saved: Option<(i64, i64)> = match id {
        None => Some(crate::on_tx!(tx, c => sqlx::query_as(
            "INSERT INTO practitioners (name, bio, active, photo_key, photo_alt, languages, position)
             VALUES ($1, $2, $3, $4, $5, $6,
                     (SELECT COALESCE(MAX(position), 0) + 1 FROM practitioners))
             RETURNING id, version")
            .bind(&valid.name)
            .bind(&valid.bio)
            .bind(valid.active)
            .bind(photo)
            .bind(alt)
            .bind(&languages)
            .fetch_one(c).await)?),
        Some(id) => crate::on_tx!(tx, c => sqlx::query_as(
            "UPDATE practitioners SET name = $1, bio = $2, active = $3, photo_key = $4,
               photo_alt = $5, languages = $6, version = version + 1
             WHERE id = $7 AND version = $8 RETURNING id, version")
            .bind(&valid.name)
            .bind(&valid.bio)
            .bind(valid.active)
            .bind(photo)
            .bind(alt)
            .bind(&languages)
            .bind(id)
            .bind(version)
            .fetch_optional(c).await)?,
    };
    let Some((id, version)) = saved else {
        return Ok(None);
    };
    write_practitioner_rows(tx, id, valid).await?;
    Ok(Some((id, version)))
}

/// Replaces practitioner `id`'s services, bios in other languages and
/// usual week with `valid`'s, in `tx`.
async fn write_practitioner_rows(
    tx: &mut super::Tx,
    id: i64,
    valid: &crate::domain::practitioner_draft::ValidPractitioner,
) -> Result<(), ServerError> {
    for sql in [
        "DELETE FROM practitioner_services WHERE practitioner_id = $1",
        "DELETE FROM working_hours WHERE practitioner_id = $1",
        "DELETE FROM practitioner_translations WHERE practitioner_id = $1",
    ] {
        crate::on_tx!(tx, c => sqlx::query(sql).bind(id).execute(c).await.map(|d| d.rows_affected()))?;
    }
    for (locale, bio) in &valid.other_bios {
        crate::on_tx!(tx, c => sqlx::query(
            "INSERT INTO practitioner_translations (practitioner_id, locale, bio) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(locale.code())
            .bind(bio)
            .execute(c).await.map(|d| d.rows_affected()))?;
    }
    for slug in &valid.services {
        crate::on_tx!(tx, c => sqlx::query(
            "INSERT INTO practitioner_services (practitioner_id, service_id)
             SELECT $1, id FROM services WHERE slug = $2")
            .bind(id)
            .bind(slug)
            .execute(c).await.map(|d| d.rows_affected()))?;
    }
    for (weekday, from, to) in &valid.week {
        crate::on_tx!(tx, c => sqlx::query(
            "INSERT INTO working_hours (practitioner_id, weekday, start_minute, end_minute)
             VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(*weekday)
            .bind(*from)
            .bind(*to)
            .execute(c).await.map(|d| d.rows_affected()))?;
    }
    Ok(())
}

/// Every service, in order: slug and name.
pub async fn services_by_slug(db: &Db) -> Result<Vec<(String, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT slug, name FROM services ORDER BY position, id")
        .fetch_all(c).await)?)
}

/// Time off and closures that end on or after the local day `from`
/// (`YYYY-MM-DD`): id, practitioner's name (none: the whole clinic), first
/// and last day, note.
pub async fn time_off_from(
    db: &Db,
    from: &str,
) -> Result<Vec<(i64, Option<String>, String, String, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT e.id, p.name, e.first_day, e.last_day, e.note FROM schedule_exceptions e
         LEFT JOIN practitioners p ON p.id = e.practitioner_id
         WHERE e.start_minute IS NULL AND e.last_day >= $1
         ORDER BY e.first_day, e.id")
        .bind(from)
        .fetch_all(c).await)?)
}

/// Adds days off (`practitioner` `None`: a closure) in `tx`; its id.
pub async fn add_time_off(
    tx: &mut super::Tx,
    practitioner: Option<i64>,
    first_day: &str,
    last_day: &str,
    note: &str,
) -> Result<i64, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO schedule_exceptions (practitioner_id, first_day, last_day, note)
         VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(practitioner)
        .bind(first_day)
        .bind(last_day)
        .bind(note)
        .fetch_one(c).await)?)
}

/// Removes time off `id` in `tx`: how many rows (0 or 1).
pub async fn remove_time_off(tx: &mut super::Tx, id: i64) -> Result<u64, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query(
        "DELETE FROM schedule_exceptions WHERE id = $1 AND start_minute IS NULL")
        .bind(id)
        .execute(c).await.map(|d| d.rows_affected()))?)
}

/// Writes the booking rules in `tx`.
pub async fn set_rules(tx: &mut super::Tx, rules: &RulesRow) -> Result<u64, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query(
        "UPDATE booking_rules SET min_notice_minutes = $1, horizon_days = $2,
           cancel_cutoff_hours = $3, reminder_hours = $4, version = version + 1 WHERE id = 1")
        .bind(rules.min_notice_minutes)
        .bind(rules.horizon_days)
        .bind(rules.cancel_cutoff_hours)
        .bind(rules.reminder_hours)
        .execute(c).await.map(|d| d.rows_affected()))?)
}

/// Changed days on or after the local day `from`, one row per range:
/// practitioner's id and name, the day, start and end minute, note.
pub async fn changed_days_from(
    db: &Db,
    from: &str,
) -> Result<Vec<(i64, String, String, i64, i64, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT p.id, p.name, e.first_day, e.start_minute, e.end_minute, e.note
         FROM schedule_exceptions e JOIN practitioners p ON p.id = e.practitioner_id
         WHERE e.start_minute IS NOT NULL AND e.first_day >= $1
         ORDER BY e.first_day, p.position, p.id, e.start_minute")
        .bind(from)
        .fetch_all(c).await)?)
}

/// Gives `practitioner` the hours `ranges` on the local day `day` instead
/// of their usual ones, in `tx` (replacing other hours given that day).
pub async fn change_day(
    tx: &mut super::Tx,
    practitioner: i64,
    day: &str,
    ranges: &[(i64, i64)],
    note: &str,
) -> Result<(), ServerError> {
    remove_changed_day(tx, practitioner, day).await?;
    for (from, to) in ranges {
        crate::on_tx!(tx, c => sqlx::query(
            "INSERT INTO schedule_exceptions
               (practitioner_id, first_day, last_day, start_minute, end_minute, note)
             VALUES ($1, $2, $2, $3, $4, $5)")
            .bind(practitioner)
            .bind(day)
            .bind(*from)
            .bind(*to)
            .bind(note)
            .execute(c).await.map(|d| d.rows_affected()))?;
    }
    Ok(())
}

/// Gives `practitioner` back their usual hours on `day`, in `tx`: how many
/// ranges were removed.
pub async fn remove_changed_day(
    tx: &mut super::Tx,
    practitioner: i64,
    day: &str,
) -> Result<u64, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query(
        "DELETE FROM schedule_exceptions
         WHERE practitioner_id = $1 AND first_day = $2 AND start_minute IS NOT NULL")
        .bind(practitioner)
        .bind(day)
        .execute(c).await.map(|d| d.rows_affected()))?)
}
