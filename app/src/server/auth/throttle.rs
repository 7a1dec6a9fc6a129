//! Slows down and then locks repeated failed sign-ins, per account and per
//! client. A success clears both.

use crate::server::content::{now_utc, Timestamp};
use crate::server::ServerError;
use sqlx::SqlitePool;
use std::time::Duration;

/// Failures before each further attempt waits a little longer.
pub const SLOW_AFTER: i64 = 3;
/// Failures that lock the account or client.
pub const LOCK_AFTER: i64 = 10;
/// How long a lock lasts; failures older than this are forgotten.
pub const LOCK_FOR: Duration = Duration::from_secs(15 * 60);

pub fn account_key(email: &str) -> String {
    format!("account:{}", email.trim().to_lowercase())
}

pub fn client_key(ip: std::net::IpAddr) -> String {
    format!("client:{ip}")
}

/// `Err(seconds left)` if any key is locked; otherwise the delay to impose.
pub async fn check(db: &SqlitePool, keys: &[String]) -> Result<Result<Duration, u64>, ServerError> {
    let now = now_utc();
    let mut failures = 0;
    for key in keys {
        let row: Option<(i64, Option<String>, String)> = sqlx::query_as(
            "SELECT failures, locked_until, last_failure_at FROM sign_in_failures WHERE key = ?",
        )
        .bind(key)
        .fetch_optional(db)
        .await?;
        let Some((count, locked_until, last)) = row else {
            continue;
        };
        if let Some(until) = locked_until {
            let left = Timestamp::parse_stored(&until)?.unix() - now.unix();
            if left > 0 {
                return Ok(Err(u64::try_from(left).unwrap_or(1)));
            }
        }
        let stale = now.unix() - Timestamp::parse_stored(&last)?.unix() > lock_secs();
        if !stale {
            failures = failures.max(count);
        }
    }
    let delay = Duration::from_millis(
        u64::try_from((failures - SLOW_AFTER + 1).clamp(0, 8)).unwrap_or(0) * 250,
    );
    Ok(Ok(delay))
}

fn lock_secs() -> i64 {
    i64::try_from(LOCK_FOR.as_secs()).unwrap_or(i64::MAX)
}

/// Counts a failure against each key, locking those that reach the limit.
pub async fn record_failure(db: &SqlitePool, keys: &[String]) -> Result<(), ServerError> {
    let now = now_utc();
    let lock_until = Timestamp::from_unix(now.unix() + lock_secs()).to_stored();
    let stale_before = Timestamp::from_unix(now.unix() - lock_secs()).to_stored();
    for key in keys {
        sqlx::query(
            "INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (?1, 1, ?2)
             ON CONFLICT (key) DO UPDATE SET
               failures = CASE WHEN last_failure_at < ?3 THEN 1 ELSE failures + 1 END,
               last_failure_at = ?2",
        )
        .bind(key)
        .bind(now.to_stored())
        .bind(&stale_before)
        .execute(db)
        .await?;
        sqlx::query(
            "UPDATE sign_in_failures SET locked_until = ?
             WHERE key = ? AND failures >= ? AND (locked_until IS NULL OR locked_until < ?)",
        )
        .bind(&lock_until)
        .bind(key)
        .bind(LOCK_AFTER)
        .bind(now.to_stored())
        .execute(db)
        .await?;
    }
    Ok(())
}

pub async fn clear(db: &SqlitePool, keys: &[String]) -> Result<(), ServerError> {
    for key in keys {
        sqlx::query("DELETE FROM sign_in_failures WHERE key = ?")
            .bind(key)
            .execute(db)
            .await?;
    }
    Ok(())
}
