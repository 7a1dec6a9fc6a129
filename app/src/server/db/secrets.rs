//! Keys the server generates once and keeps (the form-token signing key).

use super::Db;
use crate::server::ServerError;

/// Stores `value` under `name` unless a value is already stored there.
pub async fn store_if_absent(db: &Db, name: &str, value: &[u8]) -> Result<(), ServerError> {
    sqlx::query("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(value)
        .execute(db)
        .await?;
    Ok(())
}

/// The value stored under `name`; a missing one is an error.
pub async fn get(db: &Db, name: &str) -> Result<Vec<u8>, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT value FROM secrets WHERE name = ?")
            .bind(name)
            .fetch_one(db)
            .await?,
    )
}
