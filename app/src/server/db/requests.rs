//! Consultation requests (the `consultations` table): storing one with its
//! notifications, the list staff work through, notes, status counts and the CSV export.

use super::mail_queue::{self, NotificationKind};
use super::Db;
use crate::domain::request::{ContactMethod, PatientStatus, RequestStatus, TimeOfDay};
use crate::server::ServerError;

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
}

/// One line of the requests list.
#[derive(Debug, sqlx::FromRow)]
pub struct RequestListRow {
    pub reference: String,
    pub created_at: String,
    pub name: String,
    pub service_name: Option<String>,
    pub contact_method: String,
    pub status: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct StatusCountRow {
    pub status: String,
    pub count: i64,
}

/// A request as the front desk reads it.
#[derive(Debug, sqlx::FromRow)]
pub struct DetailRow {
    pub id: i64,
    pub created_at: String,
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
    pub contact_method: String,
    pub service_name: Option<String>,
    pub patient: String,
    pub days: String,
    pub time_of_day: String,
    pub message: String,
    pub status: String,
    pub spam_reason: Option<String>,
    /// When its status last changed (when it arrived, if never).
    pub status_changed_at: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct NoteRow {
    /// The name of the staff member who wrote it.
    pub author: String,
    pub created_at: String,
    pub body: String,
}

/// A request as the administrators' export writes it: text only, no NULLs.
#[derive(Debug, sqlx::FromRow)]
pub struct ExportRow {
    pub reference: String,
    pub created_at: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub contact_method: String,
    pub service_name: String,
    pub patient: String,
    pub days: String,
    pub time_of_day: String,
    pub message: String,
    pub status: String,
}

/// Stores a request and queues its `notifications` (due at once) in one
/// transaction. `None`: a request with this submission token is already
/// stored, and nothing was written.
pub async fn insert(
    db: &Db,
    request: &NewRequest<'_>,
    notifications: &[NotificationKind],
) -> Result<Option<i64>, ServerError> {
    // The transaction's first statement writes, so SQLite takes the write lock
    // at once (waiting out others) instead of failing to upgrade a read.
    let mut tx = db.begin().await?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO consultations (reference, submission_token, name, phone, email, contact_method,
           service_slug, service_name, patient, days, time_of_day, message, status, spam_reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (submission_token) DO NOTHING RETURNING id",
    )
    .bind(request.reference)
    .bind(request.submission_token)
    .bind(request.name)
    .bind(request.phone)
    .bind(request.email)
    .bind(request.contact_method.value())
    .bind(request.service_slug)
    .bind(request.service_name)
    .bind(request.patient.value())
    .bind(request.days)
    .bind(request.time_of_day.value())
    .bind(request.message)
    .bind(request.status.value())
    .bind(request.spam_reason)
    .bind(request.created_at)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        tx.rollback().await?;
        return Ok(None);
    };
    for kind in notifications {
        mail_queue::enqueue(&mut tx, id, *kind, request.created_at).await?;
    }
    tx.commit().await?;
    Ok(Some(id))
}

/// The reference of the request stored from this submission token.
pub async fn reference_for_token(db: &Db, token: &str) -> Result<Option<String>, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT reference FROM consultations WHERE submission_token = ?")
            .bind(token)
            .fetch_optional(db)
            .await?,
    )
}

/// The newest 500 requests in `status` (`None`: all but spam).
pub async fn list(
    db: &Db,
    status: Option<RequestStatus>,
) -> Result<Vec<RequestListRow>, ServerError> {
    Ok(sqlx::query_as(
        "SELECT reference, created_at, name, service_name, contact_method, status FROM consultations
         WHERE (?1 IS NULL AND status <> 'spam') OR status = ?1
         ORDER BY created_at DESC, id DESC LIMIT 500",
    )
    .bind(status.map(RequestStatus::value))
    .fetch_all(db)
    .await?)
}

/// How many requests are in each status that has any.
pub async fn status_counts(db: &Db) -> Result<Vec<StatusCountRow>, ServerError> {
    Ok(
        sqlx::query_as("SELECT status, COUNT(*) AS count FROM consultations GROUP BY status")
            .fetch_all(db)
            .await?,
    )
}

pub async fn by_reference(db: &Db, reference: &str) -> Result<Option<DetailRow>, ServerError> {
    Ok(sqlx::query_as(
        "SELECT id, created_at, name, phone, email, contact_method, service_name, patient, days, time_of_day,
                message, status, spam_reason, COALESCE(status_changed_at, created_at) AS status_changed_at
         FROM consultations WHERE reference = ?",
    )
    .bind(reference)
    .fetch_optional(db)
    .await?)
}

/// The notes on request `consultation_id`, oldest first.
pub async fn notes(db: &Db, consultation_id: i64) -> Result<Vec<NoteRow>, ServerError> {
    Ok(sqlx::query_as(
        "SELECT s.name AS author, n.created_at, n.body FROM consultation_notes n JOIN staff s ON s.id = n.staff_id
         WHERE n.consultation_id = ? ORDER BY n.created_at, n.id",
    )
    .bind(consultation_id)
    .fetch_all(db)
    .await?)
}

/// Sets a request's status, as of `at`; an unknown reference is not found.
pub async fn set_status(
    db: &Db,
    reference: &str,
    status: RequestStatus,
    at: &str,
) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query(
            "UPDATE consultations SET status = ?, status_changed_at = ? WHERE reference = ?",
        )
        .bind(status.value())
        .bind(at)
        .bind(reference)
        .execute(db)
        .await?,
    )
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
                       AND COALESCE(status_changed_at, created_at) < ?";
    let mut tx = db.begin().await?;
    let notes = sqlx::query(&format!(
        "DELETE FROM consultation_notes WHERE consultation_id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let notifications = sqlx::query(&format!(
        "DELETE FROM notifications WHERE consultation_id IN ({DUE})"
    ))
    .bind(cutoff)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let requests = sqlx::query(&format!("DELETE FROM consultations WHERE id IN ({DUE})"))
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
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
    reference: &str,
    staff_id: i64,
    body: &str,
    created_at: &str,
) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query(
            "INSERT INTO consultation_notes (consultation_id, staff_id, body, created_at)
         SELECT id, ?, ?, ? FROM consultations WHERE reference = ?",
        )
        .bind(staff_id)
        .bind(body)
        .bind(created_at)
        .bind(reference)
        .execute(db)
        .await?,
    )
}

/// Every request, newest first, for the export.
pub async fn export(db: &Db) -> Result<Vec<ExportRow>, ServerError> {
    Ok(sqlx::query_as(
        "SELECT reference, created_at, name, phone, COALESCE(email, '') AS email, contact_method,
                COALESCE(service_name, '') AS service_name, patient, days, time_of_day, message, status
         FROM consultations ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(db)
    .await?)
}
