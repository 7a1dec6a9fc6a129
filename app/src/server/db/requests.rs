//! Consultation requests (the `consultations` table): storing one with its
//! notifications, the list staff work through, notes, status counts and the CSV export.
//!
//! A patient's name, phone, e-mail and message and the staff's notes are
//! stored sealed ([`Vault`]): this module seals them on the way in and opens
//! them on the way out, so no caller handles the stored bytes. Each value is
//! bound to its request's reference and its field (see [`context`]).

use super::audit::{Audited, Entry};
use super::mail_queue::{self, NotificationKind};
use super::request_allowance::{self, Send};
use super::Db;
use crate::domain::request::{ContactMethod, PatientStatus, RequestStatus, TimeOfDay};
use crate::server::vault::{OpenError, Vault};
use crate::server::ServerError;

/// The associated data of a request's sealed `field`.
pub fn context(reference: &str, field: &str) -> String {
    format!("consultations:{reference}:{field}")
}

/// The associated data of a note: its request and its author.
fn note_context(reference: &str, staff_id: i64) -> String {
    format!("consultation_notes:{reference}:{staff_id}")
}

fn unreadable(what: &str, reference: &str, e: &OpenError) -> ServerError {
    ServerError::Corrupt(format!(
        "request {reference}: its {what} does not open: {e}"
    ))
}

pub(super) fn open(
    vault: &Vault,
    reference: &str,
    field: &str,
    sealed: &[u8],
) -> Result<String, ServerError> {
    vault
        .open_str(&context(reference, field), sealed)
        .map_err(|e| unreadable(field, reference, &e))
}

pub(super) fn open_optional(
    vault: &Vault,
    reference: &str,
    field: &str,
    sealed: Option<&[u8]>,
) -> Result<Option<String>, ServerError> {
    sealed.map(|s| open(vault, reference, field, s)).transpose()
}

/// A request as it is stored.
pub struct NewRequest<'a> {
    pub reference: &'a str,
    /// The form token's nonce: one request per rendered form.
    pub submission_token: &'a str,
    pub name: &'a str,
    /// Ten digits.
    pub phone: &'a str,
    pub email: Option<&'a str>,
    pub contact_method: ContactMethod,
    pub service_slug: Option<&'a str>,
    pub service_name: Option<&'a str>,
    pub patient: PatientStatus,
    /// Comma-separated weekday values: `mon,wed`.
    pub days: &'a str,
    pub time_of_day: TimeOfDay,
    pub message: &'a str,
    pub status: RequestStatus,
    pub spam_reason: Option<&'a str>,
    pub created_at: &'a str,
    /// The language of the page it was sent from (`en`, `es`).
    pub locale: &'a str,
}

/// One line of the requests list.
#[derive(Debug)]
pub struct RequestListRow {
    pub reference: String,
    pub created_at: String,
    pub name: String,
    pub service_name: Option<String>,
    pub contact_method: String,
    pub status: String,
    pub locale: String,
}

#[derive(sqlx::FromRow)]
struct SealedListRow {
    reference: String,
    created_at: String,
    name: Vec<u8>,
    service_name: Option<String>,
    contact_method: String,
    status: String,
    locale: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct StatusCountRow {
    pub status: String,
    pub count: i64,
}

/// A request as the front desk reads it.
#[derive(Debug)]
pub struct DetailRow {
    pub id: i64,
    pub created_at: String,
    pub details: PatientDetails,
    pub contact_method: String,
    pub service_name: Option<String>,
    pub patient: String,
    pub days: String,
    pub time_of_day: String,
    pub status: String,
    pub spam_reason: Option<String>,
    /// When its status last changed (when it arrived, if never).
    pub status_changed_at: String,
    pub locale: String,
}

/// The patient's own words, opened: what is sealed in each request.
#[derive(Debug)]
pub struct PatientDetails {
    pub name: String,
    /// Ten digits.
    pub phone: String,
    pub email: Option<String>,
    pub message: String,
}

#[derive(sqlx::FromRow)]
struct SealedDetails {
    name: Vec<u8>,
    phone: Vec<u8>,
    email: Option<Vec<u8>>,
    message: Vec<u8>,
}

impl SealedDetails {
    fn open(self, vault: &Vault, reference: &str) -> Result<PatientDetails, ServerError> {
        Ok(PatientDetails {
            name: open(vault, reference, "name", &self.name)?,
            phone: open(vault, reference, "phone", &self.phone)?,
            email: open_optional(vault, reference, "email", self.email.as_deref())?,
            message: open(vault, reference, "message", &self.message)?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct SealedDetailRow {
    id: i64,
    created_at: String,
    #[sqlx(flatten)]
    details: SealedDetails,
    contact_method: String,
    service_name: Option<String>,
    patient: String,
    days: String,
    time_of_day: String,
    status: String,
    spam_reason: Option<String>,
    status_changed_at: String,
    locale: String,
}

#[derive(Debug)]
pub struct NoteRow {
    /// The name of the staff member who wrote it.
    pub author: String,
    pub created_at: String,
    pub body: String,
}

#[derive(sqlx::FromRow)]
struct SealedNoteRow {
    author: String,
    staff_id: i64,
    created_at: String,
    body: Vec<u8>,
}

/// A request as the administrators' export writes it: text only, no NULLs.
#[derive(Debug)]
pub struct ExportRow {
    pub reference: String,
    pub created_at: String,
    pub details: PatientDetails,
    pub contact_method: String,
    pub service_name: String,
    pub patient: String,
    pub days: String,
    pub time_of_day: String,
    pub status: String,
}

#[derive(sqlx::FromRow)]
struct SealedExportRow {
    reference: String,
    created_at: String,
    #[sqlx(flatten)]
    details: SealedDetails,
    contact_method: String,
    service_name: String,
    patient: String,
    days: String,
    time_of_day: String,
    status: String,
}

/// What became of a request sent to [`insert`].
#[derive(Debug, PartialEq, Eq)]
pub enum Inserted {
    Stored(i64),
    /// Its submission token was stored meanwhile (the same form sent twice).
    Repeated,
    /// The client has sent its allowance; it may send again in `wait_ms`.
    Limited {
        wait_ms: i64,
    },
}

/// Counts the send against the client's allowance, stores the request and
/// queues its `notifications` (due at once), in one transaction: when it is
/// not stored, nothing was written.
pub async fn insert(
    db: &Db,
    vault: &Vault,
    request: &NewRequest<'_>,
    notifications: &[NotificationKind],
    send: &Send<'_>,
) -> Result<Inserted, ServerError> {
    // The transaction's first statement writes, so SQLite takes the write lock
    // at once (waiting out others) instead of failing to upgrade a read.
    let seal = |field: &str, value: &str| vault.seal_str(&context(request.reference, field), value);
    let mut tx = db.begin().await?;
    if let Err(wait_ms) = request_allowance::take(&mut tx, send).await? {
        tx.rollback().await?;
        return Ok(Inserted::Limited { wait_ms });
    }
    let inserted: Option<i64> = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO consultations (reference, submission_token, name, phone, email, contact_method,
           service_slug, service_name, patient, days, time_of_day, message, status, spam_reason, created_at,
           locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (submission_token) DO NOTHING RETURNING id",
    )
    .bind(request.reference)
    .bind(request.submission_token)
    .bind(seal("name", request.name))
    .bind(seal("phone", request.phone))
    .bind(request.email.map(|email| seal("email", email)))
    .bind(request.contact_method.value())
    .bind(request.service_slug)
    .bind(request.service_name)
    .bind(request.patient.value())
    .bind(request.days)
    .bind(request.time_of_day.value())
    .bind(seal("message", request.message))
    .bind(request.status.value())
    .bind(request.spam_reason)
    .bind(request.created_at)
    .bind(request.locale)
    .fetch_optional(c).await)?;
    let Some(id) = inserted else {
        tx.rollback().await?;
        return Ok(Inserted::Repeated);
    };
    for kind in notifications {
        mail_queue::enqueue(
            &mut tx,
            mail_queue::Subject::Request(id),
            *kind,
            request.created_at,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Inserted::Stored(id))
}

/// The reference of the request stored from this submission token.
pub async fn reference_for_token(db: &Db, token: &str) -> Result<Option<String>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT reference FROM consultations WHERE submission_token = $1")
            .bind(token)
            .fetch_optional(c).await)?,
    )
}

/// The newest 500 requests in `status` (`None`: all but spam).
pub async fn list(
    db: &Db,
    vault: &Vault,
    status: Option<RequestStatus>,
) -> Result<Vec<RequestListRow>, ServerError> {
    let rows: Vec<SealedListRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT reference, created_at, name, service_name, contact_method, status, locale FROM consultations
         WHERE ($1 IS NULL AND status <> 'spam') OR status = $1
         ORDER BY created_at DESC, id DESC LIMIT 500",
    )
    .bind(status.map(RequestStatus::value))
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            Ok(RequestListRow {
                name: open(vault, &row.reference, "name", &row.name)?,
                reference: row.reference,
                created_at: row.created_at,
                service_name: row.service_name,
                contact_method: row.contact_method,
                status: row.status,
                locale: row.locale,
            })
        })
        .collect()
}

/// How many requests are in each status that has any.
pub async fn status_counts(db: &Db) -> Result<Vec<StatusCountRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT status, COUNT(*) AS count FROM consultations GROUP BY status")
            .fetch_all(c).await)?,
    )
}

pub async fn by_reference(
    db: &Db,
    vault: &Vault,
    reference: &str,
) -> Result<Option<DetailRow>, ServerError> {
    let row: Option<SealedDetailRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT id, created_at, name, phone, email, contact_method, service_name, patient, days, time_of_day,
                message, status, spam_reason, COALESCE(status_changed_at, created_at) AS status_changed_at,
                locale
         FROM consultations WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(c).await)?;
    row.map(|row| {
        Ok(DetailRow {
            id: row.id,
            created_at: row.created_at,
            details: row.details.open(vault, reference)?,
            contact_method: row.contact_method,
            service_name: row.service_name,
            patient: row.patient,
            days: row.days,
            time_of_day: row.time_of_day,
            status: row.status,
            spam_reason: row.spam_reason,
            status_changed_at: row.status_changed_at,
            locale: row.locale,
        })
    })
    .transpose()
}

/// The notes on request `consultation_id` (reference `reference`), oldest first.
pub async fn notes(
    db: &Db,
    vault: &Vault,
    consultation_id: i64,
    reference: &str,
) -> Result<Vec<NoteRow>, ServerError> {
    let rows: Vec<SealedNoteRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT s.name AS author, n.staff_id, n.created_at, n.body FROM consultation_notes n
         JOIN staff s ON s.id = n.staff_id
         WHERE n.consultation_id = $1 ORDER BY n.created_at, n.id",
    )
    .bind(consultation_id)
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            Ok(NoteRow {
                body: vault
                    .open_str(&note_context(reference, row.staff_id), &row.body)
                    .map_err(|e| unreadable("note", reference, &e))?,
                author: row.author,
                created_at: row.created_at,
            })
        })
        .collect()
}

/// Sets a request's status, as of `at`; an unknown reference is not found.
pub async fn set_status(
    db: &Db,
    reference: &str,
    status: RequestStatus,
    by: &Entry<'_>,
) -> Result<(), ServerError> {
    let mut audited = Audited::begin(db).await?;
    let changed = crate::on_tx!(&mut audited.tx, c => sqlx::query(
            "UPDATE consultations SET status = $1, status_changed_at = $2 WHERE reference = $3",
        )
        .bind(status.value())
        .bind(by.at)
        .bind(reference)
        .execute(c).await.map(|done| done.rows_affected()))?;
    audited.commit_one_row(changed, by).await
}

/// What a purge deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub requests: u64,
    pub notes: u64,
    pub notifications: u64,
}

/// Deletes the closed and spam requests whose status last changed before
/// `cutoff`, with their notes and notification rows, in one transaction.
pub async fn purge_closed_before(db: &Db, cutoff: &str) -> Result<Purged, ServerError> {
    const DUE: &str = "SELECT id FROM consultations WHERE status IN ('closed', 'spam')
                       AND COALESCE(status_changed_at, created_at) < $1";
    let mut tx = db.begin().await?;
    let notes = crate::on_tx!(&mut tx, c => sqlx::query(&format!(
        "DELETE FROM consultation_notes WHERE consultation_id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(c).await.map(|done| done.rows_affected()))?;
    let notifications = crate::on_tx!(&mut tx, c => sqlx::query(&format!(
        "DELETE FROM notifications WHERE consultation_id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(c).await.map(|done| done.rows_affected()))?;
    let requests = crate::on_tx!(&mut tx, c => sqlx::query(&format!("DELETE FROM consultations WHERE id IN ({DUE})"))
        .bind(cutoff)
        .execute(c).await.map(|done| done.rows_affected()))?;
    tx.commit().await?;
    Ok(Purged {
        requests,
        notes,
        notifications,
    })
}

/// Adds a note to a request; an unknown reference is not found.
pub async fn add_note(
    db: &Db,
    vault: &Vault,
    reference: &str,
    body: &str,
    by: &Entry<'_>,
) -> Result<(), ServerError> {
    let sealed = vault.seal_str(&note_context(reference, by.staff_id), body);
    let mut audited = Audited::begin(db).await?;
    let added = crate::on_tx!(&mut audited.tx, c => sqlx::query(
            "INSERT INTO consultation_notes (consultation_id, staff_id, body, created_at)
         SELECT id, $1, $2, $3 FROM consultations WHERE reference = $4",
        )
        .bind(by.staff_id)
        .bind(sealed)
        .bind(by.at)
        .bind(reference)
        .execute(c).await.map(|done| done.rows_affected()))?;
    audited.commit_one_row(added, by).await
}

/// Every request, newest first, for the export.
pub async fn export(db: &Db, vault: &Vault) -> Result<Vec<ExportRow>, ServerError> {
    let rows: Vec<SealedExportRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT reference, created_at, name, phone, email, contact_method,
                COALESCE(service_name, '') AS service_name, patient, days, time_of_day, message, status
         FROM consultations ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            Ok(ExportRow {
                created_at: row.created_at,
                details: row.details.open(vault, &row.reference)?,
                contact_method: row.contact_method,
                service_name: row.service_name,
                patient: row.patient,
                days: row.days,
                time_of_day: row.time_of_day,
                status: row.status,
                reference: row.reference,
            })
        })
        .collect()
}

/// The sealed columns of `consultations`.
const SEALED: [&str; 4] = ["name", "phone", "email", "message"];

/// Which stored values [`reseal`] seals under the vault's current key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reseal {
    /// Values stored in plain text, before encryption at rest.
    Plain,
    /// Those and values sealed under another key (a rotation).
    NotCurrent,
}

/// Seals, under the vault's current key, up to `limit` stored values of
/// each field that `which` names. Each batch is one transaction, so an
/// interrupted run leaves every value readable and the next run carries
/// on. Returns how many values it sealed; 0 means none was left.
pub async fn reseal(db: &Db, vault: &Vault, which: Reseal, limit: u32) -> Result<u64, ServerError> {
    // A plain value is text; a sealed one is a blob naming its key.
    let not_under = match which {
        Reseal::Plain => None,
        Reseal::NotCurrent => Some(vault.current_id().to_vec()),
    };
    let mut tx = db.begin_write().await?;
    let mut done = 0;
    for field in SEALED {
        let sealed = ("consultations", field, context as fn(&str, &str) -> String);
        done += reseal_field(&mut tx, vault, sealed, not_under.as_deref(), limit).await?;
    }
    for field in super::appointments::SEALED {
        let sealed = (
            "appointments",
            field,
            super::appointments::context as fn(&str, &str) -> String,
        );
        done += reseal_field(&mut tx, vault, sealed, not_under.as_deref(), limit).await?;
    }
    done += reseal_notes(&mut tx, vault, not_under.as_deref(), limit).await?;
    tx.commit().await?;
    Ok(done)
}

/// A stored value to seal again, wherever it lives.
#[derive(sqlx::FromRow)]
struct Stored {
    id: i64,
    reference: String,
    /// A note's author (0 for a request's field).
    staff_id: i64,
    value: Vec<u8>,
    /// Stored before encryption at rest.
    plain: bool,
}

impl Stored {
    /// The value as text: as stored, or opened under `context`.
    fn text(self, vault: &Vault, context: &str, what: &str) -> Result<String, ServerError> {
        if self.plain {
            return String::from_utf8(self.value).map_err(|_| {
                ServerError::Corrupt(format!("request {}: {what} is not text", self.reference))
            });
        }
        vault
            .open_str(context, &self.value)
            .map_err(|e| unreadable(what, &self.reference, &e))
    }
}

/// One sealed column: its table, its name, and the associated data of a
/// row's value (by the row's reference and the column).
type SealedColumn<'a> = (&'static str, &'a str, fn(&str, &str) -> String);

async fn reseal_field(
    tx: &mut crate::server::db::Tx,
    vault: &Vault,
    (table, field, context): SealedColumn<'_>,
    not_under: Option<&[u8]>,
    limit: u32,
) -> Result<u64, ServerError> {
    // Plain values exist only in SQLite files from before encryption at rest.
    let sql = if tx.is_postgres() {
        format!(
            "SELECT id, reference, 0::BIGINT AS staff_id, {field} AS value, FALSE AS plain
             FROM {table}
             WHERE {field} IS NOT NULL AND $1::BYTEA IS NOT NULL AND substring({field} from 2 for 4) <> $1
             LIMIT $2"
        )
    } else {
        format!(
            "SELECT id, reference, 0 AS staff_id, CAST({field} AS BLOB) AS value, typeof({field}) = 'text' AS plain
             FROM {table}
             WHERE {field} IS NOT NULL AND (typeof({field}) <> 'blob' OR substr({field}, 2, 4) <> $1)
             LIMIT $2"
        )
    };
    let rows: Vec<Stored> = crate::on_tx!(tx, c => sqlx::query_as(&sql)
    .bind(not_under)
    .bind(i64::from(limit))
    .fetch_all(c).await)?;
    let count = rows.len() as u64;
    for row in rows {
        let (id, context) = (row.id, context(&row.reference, field));
        let text = row.text(vault, &context, field)?;
        crate::on_tx!(tx, c => sqlx::query(&format!(
            "UPDATE {table} SET {field} = $1 WHERE id = $2"
        ))
        .bind(vault.seal_str(&context, &text))
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    }
    Ok(count)
}

async fn reseal_notes(
    tx: &mut crate::server::db::Tx,
    vault: &Vault,
    not_under: Option<&[u8]>,
    limit: u32,
) -> Result<u64, ServerError> {
    let sql = if tx.is_postgres() {
        "SELECT n.id, c.reference, n.staff_id, n.body AS value, FALSE AS plain
         FROM consultation_notes n JOIN consultations c ON c.id = n.consultation_id
         WHERE $1::BYTEA IS NOT NULL AND substring(n.body from 2 for 4) <> $1 LIMIT $2"
    } else {
        "SELECT n.id, c.reference, n.staff_id, CAST(n.body AS BLOB) AS value, typeof(n.body) = 'text' AS plain
         FROM consultation_notes n JOIN consultations c ON c.id = n.consultation_id
         WHERE typeof(n.body) <> 'blob' OR substr(n.body, 2, 4) <> $1 LIMIT $2"
    };
    let notes: Vec<Stored> = crate::on_tx!(tx, c => sqlx::query_as(sql)
    .bind(not_under)
    .bind(i64::from(limit))
    .fetch_all(c).await)?;
    let count = notes.len() as u64;
    for note in notes {
        let (id, context) = (note.id, note_context(&note.reference, note.staff_id));
        let text = note.text(vault, &context, "note")?;
        crate::on_tx!(tx, c => sqlx::query("UPDATE consultation_notes SET body = $1 WHERE id = $2")
            .bind(vault.seal_str(&context, &text))
            .bind(id)
            .execute(c).await.map(|done| done.rows_affected()))?;
    }
    Ok(count)
}

/// Whether any request is stored sealed: a database that needs its key.
pub async fn any_sealed(db: &Db) -> Result<bool, ServerError> {
    // PostgreSQL has only ever stored them sealed.
    let sql = match db {
        Db::Sqlite(_) => "SELECT EXISTS (SELECT 1 FROM consultations WHERE typeof(name) = 'blob')",
        Db::Postgres(_) => "SELECT EXISTS (SELECT 1 FROM consultations)",
    };
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(sql).fetch_one(c).await)?)
}
