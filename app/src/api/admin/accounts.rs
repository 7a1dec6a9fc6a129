use crate::api::ApiError;
use crate::domain::staff::{AccountSummary, AuditEntry, StaffMember};
use leptos::prelude::*;

#[server(endpoint = "admin/accounts")]
pub async fn list_accounts() -> Result<Vec<AccountSummary>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{accounts, Administers};
    staff::<Administers>().await?;
    let accounts = accounts::list(&state()?.db).await?;
    Ok(accounts
        .into_iter()
        .map(|a| AccountSummary {
            member: a.member,
            disabled: a.disabled,
        })
        .collect())
}

#[server(endpoint = "admin/create_account")]
pub async fn create_account(
    email: String,
    name: String,
    role: String,
    password: String,
) -> Result<StaffMember, ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::staff::Role;
    use crate::server::auth::{accounts, Administers};
    let admin = staff::<Administers>().await?;
    let role = Role::parse(&role).ok_or_else(|| ApiError::BadRequest("Choose a role.".into()))?;
    let db = state()?.db;
    Ok(accounts::create(&db, &email, &name, role, password, Some(admin.member.id)).await?)
}

#[server(endpoint = "admin/disable_account")]
pub async fn set_account_disabled(id: i64, disabled: bool) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{accounts, Administers};
    let admin = staff::<Administers>().await?;
    if admin.member.id == id && disabled {
        return Err(ApiError::BadRequest(
            "You can't disable your own account.".into(),
        ));
    }
    let db = state()?.db;
    Ok(accounts::set_disabled(&db, id, disabled, admin.member.id).await?)
}

/// Removes another member's second factor (a lost phone, no recovery
/// codes left): they set up a new one at their next sign-in. Audited.
#[server(endpoint = "admin/two_factor_reset")]
pub async fn reset_two_factor(id: i64) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{accounts, Administers};
    let admin = staff::<Administers>().await?;
    if admin.member.id == id {
        return Err(ApiError::BadRequest(
            "Another administrator must reset your own second factor.".into(),
        ));
    }
    let db = state()?.db;
    let member = accounts::by_id(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?
        .member;
    Ok(accounts::reset_two_factor(&db, id, &member.email, admin.member.id).await?)
}

#[server(endpoint = "admin/audit")]
pub async fn audit_log() -> Result<Vec<AuditEntry>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, Administers};
    staff::<Administers>().await?;
    Ok(audit::recent(&state()?.db, 500).await?)
}
