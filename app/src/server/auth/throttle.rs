//! Slows down and then locks repeated failed sign-ins, per account and per
//! client. A success clears both.

use crate::server::content::{now_utc, Timestamp};
use crate::server::db::{self, Db};
use crate::server::ServerError;
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
pub async fn check(db: &Db, keys: &[String]) -> Result<Result<Duration, u64>, ServerError> {
    let now = now_utc();
    let mut failures = 0;
    for key in keys {
        let Some(row) = db::throttle::get(db, key).await? else {
            continue;
        };
        if let Some(until) = row.locked_until {
            let left = Timestamp::parse_stored(&until)?.unix() - now.unix();
            if left > 0 {
                return Ok(Err(u64::try_from(left).unwrap_or(1)));
            }
        }
        let stale =
            now.unix() - Timestamp::parse_stored(&row.last_failure_at)?.unix() > lock_secs();
        if !stale {
            failures = failures.max(row.failures);
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
pub async fn record_failure(db: &Db, keys: &[String]) -> Result<(), ServerError> {
    let now = now_utc();
    let lock_until = Timestamp::from_unix(now.unix() + lock_secs()).to_stored();
    let stale_before = Timestamp::from_unix(now.unix() - lock_secs()).to_stored();
    for key in keys {
        db::throttle::count_failure(db, key, &now.to_stored(), &stale_before).await?;
        db::throttle::lock_at_limit(db, key, LOCK_AFTER, &lock_until, &now.to_stored()).await?;
    }
    Ok(())
}

pub async fn clear(db: &Db, keys: &[String]) -> Result<(), ServerError> {
    for key in keys {
        db::throttle::clear(db, key).await?;
    }
    Ok(())
}
