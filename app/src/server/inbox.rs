//! The consultation inbox: reading requests, changing their status, notes.

use crate::domain::consultation::{
    ContactMethod, InboxItem, InboxPage, Note, PatientStatus, Reference, RequestDetail,
    RequestStatus, TimeOfDay, Weekday,
};
use crate::domain::Phone;
use crate::server::content::{now_utc, staff_time};
use crate::server::ServerError;
use sqlx::SqlitePool;

fn corrupt(what: &str) -> ServerError {
    ServerError::Corrupt(format!("consultation {what}"))
}

pub async fn page(
    db: &SqlitePool,
    filter: Option<RequestStatus>,
) -> Result<InboxPage, ServerError> {
    let rows: Vec<(String, String, String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT reference, created_at, name, service_name, contact_method, status FROM consultations
         WHERE (?1 IS NULL AND status <> 'spam') OR status = ?1
         ORDER BY created_at DESC, id DESC LIMIT 500",
    )
    .bind(filter.map(RequestStatus::value))
    .fetch_all(db)
    .await?;
    let items = rows
        .into_iter()
        .map(|(reference, created, name, service, method, status)| {
            Ok(InboxItem {
                reference: Reference::parse(&reference).ok_or_else(|| corrupt("reference"))?,
                received: staff_time(&created)?,
                name,
                service,
                contact_method: ContactMethod::parse(&method)
                    .ok_or_else(|| corrupt("contact method"))?,
                status: RequestStatus::parse(&status).ok_or_else(|| corrupt("status"))?,
            })
        })
        .collect::<Result<_, ServerError>>()?;
    Ok(InboxPage {
        items,
        filter,
        counts: counts(db).await?,
    })
}

pub async fn counts(db: &SqlitePool) -> Result<Vec<(RequestStatus, i64)>, ServerError> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM consultations GROUP BY status")
            .fetch_all(db)
            .await?;
    Ok(RequestStatus::ALL
        .iter()
        .map(|s| {
            (
                *s,
                rows.iter()
                    .find(|(v, _)| v == s.value())
                    .map_or(0, |(_, n)| *n),
            )
        })
        .collect())
}

type DetailRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);

pub async fn detail(db: &SqlitePool, reference: &Reference) -> Result<RequestDetail, ServerError> {
    let row: DetailRow = sqlx::query_as(
        "SELECT id, created_at, name, phone, email, contact_method, service_name, patient, days, time_of_day,
                message, status, spam_reason
         FROM consultations WHERE reference = ?",
    )
    .bind(reference.as_str())
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    let (
        id,
        created,
        name,
        phone,
        email,
        method,
        service,
        patient,
        days,
        time,
        message,
        status,
        spam,
    ) = row;
    let notes = sqlx::query_as::<_, (String, String, String)>(
        "SELECT s.name, n.created_at, n.body FROM consultation_notes n JOIN staff s ON s.id = n.staff_id
         WHERE n.consultation_id = ? ORDER BY n.created_at, n.id",
    )
    .bind(id)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(author, at, body)| Ok(Note { author, at: staff_time(&at)?, body }))
    .collect::<Result<_, ServerError>>()?;
    let failed_notifications = sqlx::query_as::<_, (String, i64)>(
        "SELECT kind, attempts FROM notifications WHERE consultation_id = ? AND sent_at IS NULL AND attempts > 0",
    )
    .bind(id)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(kind, attempts)| {
        let who = if kind == "staff" { "The staff e-mail" } else { "The patient's confirmation e-mail" };
        format!("{who} has not been sent yet ({attempts} failed attempts).")
    })
    .collect();
    Ok(RequestDetail {
        reference: reference.clone(),
        received: staff_time(&created)?,
        name,
        phone: Phone::parse(&phone).map_err(|_| corrupt("phone"))?,
        email,
        contact_method: ContactMethod::parse(&method).ok_or_else(|| corrupt("contact method"))?,
        service,
        patient: PatientStatus::parse(&patient).ok_or_else(|| corrupt("patient"))?,
        days: days.split(',').filter_map(Weekday::parse).collect(),
        time_of_day: TimeOfDay::parse(&time).ok_or_else(|| corrupt("time of day"))?,
        message,
        status: RequestStatus::parse(&status).ok_or_else(|| corrupt("status"))?,
        spam_reason: spam,
        notes,
        failed_notifications,
    })
}

pub async fn set_status(
    db: &SqlitePool,
    reference: &Reference,
    status: RequestStatus,
) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query("UPDATE consultations SET status = ? WHERE reference = ?")
            .bind(status.value())
            .bind(reference.as_str())
            .execute(db)
            .await?,
    )
}

pub async fn add_note(
    db: &SqlitePool,
    reference: &Reference,
    staff_id: i64,
    body: &str,
) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query(
            "INSERT INTO consultation_notes (consultation_id, staff_id, body, created_at)
         SELECT id, ?, ?, ? FROM consultations WHERE reference = ?",
        )
        .bind(staff_id)
        .bind(body)
        .bind(now_utc().to_stored())
        .bind(reference.as_str())
        .execute(db)
        .await?,
    )
}

/// Every request, for the administrators' CSV export: one row of text per
/// request, in the order of [`EXPORT_HEADER`].
pub async fn export_rows(db: &SqlitePool) -> Result<Vec<Vec<String>>, ServerError> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT reference, created_at, name, phone, COALESCE(email, ''), contact_method,
                COALESCE(service_name, ''), patient, days, time_of_day, message, status
         FROM consultations ORDER BY created_at DESC, id DESC",
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|row| {
            (0..EXPORT_HEADER.len())
                .map(|i| row.try_get::<String, _>(i))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<_, _>>()?)
}

pub const EXPORT_HEADER: [&str; 12] = [
    "reference",
    "received",
    "name",
    "phone",
    "email",
    "contact_method",
    "service",
    "patient",
    "days",
    "time_of_day",
    "message",
    "status",
];
