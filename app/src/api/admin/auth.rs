use crate::api::ApiError;
use crate::domain::staff::StaffMember;
use leptos::prelude::*;

/// Signs in with e-mail and password. The same answer, after the same
/// time, for an unknown e-mail and a wrong password.
#[server(endpoint = "admin/sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<StaffMember, ApiError> {
    use crate::api::server::{extract, session, state};
    use crate::server::auth::sign_in_with_password;
    let state = state()?;
    let client = extract().await?;
    let session = session().await?;
    Ok(sign_in_with_password(&state.db, &session, client, &email, password).await?)
}

#[server(endpoint = "admin/sign_out")]
pub async fn sign_out() -> Result<(), ApiError> {
    use crate::api::server::{signed_in, state};
    use crate::server::auth::{audit, end_session};
    if let Some(staff) = signed_in().await? {
        end_session(&staff.session).await?;
        audit::record(&state()?.db, staff.member.id, "staff.sign_out", None).await?;
    }
    Ok(())
}

/// The signed-in member, and for those who handle requests, how many are new.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignedIn {
    pub member: StaffMember,
    pub new_requests: Option<i64>,
    /// Minutes without a request before this member's session ends.
    pub idle_minutes: u64,
}

/// Who is signed in, if anyone. Also keeps an idle session alive.
#[server(endpoint = "admin/me")]
pub async fn who_am_i() -> Result<Option<SignedIn>, ApiError> {
    use crate::api::server::{signed_in, state};
    use crate::domain::request::RequestStatus;
    use crate::server::requests::handling;
    let Some(staff) = signed_in().await? else {
        return Ok(None);
    };
    let limits = state()?.session_limits;
    let idle_minutes = limits.idle_for(staff.member.role).as_secs() / 60;
    let new_requests = if staff.member.role.handles_requests() {
        let counts = handling::counts(&state()?.db).await?;
        counts
            .iter()
            .find(|(s, _)| *s == RequestStatus::New)
            .map(|(_, n)| *n)
    } else {
        None
    };
    Ok(Some(SignedIn {
        member: staff.member,
        new_requests,
        idle_minutes,
    }))
}
