//! Signing in with e-mail and password: throttled per account and per
//! client, the same answer after the same time for an unknown e-mail and a
//! wrong password, a new session id on success, audited.

use super::{accounts, audit, session, throttle, verify_password};
use crate::domain::staff::StaffMember;
use crate::server::requests::ClientKey;
use crate::server::ServerError;
use sqlx::SqlitePool;
use tower_sessions::Session;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("e-mail and password do not match an enabled account")]
    Failed,
    #[error("locked for {retry_after_secs} s")]
    Locked { retry_after_secs: u64 },
    #[error(transparent)]
    Server(#[from] ServerError),
}

#[tracing::instrument(skip_all)]
pub async fn with_password(
    db: &SqlitePool,
    session: &Session,
    client: ClientKey,
    email: &str,
    password: String,
) -> Result<StaffMember, SignInError> {
    let keys = [throttle::account_key(email), throttle::client_key(client.0)];
    match throttle::check(db, &keys).await? {
        Err(retry_after_secs) => return Err(SignInError::Locked { retry_after_secs }),
        Ok(delay) => tokio::time::sleep(delay).await,
    }
    let account = accounts::by_email(db, email).await?;
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let password_ok = verify_password(password, hash).await;
    match account {
        Some(account) if password_ok && !account.disabled => {
            throttle::clear(db, &keys).await?;
            session::start(session, &account).await?;
            audit::record(db, account.member.id, "staff.sign_in", None).await?;
            Ok(account.member)
        }
        _ => {
            throttle::record_failure(db, &keys).await?;
            Err(SignInError::Failed)
        }
    }
}
