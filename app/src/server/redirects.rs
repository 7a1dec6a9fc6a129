//! The redirect table: looked up when an address would otherwise be 404.

use crate::domain::redirect::Redirect;
use crate::server::content::{now_utc, staff_time};
use crate::server::db::{self, Db};
use crate::server::ServerError;

pub use db::redirects::RedirectOrigin;

pub async fn find(db: &Db, from: &str) -> Result<Option<String>, ServerError> {
    db::redirects::find(db, from).await
}

pub async fn list(db: &Db) -> Result<Vec<Redirect>, ServerError> {
    db::redirects::list(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(Redirect {
                from: row.from_path,
                to: row.to_path,
                origin: stored_origin(&row.origin)?.value().to_owned(),
                created: staff_time(&row.created_at)?,
            })
        })
        .collect()
}

fn stored_origin(raw: &str) -> Result<RedirectOrigin, ServerError> {
    RedirectOrigin::parse(raw)
        .ok_or_else(|| ServerError::Corrupt(format!("redirect origin {raw:?}")))
}

/// Adds a redirect unless `from` already has one; says whether it was added.
pub async fn add(
    db: &Db,
    from: &str,
    to: &str,
    origin: RedirectOrigin,
) -> Result<bool, ServerError> {
    db::redirects::add(db, from, to, origin, &now_utc().to_stored()).await
}

pub async fn delete(db: &Db, from: &str) -> Result<(), ServerError> {
    db::redirects::delete(db, from).await
}
