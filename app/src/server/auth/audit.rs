use crate::domain::staff::AuditEntry;
use crate::server::content::now_utc;
use crate::server::ServerError;
use sqlx::SqlitePool;

/// Records who did what. `subject` names the thing (a reference), never its contents.
pub async fn record(
    db: &SqlitePool,
    staff_id: i64,
    action: &str,
    subject: Option<&str>,
) -> Result<(), ServerError> {
    sqlx::query("INSERT INTO audit_log (staff_id, action, subject, at) VALUES (?, ?, ?, ?)")
        .bind(staff_id)
        .bind(action)
        .bind(subject)
        .bind(now_utc().to_stored())
        .execute(db)
        .await?;
    Ok(())
}

pub async fn recent(db: &SqlitePool, limit: i64) -> Result<Vec<AuditEntry>, ServerError> {
    Ok(sqlx::query_as::<_, (String, Option<String>, String, Option<String>)>(
        "SELECT a.at, s.name, a.action, a.subject FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         ORDER BY a.at DESC, a.id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(at, staff, action, subject)| AuditEntry { at, staff, action, subject })
    .collect())
}
