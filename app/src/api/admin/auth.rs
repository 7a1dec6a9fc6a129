use crate::api::ApiError;
use crate::domain::staff::StaffMember;
use leptos::prelude::*;

/// Signs in with e-mail and password. The same answer, after the same
/// time, for an unknown e-mail and a wrong password.
#[server(endpoint = "admin/sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<StaffMember, ApiError> {
    use crate::server::auth::{accounts, throttle, verify_password};
    use crate::server::error::with_status;
    use crate::server::{respond, state};
    let state = state()?;
    let client =
        crate::server::consultations::client_key_from_request(state.desk.trust_forwarded).await?;
    let keys = [
        throttle::account_key(&email),
        throttle::client_key(client.0),
    ];
    match respond(throttle::check(&state.db, &keys).await)? {
        Err(retry_after_secs) => {
            return Err(with_status(ApiError::SignInLocked { retry_after_secs }))
        }
        Ok(delay) => tokio::time::sleep(delay).await,
    }
    let account = respond(accounts::by_email(&state.db, &email).await)?;
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let password_ok = verify_password(password, hash).await;
    match account {
        Some(account) if password_ok && !account.disabled => {
            respond(throttle::clear(&state.db, &keys).await)?;
            let session = leptos_axum::extract::<tower_sessions::Session>()
                .await
                .map_err(|_| ApiError::Internal)?;
            crate::server::auth::sign_in(&session, &account).await?;
            respond(
                crate::server::auth::audit::record(
                    &state.db,
                    account.member.id,
                    "staff.sign_in",
                    None,
                )
                .await,
            )?;
            Ok(account.member)
        }
        _ => {
            respond(throttle::record_failure(&state.db, &keys).await)?;
            Err(with_status(ApiError::SignInFailed))
        }
    }
}

#[server(endpoint = "admin/sign_out")]
pub async fn sign_out() -> Result<(), ApiError> {
    if let Some((member, session)) = crate::server::auth::current_staff().await? {
        crate::server::auth::sign_out(&session).await?;
        let state = crate::server::state()?;
        crate::server::respond(
            crate::server::auth::audit::record(&state.db, member.id, "staff.sign_out", None).await,
        )?;
    }
    Ok(())
}

/// The signed-in member, and for those who handle requests, how many are new.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignedIn {
    pub member: StaffMember,
    pub new_requests: Option<i64>,
}

/// Who is signed in, if anyone. Also keeps an idle session alive.
#[server(endpoint = "admin/me")]
pub async fn who_am_i() -> Result<Option<SignedIn>, ApiError> {
    use crate::domain::consultation::RequestStatus;
    use crate::server::{inbox, respond, state};
    let Some((member, _)) = crate::server::auth::current_staff().await? else {
        return Ok(None);
    };
    let new_requests = if member.role.handles_requests() {
        let counts = respond(inbox::counts(&state()?.db).await)?;
        counts
            .iter()
            .find(|(s, _)| *s == RequestStatus::New)
            .map(|(_, n)| *n)
    } else {
        None
    };
    Ok(Some(SignedIn {
        member,
        new_requests,
    }))
}
