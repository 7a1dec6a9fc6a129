//! Makes guessing sign-ins expensive without letting anyone lock others
//! out. Failures are counted per account and per client address:
//!
//! - an account is locked for [`LOCK_FOR`] after [`LOCK_AFTER`] failures
//!   (whoever makes them), so guessing one account's password stops;
//! - an address is only slowed (up to two seconds per attempt), never
//!   locked: behind a clinic's single internet address, one colleague's
//!   typos (or an attacker's guesses at one account) must not lock the
//!   whole front desk out.
//!
//! A success clears both.

use crate::server::content::{now_utc, Timestamp};
use crate::server::db::{self, Db};
use crate::server::requests::ClientKey;
use crate::server::ServerError;
use std::time::Duration;

/// Failures before each further attempt waits a little longer.
pub const SLOW_AFTER: i64 = 3;
/// Failures that lock the account.
pub const LOCK_AFTER: i64 = 10;
/// How long a lock lasts; failures older than this are forgotten.
pub const LOCK_FOR: Duration = Duration::from_secs(15 * 60);

/// The throttle's keys for one sign-in attempt.
pub struct Keys {
    account: String,
    client: String,
}

impl Keys {
    pub fn new(email: &str, client: ClientKey) -> Self {
        Self {
            account: format!("account:{}", email.trim().to_lowercase()),
            client: format!("client:{}", client.0),
        }
    }
}

/// `Err(seconds left)` if the account is locked; otherwise the delay to
/// impose (from the account's or the address's recent failures).
pub async fn check(db: &Db, keys: &Keys) -> Result<Result<Duration, u64>, ServerError> {
    let now = now_utc();
    let mut failures = 0;
    for (key, locks) in [(&keys.account, true), (&keys.client, false)] {
        let Some(row) = db::throttle::get(db, key).await? else {
            continue;
        };
        if let (true, Some(until)) = (locks, row.locked_until) {
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

/// Counts a failure against the account and the address, locking the
/// account when it reaches the limit.
pub async fn record_failure(db: &Db, keys: &Keys) -> Result<(), ServerError> {
    let now = now_utc();
    let lock_until = Timestamp::from_unix(now.unix() + lock_secs()).to_stored();
    let stale_before = Timestamp::from_unix(now.unix() - lock_secs()).to_stored();
    for key in [&keys.account, &keys.client] {
        db::throttle::count_failure(db, key, &now.to_stored(), &stale_before).await?;
    }
    db::throttle::lock_at_limit(db, &keys.account, LOCK_AFTER, &lock_until, &now.to_stored())
        .await?;
    Ok(())
}

pub async fn clear(db: &Db, keys: &Keys) -> Result<(), ServerError> {
    for key in [&keys.account, &keys.client] {
        db::throttle::clear(db, key).await?;
    }
    Ok(())
}
