use crate::api::ApiError;
use crate::domain::staff::{Enrolment, SignInStep, StaffMember};
use leptos::prelude::*;

/// Signs in with e-mail and password. The same answer, after the same
/// time, for an unknown e-mail and a wrong password. An account with a
/// second factor is not signed in yet: its code comes next
/// ([`sign_in_code`]).
#[server(endpoint = "admin/sign_in")]
pub async fn sign_in(email: String, password: String) -> Result<SignInStep, ApiError> {
    use crate::api::server::{extract, session, state};
    use crate::server::auth::sign_in_with_password;
    let state = state()?;
    let client = extract().await?;
    let session = session().await?;
    Ok(sign_in_with_password(&state.db, &session, client, &email, password).await?)
}

/// The second step of signing in: the authenticator app's code, or a
/// recovery code.
#[server(endpoint = "admin/sign_in_code")]
pub async fn sign_in_code(code: String) -> Result<StaffMember, ApiError> {
    use crate::api::server::{extract, session, state};
    use crate::server::auth::sign_in_with_code;
    let state = state()?;
    let client = extract().await?;
    let session = session().await?;
    Ok(sign_in_with_code(&state.db, &state.desk.vault, &session, client, &code).await?)
}

/// Starts setting up the second factor: a new secret, kept with the
/// session until a code confirms it, shown as a QR code and as text.
#[server(endpoint = "admin/two_factor_start")]
pub async fn two_factor_start() -> Result<Enrolment, ApiError> {
    use crate::api::server::{no_store, staff, state};
    use crate::server::auth::{session_secrets, two_factor, Enrolling};
    no_store();
    let staff = staff::<Enrolling>().await?;
    let state = state()?;
    let secret = two_factor::new_secret();
    session_secrets::set_enrolling(&staff.session, &secret).await?;
    let clinic = crate::server::content::clinic::get(&state.db).await?;
    Ok(two_factor::enrolment(
        &secret,
        &format!("{} staff", clinic.name),
        &staff.member.email,
    )?)
}

/// Confirms the second factor with a code from the app; answers the ten
/// recovery codes, shown this once.
#[server(endpoint = "admin/two_factor_confirm")]
pub async fn two_factor_confirm(code: String) -> Result<Vec<String>, ApiError> {
    use crate::api::server::{no_store, staff, state};
    use crate::server::auth::{audit, session_secrets, two_factor, Enrolling};
    use crate::server::content::now_utc;
    no_store();
    let staff = staff::<Enrolling>().await?;
    let state = state()?;
    let Some(secret) = session_secrets::enrolling(&staff.session).await? else {
        return Err(ApiError::BadRequest(
            "Start again: reload the page to get a new QR code.".into(),
        ));
    };
    let Some(step) = two_factor::matching_step(&secret, &code, now_utc().unix()) else {
        return Err(ApiError::BadRequest(
            "That code doesn't match. Check that your phone's clock is right, and enter the newest code.".into(),
        ));
    };
    let id = staff.member.id;
    let codes = two_factor::new_recovery_codes();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| two_factor::recovery_hash(c)).collect();
    let sealed = state
        .desk
        .vault
        .seal(&two_factor::secret_context(id), &secret);
    crate::server::db::two_factor::enrol(&state.db, id, &sealed, step, &hashes).await?;
    session_secrets::clear_enrolling(&staff.session).await?;
    audit::record(&state.db, id, "staff.two_factor_enrol", None).await?;
    Ok(codes)
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
