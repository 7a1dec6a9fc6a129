use crate::api::ApiError;
use crate::domain::staff::{AccountSummary, AuditEntry, StaffMember};
use leptos::prelude::*;

#[server(endpoint = "admin/accounts")]
pub async fn list_accounts() -> Result<Vec<AccountSummary>, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, respond, state};
    auth::require(Role::is_admin).await?;
    let accounts = respond(auth::accounts::list(&state()?.db).await)?;
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
    use crate::domain::staff::Role;
    use crate::server::auth::accounts::{self, CreateError};
    use crate::server::error::with_status;
    use crate::server::{auth, respond, state};
    let admin = auth::require(Role::is_admin).await?;
    let role = Role::parse(&role)
        .ok_or_else(|| with_status(ApiError::BadRequest("Choose a role.".into())))?;
    let db = state()?.db;
    let member = match accounts::create(&db, &email, &name, role, password).await {
        Ok(member) => member,
        Err(CreateError::EmailTaken) => return Err(with_status(ApiError::Conflict)),
        Err(CreateError::Invalid(message)) => {
            return Err(with_status(ApiError::BadRequest(message)))
        }
        Err(CreateError::Server(e)) => return respond(Err(e)),
    };
    respond(auth::audit::record(&db, admin.id, "staff.create", Some(&member.email)).await)?;
    Ok(member)
}

#[server(endpoint = "admin/disable_account")]
pub async fn set_account_disabled(id: i64, disabled: bool) -> Result<(), ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, respond, state};
    let admin = auth::require(Role::is_admin).await?;
    if admin.id == id && disabled {
        return Err(crate::server::error::with_status(ApiError::BadRequest(
            "You can't disable your own account.".into(),
        )));
    }
    let db = state()?.db;
    respond(auth::accounts::set_disabled(&db, id, disabled).await)?;
    let action = if disabled {
        "staff.disable"
    } else {
        "staff.enable"
    };
    respond(auth::audit::record(&db, admin.id, action, Some(&id.to_string())).await)?;
    Ok(())
}

#[server(endpoint = "admin/audit")]
pub async fn audit_log() -> Result<Vec<AuditEntry>, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, respond, state};
    auth::require(Role::is_admin).await?;
    respond(auth::audit::recent(&state()?.db, 500).await)
}
