//! Signing in: e-mail and password, then, for accounts with a second
//! factor, an authenticator code or a recovery code. Both steps count
//! failures against the same throttle (per account and per client); the
//! same answer, after the same time, for an unknown e-mail and a wrong
//! password; a new session id at each step; audited.

use super::{accounts, audit, session, throttle, two_factor, verify_password};
use crate::domain::staff::{SignInStep, StaffMember};
use crate::server::content::now_utc;
use crate::server::db::{self, Db};
use crate::server::requests::ClientKey;
use crate::server::vault::Vault;
use crate::server::ServerError;
use tower_sessions::Session;

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("e-mail and password do not match an enabled account")]
    Failed,
    #[error("locked for {retry_after_secs} s")]
    Locked { retry_after_secs: u64 },
    #[error("the code is wrong or was used before")]
    WrongCode,
    /// No password step in this session, or it is too old.
    #[error("no recent password step")]
    CodeExpired,
    #[error(transparent)]
    Server(#[from] ServerError),
}

async fn throttled(db: &Db, keys: &throttle::Keys) -> Result<(), SignInError> {
    match throttle::check(db, keys).await? {
        Err(retry_after_secs) => Err(SignInError::Locked { retry_after_secs }),
        Ok(delay) => {
            tokio::time::sleep(delay).await;
            Ok(())
        }
    }
}

#[tracing::instrument(skip_all)]
pub async fn with_password(
    db: &Db,
    session: &Session,
    client: ClientKey,
    email: &str,
    password: String,
) -> Result<SignInStep, SignInError> {
    let keys = throttle::Keys::new(email, client);
    throttled(db, &keys).await?;
    let account = accounts::by_email(db, email).await?;
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let password_ok = verify_password(password, hash).await;
    match account {
        Some(account) if password_ok && !account.disabled => {
            if account.member.two_factor {
                // The failures stay counted until the code is right too.
                session::await_code(session, &account).await?;
                return Ok(SignInStep::CodeNeeded);
            }
            throttle::clear(db, &keys).await?;
            session::start(session, &account).await?;
            audit::record(db, account.member.id, "staff.sign_in", None).await?;
            Ok(SignInStep::Done(account.member))
        }
        _ => {
            throttle::record_failure(db, &keys).await?;
            Err(SignInError::Failed)
        }
    }
}

/// The second step: a six-digit code not used before, or an unused
/// recovery code.
#[tracing::instrument(skip_all)]
pub async fn with_code(
    db: &Db,
    vault: &Vault,
    session: &Session,
    client: ClientKey,
    code: &str,
) -> Result<StaffMember, SignInError> {
    let Some(id) = session::awaiting_code(session).await? else {
        return Err(SignInError::CodeExpired);
    };
    let Some(account) = accounts::by_id(db, id).await?.filter(|a| !a.disabled) else {
        return Err(SignInError::CodeExpired);
    };
    let keys = throttle::Keys::new(&account.member.email, client);
    if let Err(locked) = throttled(db, &keys).await {
        session::forget_awaiting(session).await?;
        return Err(locked);
    }
    let accepted = if two_factor::is_totp_code(code) {
        totp_accepted(db, vault, id, code).await?
    } else {
        let used = db::two_factor::use_recovery_code(
            db,
            id,
            &two_factor::recovery_hash(code),
            &now_utc().to_stored(),
        )
        .await?;
        if used {
            audit::record(db, id, "staff.recovery_code_used", None).await?;
        }
        used
    };
    if !accepted {
        throttle::record_failure(db, &keys).await?;
        return Err(SignInError::WrongCode);
    }
    throttle::clear(db, &keys).await?;
    session::start(session, &account).await?;
    audit::record(db, id, "staff.sign_in", None).await?;
    Ok(account.member)
}

/// Whether `code` is the member's code for a step near now that no earlier
/// sign-in used.
async fn totp_accepted(db: &Db, vault: &Vault, id: i64, code: &str) -> Result<bool, ServerError> {
    let Some(stored) = db::two_factor::secret(db, id).await? else {
        return Ok(false);
    };
    let secret = vault
        .open(&two_factor::secret_context(id), &stored.totp_secret)
        .map_err(|e| ServerError::Corrupt(format!("second factor of staff {id}: {e}")))?;
    match two_factor::matching_step(&secret, code, now_utc().unix()) {
        Some(step) => db::two_factor::advance_step(db, id, step).await,
        None => Ok(false),
    }
}
