use super::{hash_password, PasswordHash};
use crate::domain::staff::{Role, StaffMember};
use crate::server::content::now_utc;
use crate::server::db::{self, staff::StaffRow, Db};
use crate::server::ServerError;

/// A staff account as stored.
#[derive(Debug, Clone)]
pub struct Account {
    pub member: StaffMember,
    pub password_hash: PasswordHash,
    pub disabled: bool,
}

fn from_row(row: StaffRow) -> Result<Account, ServerError> {
    let role = Role::parse(&row.role)
        .ok_or_else(|| ServerError::Corrupt(format!("role {:?}", row.role)))?;
    Ok(Account {
        member: StaffMember {
            id: row.id,
            name: row.name,
            email: row.email,
            role,
            two_factor: row.two_factor,
        },
        password_hash: PasswordHash::from_stored(row.password_hash),
        disabled: row.disabled_at.is_some(),
    })
}

pub async fn by_email(db: &Db, email: &str) -> Result<Option<Account>, ServerError> {
    db::staff::by_email(db, email.trim())
        .await?
        .map(from_row)
        .transpose()
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Account>, ServerError> {
    db::staff::by_id(db, id).await?.map(from_row).transpose()
}

pub async fn list(db: &Db) -> Result<Vec<Account>, ServerError> {
    db::staff::list(db)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("An account with that e-mail already exists.")]
    EmailTaken,
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Server(#[from] ServerError),
}

/// Creates an account; the password is checked and hashed here.
pub async fn create(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    password: String,
) -> Result<StaffMember, CreateError> {
    let email = email.trim();
    let name = name.trim();
    if !email_address::EmailAddress::is_valid(email) {
        return Err(CreateError::Invalid(
            "Enter an e-mail address like name@example.com.".into(),
        ));
    }
    if name.is_empty() || name.chars().count() > 100 {
        return Err(CreateError::Invalid(
            "Enter a name of up to 100 characters.".into(),
        ));
    }
    crate::domain::staff::check_new_password(&password).map_err(CreateError::Invalid)?;
    let hash = hash_password(password)
        .await
        .map_err(|e| ServerError::Corrupt(format!("{e:#}")))?;
    let inserted = db::staff::insert(
        db,
        email,
        name,
        role,
        hash.as_stored(),
        &now_utc().to_stored(),
    )
    .await?;
    let id = inserted.ok_or(CreateError::EmailTaken)?;
    Ok(StaffMember {
        id,
        name: name.to_owned(),
        email: email.to_owned(),
        role,
        two_factor: false,
    })
}

/// Disables (or re-enables) an account. A disabled account's sessions stop
/// working at their next request.
pub async fn set_disabled(db: &Db, id: i64, disabled: bool) -> Result<(), ServerError> {
    db::staff::set_disabled(db, id, disabled, &now_utc().to_stored()).await
}
