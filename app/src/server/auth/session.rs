use super::accounts::{self, Account};
use crate::api::ApiError;
use crate::domain::staff::{Role, StaffMember};
use crate::server::content::now_utc;
use std::time::Duration;
use tower_sessions::Session;

const STAFF_ID: &str = "staff_id";
const SIGNED_IN_AT: &str = "signed_in_at";

/// How long a session lives: it ends after `idle` without a request, and
/// after `absolute` whatever happens.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Starts a session for `account` under a new id, so an id planted before
/// sign-in (session fixation) is worth nothing after it.
pub async fn sign_in(session: &Session, account: &Account) -> Result<(), ApiError> {
    session.cycle_id().await.map_err(internal)?;
    session
        .insert(STAFF_ID, account.member.id)
        .await
        .map_err(internal)?;
    session
        .insert(SIGNED_IN_AT, now_utc().unix())
        .await
        .map_err(internal)?;
    Ok(())
}

/// Ends the session on the server: its cookie is worthless afterwards.
pub async fn sign_out(session: &Session) -> Result<(), ApiError> {
    session.flush().await.map_err(internal)
}

/// The signed-in staff member of this request, if the session is valid,
/// young enough, and its account is still enabled.
pub async fn current_staff() -> Result<Option<(StaffMember, Session)>, ApiError> {
    let state = crate::server::state()?;
    let Ok(session) = leptos_axum::extract::<Session>().await else {
        return Err(internal("no session layer"));
    };
    let member = staff_for_session(&state.db, &session, state.session_limits).await?;
    Ok(member.map(|m| (m, session)))
}

/// The staff member a session belongs to, if it is valid: ends sessions past
/// their absolute limit and those of disabled or deleted accounts.
pub async fn staff_for_session(
    db: &sqlx::SqlitePool,
    session: &Session,
    limits: SessionLimits,
) -> Result<Option<StaffMember>, ApiError> {
    let Some(id) = session.get::<i64>(STAFF_ID).await.map_err(internal)? else {
        return Ok(None);
    };
    let signed_in_at = session
        .get::<i64>(SIGNED_IN_AT)
        .await
        .map_err(internal)?
        .unwrap_or(0);
    let age = now_utc().unix().saturating_sub(signed_in_at);
    if age > i64::try_from(limits.absolute.as_secs()).unwrap_or(i64::MAX) {
        session.flush().await.map_err(internal)?;
        return Ok(None);
    }
    match accounts::by_id(db, id).await.map_err(ApiError::from)? {
        Some(account) if !account.disabled => Ok(Some(account.member)),
        _ => {
            session.flush().await.map_err(internal)?;
            Ok(None)
        }
    }
}

/// The first step of every admin server function: the signed-in member,
/// if their role passes `allowed`; else 401 (not signed in) or 403.
pub async fn require(allowed: fn(Role) -> bool) -> Result<StaffMember, ApiError> {
    let result = match current_staff().await? {
        None => Err(ApiError::Unauthorized),
        Some((member, _)) if allowed(member.role) => Ok(member),
        Some(_) => Err(ApiError::Forbidden),
    };
    result.map_err(crate::server::error::with_status)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "session store");
    ApiError::Internal
}
