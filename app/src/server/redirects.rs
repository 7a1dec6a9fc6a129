//! The redirect table: looked up when an address would otherwise be 404.

use crate::domain::redirect::Redirect;
use crate::server::content::{now_utc, staff_time};
use crate::server::ServerError;
use sqlx::SqlitePool;

pub async fn find(db: &SqlitePool, from: &str) -> Result<Option<String>, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT to_path FROM redirects WHERE from_path = ?")
            .bind(from)
            .fetch_optional(db)
            .await?,
    )
}

pub async fn list(db: &SqlitePool) -> Result<Vec<Redirect>, ServerError> {
    sqlx::query_as::<_, (String, String, String, String)>(
        "SELECT from_path, to_path, origin, created_at FROM redirects ORDER BY from_path",
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(from, to, origin, created)| {
        Ok(Redirect {
            from,
            to,
            origin,
            created: staff_time(&created)?,
        })
    })
    .collect()
}

/// Adds a redirect unless `from` already has one; says whether it was added.
pub async fn add(db: &SqlitePool, from: &str, to: &str, origin: &str) -> Result<bool, ServerError> {
    let done = sqlx::query(
        "INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (from_path) DO NOTHING",
    )
    .bind(from)
    .bind(to)
    .bind(origin)
    .bind(now_utc().to_stored())
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(db: &SqlitePool, from: &str) -> Result<(), ServerError> {
    let done = sqlx::query("DELETE FROM redirects WHERE from_path = ?")
        .bind(from)
        .execute(db)
        .await?;
    crate::server::error::one_row(done)
}
