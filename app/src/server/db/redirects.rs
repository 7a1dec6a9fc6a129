//! The redirect table: old addresses and where they now live.

use super::{Db, Tx};
use crate::server::ServerError;

/// Who made a redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectOrigin {
    /// The WordPress import.
    Wordpress,
    /// A staff member, in the admin.
    Staff,
}

impl RedirectOrigin {
    pub const ALL: [Self; 2] = [Self::Wordpress, Self::Staff];

    /// The value stored in the database (and shown to staff).
    pub fn value(self) -> &'static str {
        match self {
            Self::Wordpress => "wordpress",
            Self::Staff => "staff",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.value() == raw)
    }
}

#[derive(Debug, sqlx::FromRow)]
pub struct RedirectRow {
    pub from_path: String,
    pub to_path: String,
    pub origin: String,
    pub created_at: String,
}

/// Where `from` now lives, if it moved.
pub async fn find(db: &Db, from: &str) -> Result<Option<String>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT to_path FROM redirects WHERE from_path = $1")
            .bind(from)
            .fetch_optional(c).await)?,
    )
}

/// Every redirect, by the address it answers.
pub async fn list(db: &Db) -> Result<Vec<RedirectRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT from_path, to_path, origin, created_at FROM redirects ORDER BY from_path",
    )
    .fetch_all(c).await)?)
}

/// Adds a redirect unless `from` already has one; says whether it was added.
pub async fn add(
    db: &Db,
    from: &str,
    to: &str,
    origin: RedirectOrigin,
    created_at: &str,
) -> Result<bool, ServerError> {
    let mut tx = db.begin().await?;
    let added = add_in(&mut tx, from, to, origin, created_at).await?;
    tx.commit().await?;
    Ok(added)
}

/// [`add`] inside `tx` (a staff change's audited transaction).
pub async fn add_in(
    tx: &mut Tx,
    from: &str,
    to: &str,
    origin: RedirectOrigin,
    created_at: &str,
) -> Result<bool, ServerError> {
    let done = crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (from_path) DO NOTHING",
    )
    .bind(from)
    .bind(to)
    .bind(origin.value())
    .bind(created_at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(done == 1)
}

/// Content that answered at `from` now answers at `to`, inside the
/// change's transaction: `from` redirects there (replacing what it
/// redirected to before), redirects that led to `from` lead straight to
/// `to`, and `to`, live again, redirects nowhere.
pub async fn moved_in(tx: &mut Tx, from: &str, to: &str, at: &str) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query("DELETE FROM redirects WHERE from_path = $1")
        .bind(to)
        .execute(c).await.map(|done| done.rows_affected()))?;
    crate::on_tx!(tx, c => sqlx::query("UPDATE redirects SET to_path = $1 WHERE to_path = $2")
        .bind(to)
        .bind(from)
        .execute(c).await.map(|done| done.rows_affected()))?;
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (from_path) DO UPDATE SET to_path = excluded.to_path,
           origin = excluded.origin, created_at = excluded.created_at",
    )
    .bind(from)
    .bind(to)
    .bind(RedirectOrigin::Staff.value())
    .bind(at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Removes the redirect of `from` inside `tx`; how many there were (0 or 1).
pub async fn delete_in(tx: &mut Tx, from: &str) -> Result<u64, ServerError> {
    let done = crate::on_tx!(tx, c => sqlx::query("DELETE FROM redirects WHERE from_path = $1")
        .bind(from)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(done)
}
