use crate::domain::staff::AuditEntry;
use crate::server::content::now_utc;
use crate::server::db::{self, Db};
use crate::server::ServerError;

/// Records who did what. `subject` names the thing (a reference), never its contents.
pub async fn record(
    db: &Db,
    staff_id: i64,
    action: &str,
    subject: Option<&str>,
) -> Result<(), ServerError> {
    db::audit::record(db, staff_id, action, subject, &now_utc().to_stored()).await
}

pub async fn recent(db: &Db, limit: i64) -> Result<Vec<AuditEntry>, ServerError> {
    Ok(db::audit::recent(db, limit)
        .await?
        .into_iter()
        .map(|row| AuditEntry {
            at: row.at,
            staff: row.staff,
            action: row.action,
            subject: row.subject,
        })
        .collect())
}
