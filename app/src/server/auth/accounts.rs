use super::{hash_password, PasswordHash};
use crate::domain::staff::{Role, StaffMember};
use crate::server::content::now_utc;
use crate::server::ServerError;
use sqlx::SqlitePool;

/// A staff account as stored.
#[derive(Debug, Clone)]
pub struct Account {
    pub member: StaffMember,
    pub password_hash: PasswordHash,
    pub disabled: bool,
}

type Row = (i64, String, String, String, String, Option<String>);

fn from_row((id, email, name, role, hash, disabled_at): Row) -> Result<Account, ServerError> {
    let role = Role::parse(&role).ok_or_else(|| ServerError::Corrupt(format!("role {role:?}")))?;
    Ok(Account {
        member: StaffMember {
            id,
            name,
            email,
            role,
        },
        password_hash: PasswordHash::from_stored(hash),
        disabled: disabled_at.is_some(),
    })
}

const COLUMNS: &str = "id, email, name, role, password_hash, disabled_at";

pub async fn by_email(db: &SqlitePool, email: &str) -> Result<Option<Account>, ServerError> {
    sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff WHERE email = ?"))
        .bind(email.trim())
        .fetch_optional(db)
        .await?
        .map(from_row)
        .transpose()
}

pub async fn by_id(db: &SqlitePool, id: i64) -> Result<Option<Account>, ServerError> {
    sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?
        .map(from_row)
        .transpose()
}

pub async fn list(db: &SqlitePool) -> Result<Vec<Account>, ServerError> {
    sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM staff ORDER BY name, id"))
        .fetch_all(db)
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
    db: &SqlitePool,
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
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO staff (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(role.value())
    .bind(hash.as_stored())
    .bind(now_utc().to_stored())
    .fetch_optional(db)
    .await
    .map_err(ServerError::from)?;
    let id = inserted.ok_or(CreateError::EmailTaken)?;
    Ok(StaffMember {
        id,
        name: name.to_owned(),
        email: email.to_owned(),
        role,
    })
}

/// Disables (or re-enables) an account. A disabled account's sessions stop
/// working at their next request.
pub async fn set_disabled(db: &SqlitePool, id: i64, disabled: bool) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query("UPDATE staff SET disabled_at = CASE WHEN ? THEN ? END WHERE id = ?")
            .bind(disabled)
            .bind(now_utc().to_stored())
            .bind(id)
            .execute(db)
            .await?,
    )
}
