//! Handling requests at the front desk: the list, one request, its status
//! and notes, and the export.

use crate::domain::request::{
    ContactMethod, Note, PatientStatus, Reference, RequestDetail, RequestList, RequestListItem,
    RequestStatus, TimeOfDay, Weekday,
};
use crate::domain::{Locale, Phone};
use crate::server::content::{now_utc, staff_time, Timestamp};
use crate::server::db::audit::Entry;
use crate::server::db::{self, mail_queue::NotificationKind, Db};
use crate::server::vault::Vault;
use crate::server::ServerError;

fn corrupt(what: &str) -> ServerError {
    ServerError::Corrupt(format!("consultation {what}"))
}

pub async fn page(
    db: &Db,
    vault: &Vault,
    filter: Option<RequestStatus>,
) -> Result<RequestList, ServerError> {
    let items = db::requests::list(db, vault, filter)
        .await?
        .into_iter()
        .map(|row| {
            Ok(RequestListItem {
                reference: Reference::parse(&row.reference).ok_or_else(|| corrupt("reference"))?,
                received: staff_time(&row.created_at)?,
                name: row.name,
                service: row.service_name,
                contact_method: ContactMethod::parse(&row.contact_method)
                    .ok_or_else(|| corrupt("contact method"))?,
                status: RequestStatus::parse(&row.status).ok_or_else(|| corrupt("status"))?,
                locale: Locale::from_code(&row.locale).unwrap_or_default(),
            })
        })
        .collect::<Result<_, ServerError>>()?;
    Ok(RequestList {
        items,
        filter,
        counts: counts(db).await?,
    })
}

pub async fn counts(db: &Db) -> Result<Vec<(RequestStatus, i64)>, ServerError> {
    let rows = db::requests::status_counts(db).await?;
    Ok(RequestStatus::ALL
        .iter()
        .map(|s| {
            (
                *s,
                rows.iter()
                    .find(|row| row.status == s.value())
                    .map_or(0, |row| row.count),
            )
        })
        .collect())
}

pub async fn detail(
    db: &Db,
    vault: &Vault,
    reference: &Reference,
    retention_days: u32,
) -> Result<RequestDetail, ServerError> {
    let row = db::requests::by_reference(db, vault, reference.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    let notes = db::requests::notes(db, vault, row.id, reference.as_str())
        .await?
        .into_iter()
        .map(|note| {
            Ok(Note {
                author: note.author,
                at: staff_time(&note.created_at)?,
                body: note.body,
            })
        })
        .collect::<Result<_, ServerError>>()?;
    let failed_notifications = db::mail_queue::unsent_of_request(db, row.id)
        .await?
        .into_iter()
        .map(|unsent| {
            // A request's notifications are these two kinds.
            let who = if unsent.kind == NotificationKind::Staff {
                "The staff e-mail"
            } else {
                "The patient's confirmation e-mail"
            };
            format!(
                "{who} has not been sent yet ({} failed attempts).",
                unsent.attempts
            )
        })
        .collect();
    let status = RequestStatus::parse(&row.status).ok_or_else(|| corrupt("status"))?;
    let deleted_on = status
        .expires()
        .then(|| {
            let changed = Timestamp::parse_stored(&row.status_changed_at)?;
            Ok::<_, ServerError>(super::retention::deleted_after(&changed, retention_days).label())
        })
        .transpose()?;
    Ok(RequestDetail {
        reference: reference.clone(),
        received: staff_time(&row.created_at)?,
        name: row.details.name,
        phone: Phone::parse(&row.details.phone).map_err(|_| corrupt("phone"))?,
        email: row.details.email,
        contact_method: ContactMethod::parse(&row.contact_method)
            .ok_or_else(|| corrupt("contact method"))?,
        service: row.service_name,
        patient: PatientStatus::parse(&row.patient).ok_or_else(|| corrupt("patient"))?,
        days: row.days.split(',').filter_map(Weekday::parse).collect(),
        time_of_day: TimeOfDay::parse(&row.time_of_day).ok_or_else(|| corrupt("time of day"))?,
        message: row.details.message,
        status,
        deleted_on,
        spam_reason: row.spam_reason,
        notes,
        failed_notifications,
        locale: Locale::from_code(&row.locale).unwrap_or_default(),
    })
}

/// Staff member `staff_id` moves a request to `status`, audited (by its
/// reference and the new status, never its contents) in the same
/// transaction.
pub async fn set_status(
    db: &Db,
    reference: &Reference,
    status: RequestStatus,
    staff_id: i64,
) -> Result<(), ServerError> {
    let (at, subject) = (
        now_utc().to_stored(),
        format!("{reference} -> {}", status.value()),
    );
    let by = Entry {
        staff_id,
        at: &at,
        action: "consultation.status",
        subject: Some(&subject),
    };
    db::requests::set_status(db, reference.as_str(), status, &by).await
}

/// Staff member `staff_id` adds a note (sealed) to a request, audited by
/// the request's reference in the same transaction.
pub async fn add_note(
    db: &Db,
    vault: &Vault,
    reference: &Reference,
    staff_id: i64,
    body: &str,
) -> Result<(), ServerError> {
    let at = now_utc().to_stored();
    let by = Entry {
        staff_id,
        at: &at,
        action: "consultation.note",
        subject: Some(reference.as_str()),
    };
    db::requests::add_note(db, vault, reference.as_str(), body, &by).await
}

/// Every request, for the administrators' CSV export: one row of text per
/// request, in the order of [`EXPORT_HEADER`].
pub async fn export_rows(db: &Db, vault: &Vault) -> Result<Vec<Vec<String>>, ServerError> {
    Ok(db::requests::export(db, vault)
        .await?
        .into_iter()
        .map(|row| {
            vec![
                row.reference,
                row.created_at,
                row.details.name,
                row.details.phone,
                row.details.email.unwrap_or_default(),
                row.contact_method,
                row.service_name,
                row.patient,
                row.days,
                row.time_of_day,
                row.details.message,
                row.status,
            ]
        })
        .collect())
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
