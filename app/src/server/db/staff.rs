//! Staff accounts.

use super::Db;
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
pub async fn insert(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    password_hash: &str,
    created_at: &str,
) -> Result<Option<i64>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
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

/// Disables (from `now`) or re-enables an account; none is not found.
pub async fn set_disabled(db: &Db, id: i64, disabled: bool, now: &str) -> Result<(), ServerError> {
    crate::server::error::one_row(
        crate::on_pool!(db, c => sqlx::query("UPDATE staff SET disabled_at = CASE WHEN $1 THEN $2 END WHERE id = $3")
            .bind(disabled)
            .bind(now)
            .bind(id)
            .execute(c).await.map(|done| done.rows_affected()))?,
    )
}
