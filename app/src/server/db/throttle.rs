//! Failed sign-ins per key ('account:<email>' or 'client:<ip>').

use super::Db;
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct FailuresRow {
    pub failures: i64,
    pub locked_until: Option<String>,
    pub last_failure_at: String,
}

pub async fn get(db: &Db, key: &str) -> Result<Option<FailuresRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT failures, locked_until, last_failure_at FROM sign_in_failures WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(c).await)?)
}

/// Counts a failure at `now`, starting again from one when the last
/// failure was before `stale_before`.
pub async fn count_failure(
    db: &Db,
    key: &str,
    now: &str,
    stale_before: &str,
) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES ($1, 1, $2)
             ON CONFLICT (key) DO UPDATE SET
               failures = CASE WHEN sign_in_failures.last_failure_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
               last_failure_at = $2",
    )
    .bind(key)
    .bind(now)
    .bind(stale_before)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Locks `key` until `until` if it has `limit` failures and is not locked now.
pub async fn lock_at_limit(
    db: &Db,
    key: &str,
    limit: i64,
    until: &str,
    now: &str,
) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "UPDATE sign_in_failures SET locked_until = $1
             WHERE key = $2 AND failures >= $3 AND (locked_until IS NULL OR locked_until < $4)",
    )
    .bind(until)
    .bind(key)
    .bind(limit)
    .bind(now)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

pub async fn clear(db: &Db, key: &str) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
        .bind(key)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}
