//! The audit log: who did what, when.

use super::Db;
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub at: String,
    /// The staff member's name, if the account still exists.
    pub staff: Option<String>,
    pub action: String,
    pub subject: Option<String>,
}

pub async fn record(
    db: &Db,
    staff_id: i64,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, subject, at) VALUES (?, ?, ?, ?)")
        .bind(staff_id)
        .bind(action)
        .bind(subject)
        .bind(at)
        .execute(db)
        .await?;
    Ok(())
}

/// Records what the server did on its own (no staff member), such as a
/// retention purge.
pub async fn record_system(
    db: &Db,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, subject, at) VALUES (NULL, ?, ?, ?)")
        .bind(action)
        .bind(subject)
        .bind(at)
        .execute(db)
        .await?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<AuditRow>, ServerError> {
    Ok(sqlx::query_as(
        "SELECT a.at, s.name AS staff, a.action, a.subject FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         ORDER BY a.at DESC, a.id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?)
}
