use super::{hash_password, PasswordHash};
use crate::domain::staff::{Role, StaffMember};
use crate::server::content::now_utc;
use crate::server::db::{self, audit::Entry, staff::StaffRow, Db};
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
    created_by: Option<i64>,
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
    let now = now_utc().to_stored();
    let member = db::staff::NewStaff {
        email,
        name,
        role,
        password_hash: hash.as_stored(),
        created_at: &now,
    };
    let by = created_by.map(|staff_id| Entry {
        staff_id,
        at: &now,
        action: "staff.create",
        subject: Some(email),
    });
    let inserted = db::staff::insert(db, &member, by.as_ref()).await?;
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
/// Audited as done by `admin`, in the same transaction.
pub async fn set_disabled(db: &Db, id: i64, disabled: bool, admin: i64) -> Result<(), ServerError> {
    let (at, subject) = (now_utc().to_stored(), id.to_string());
    let by = Entry {
        staff_id: admin,
        at: &at,
        action: if disabled {
            "staff.disable"
        } else {
            "staff.enable"
        },
        subject: Some(&subject),
    };
    db::staff::set_disabled(db, id, disabled, &by).await
}

/// Removes member `id`'s second factor (`email`, for the log), audited as
/// done by `admin` in the same transaction.
pub async fn reset_two_factor(
    db: &Db,
    id: i64,
    email: &str,
    admin: i64,
) -> Result<(), ServerError> {
    let at = now_utc().to_stored();
    let by = Entry {
        staff_id: admin,
        at: &at,
        action: "staff.two_factor_reset",
        subject: Some(email),
    };
    db::two_factor::reset(db, id, &by).await
}
