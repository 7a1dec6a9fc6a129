//! Staff accounts.

use super::audit::{Audited, Entry};
use super::{Db, Tx};
use crate::domain::staff::Role;
use crate::server::ServerError;

const COLUMNS: &str =
    "id, email, name, role, password_hash, disabled_at, totp_secret IS NOT NULL AS two_factor";

#[derive(Debug, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub disabled_at: Option<String>,
    /// Enrolled in a second factor.
    pub two_factor: bool,
}

pub async fn by_email(db: &Db, email: &str) -> Result<Option<StaffRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff WHERE lower(email) = lower($1)"))
            .bind(email)
            .fetch_optional(c).await)?,
    )
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<StaffRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff WHERE id = $1"))
            .bind(id)
            .fetch_optional(c).await)?,
    )
}

/// Every account, by name.
pub async fn list(db: &Db) -> Result<Vec<StaffRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM staff ORDER BY name, id"))
            .fetch_all(c).await)?,
    )
}

/// Creates an account; `None` when the e-mail already has one.
/// A new account's fields.
pub struct NewStaff<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub created_at: &'a str,
}

/// Adds an account unless its e-mail has one: its id, or `None`. Made by
/// an administrator (`by`), the audit entry is in the same transaction; from
/// the command line (the first administrator), there is no one to record.
pub async fn insert(
    db: &Db,
    member: &NewStaff<'_>,
    by: Option<&Entry<'_>>,
) -> Result<Option<i64>, ServerError> {
    let Some(by) = by else {
        let mut tx = db.begin().await?;
        let id = insert_in(&mut tx, member).await?;
        tx.commit().await?;
        return Ok(id);
    };
    let mut audited = Audited::begin(db).await?;
    let Some(id) = insert_in(&mut audited.tx, member).await? else {
        audited.rollback().await?;
        return Ok(None);
    };
    audited.commit(by).await?;
    Ok(Some(id))
}

async fn insert_in(tx: &mut Tx, member: &NewStaff<'_>) -> Result<Option<i64>, ServerError> {
    let NewStaff {
        email,
        name,
        role,
        password_hash,
        created_at,
    } = *member;
    Ok(crate::on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO staff (email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(name)
    .bind(role.value())
    .bind(password_hash)
    .bind(created_at)
    .fetch_optional(c).await)?)
}

/// Disables (from the time of `by`) or re-enables an account, with the
/// audit entry `by` in the same transaction; none is not found.
pub async fn set_disabled(
    db: &Db,
    id: i64,
    disabled: bool,
    by: &Entry<'_>,
) -> Result<(), ServerError> {
    let mut audited = Audited::begin(db).await?;
    let changed = crate::on_tx!(&mut audited.tx, c => sqlx::query("UPDATE staff SET disabled_at = CASE WHEN $1 THEN $2 END WHERE id = $3")
        .bind(disabled)
        .bind(by.at)
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    audited.commit_one_row(changed, by).await
}
