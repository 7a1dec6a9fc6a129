//! Keys the server generates once and keeps (the form-token signing key).

use super::Db;
use crate::server::ServerError;

/// Stores `value` under `name` unless a value is already stored there.
pub async fn store_if_absent(db: &Db, name: &str, value: &[u8]) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query("INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(value)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The value stored under `name`; a missing one is an error.
pub async fn get(db: &Db, name: &str) -> Result<Vec<u8>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_one(c).await)?,
    )
}

/// The value stored under `name`, if any.
pub async fn find(db: &Db, name: &str) -> Result<Option<Vec<u8>>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_optional(c).await)?,
    )
}

/// Stores `value` under `name`, replacing what was there.
pub async fn set(db: &Db, name: &str, value: &[u8]) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(name)
    .bind(value)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}
