use super::accounts::{self, Account};
use crate::domain::staff::{Role, StaffMember};
use crate::server::content::now_utc;
use crate::server::ServerError;
use std::time::Duration;
use tower_sessions::Session;

const STAFF_ID: &str = "staff_id";
const SIGNED_IN_AT: &str = "signed_in_at";
const LAST_SEEN: &str = "last_seen";
/// An account whose password was right, waiting for its second factor.
const AWAITING_CODE: &str = "awaiting_code";
const AWAITING_SINCE: &str = "awaiting_since";
/// A secret shown for enrolment, until a code from it confirms it.
const ENROLLING: &str = "enrolling_secret";
/// How long the code may take after the password.
const CODE_WITHIN_SECS: i64 = 5 * 60;

/// How long a session lives: it ends after `idle` without a request (after
/// `idle_reading_requests` for roles that read patients' requests), and
/// after `absolute` whatever happens.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle: Duration,
    pub idle_reading_requests: Duration,
    pub absolute: Duration,
}

impl SessionLimits {
    /// How long a session of `role` may go without a request.
    pub fn idle_for(&self, role: Role) -> Duration {
        if role.handles_requests() {
            self.idle.min(self.idle_reading_requests)
        } else {
            self.idle
        }
    }
}

/// Remembers, under a new session id, that `account` gave the right
/// password and must now give its code. The session is not signed in.
pub async fn await_code(session: &Session, account: &Account) -> Result<(), ServerError> {
    session.cycle_id().await.map_err(store_failed)?;
    session
        .insert(AWAITING_CODE, account.member.id)
        .await
        .map_err(store_failed)?;
    session
        .insert(AWAITING_SINCE, now_utc().unix())
        .await
        .map_err(store_failed)?;
    Ok(())
}

/// The account waiting for its code, if its password was given recently.
pub async fn awaiting_code(session: &Session) -> Result<Option<i64>, ServerError> {
    let id = session
        .get::<i64>(AWAITING_CODE)
        .await
        .map_err(store_failed)?;
    let since = session
        .get::<i64>(AWAITING_SINCE)
        .await
        .map_err(store_failed)?
        .unwrap_or(0);
    Ok(id.filter(|_| now_utc().unix().saturating_sub(since) <= CODE_WITHIN_SECS))
}

/// Forgets a password step (too many wrong codes).
pub async fn forget_awaiting(session: &Session) -> Result<(), ServerError> {
    session
        .remove::<i64>(AWAITING_CODE)
        .await
        .map_err(store_failed)?;
    Ok(())
}

/// Keeps the secret being enrolled with the session, not the account,
/// until a code confirms it.
pub async fn set_enrolling(session: &Session, secret: &[u8]) -> Result<(), ServerError> {
    session
        .insert(ENROLLING, secret.to_vec())
        .await
        .map_err(store_failed)
}

pub async fn enrolling(session: &Session) -> Result<Option<Vec<u8>>, ServerError> {
    session.get(ENROLLING).await.map_err(store_failed)
}

pub async fn clear_enrolling(session: &Session) -> Result<(), ServerError> {
    session
        .remove::<Vec<u8>>(ENROLLING)
        .await
        .map_err(store_failed)?;
    Ok(())
}

/// Starts a session for `account` under a new id, so an id planted before
/// sign-in (session fixation) is worth nothing after it.
pub async fn start(session: &Session, account: &Account) -> Result<(), ServerError> {
    session.cycle_id().await.map_err(store_failed)?;
    forget_awaiting(session).await?;
    session
        .insert(STAFF_ID, account.member.id)
        .await
        .map_err(store_failed)?;
    session
        .insert(SIGNED_IN_AT, now_utc().unix())
        .await
        .map_err(store_failed)?;
    session
        .insert(LAST_SEEN, now_utc().unix())
        .await
        .map_err(store_failed)?;
    Ok(())
}

/// Ends the session on the server: its cookie is worthless afterwards.
pub async fn end(session: &Session) -> Result<(), ServerError> {
    session.flush().await.map_err(store_failed)
}

/// The staff member a session belongs to, if it is valid: ends sessions past
/// their absolute limit and those of disabled or deleted accounts.
pub async fn staff_for_session(
    db: &crate::server::db::Db,
    session: &Session,
    limits: SessionLimits,
) -> Result<Option<StaffMember>, ServerError> {
    let Some(id) = session.get::<i64>(STAFF_ID).await.map_err(store_failed)? else {
        return Ok(None);
    };
    let signed_in_at = session
        .get::<i64>(SIGNED_IN_AT)
        .await
        .map_err(store_failed)?
        .unwrap_or(0);
    let now = now_utc().unix();
    let age = now.saturating_sub(signed_in_at);
    if age > seconds(limits.absolute) {
        end(session).await?;
        return Ok(None);
    }
    let member = match accounts::by_id(db, id).await? {
        Some(account) if !account.disabled => account.member,
        _ => {
            end(session).await?;
            return Ok(None);
        }
    };
    // The cookie's own expiry is the longest idle limit; a role that reads
    // requests ends sooner, counted here.
    let last_seen = session
        .get::<i64>(LAST_SEEN)
        .await
        .map_err(store_failed)?
        .unwrap_or(signed_in_at);
    if now.saturating_sub(last_seen) > seconds(limits.idle_for(member.role)) {
        end(session).await?;
        return Ok(None);
    }
    // Within the same second the session is not written again.
    if now != last_seen {
        session.insert(LAST_SEEN, now).await.map_err(store_failed)?;
    }
    Ok(Some(member))
}

fn seconds(limit: Duration) -> i64 {
    i64::try_from(limit.as_secs()).unwrap_or(i64::MAX)
}

fn store_failed(e: impl std::fmt::Display) -> ServerError {
    ServerError::Context(format!("session store: {e}"))
}
