//! The readiness probe's write.

use super::Db;
use crate::server::ServerError;

/// Writes `now` into the one health row: fails if the database cannot
/// take a write (locked too long, read-only, disk full).
pub async fn touch(db: &Db, now: &str) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO health_checks (id, checked_at) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
    )
    .bind(now)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}
