//! The redirect table: looked up when an address would otherwise be 404.

use crate::domain::redirect::Redirect;
use crate::server::content::{now_utc, staff_time};
use crate::server::db::audit::{Audited, Entry};
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

/// Staff member `staff_id` adds a redirect unless `from` already has one,
/// with its audit entry in the same transaction; says whether it was added.
pub async fn add_by_staff(
    db: &Db,
    from: &str,
    to: &str,
    staff_id: i64,
) -> Result<bool, ServerError> {
    let now = now_utc().to_stored();
    let mut audited = Audited::begin(db).await?;
    if !db::redirects::add_in(&mut audited.tx, from, to, RedirectOrigin::Staff, &now).await? {
        return audited.rollback().await.map(|()| false);
    }
    audited
        .commit(&entry(staff_id, &now, "redirect.add", from))
        .await?;
    Ok(true)
}

/// Staff member `staff_id` removes the redirect of `from`, with its audit
/// entry in the same transaction.
pub async fn delete_by_staff(db: &Db, from: &str, staff_id: i64) -> Result<(), ServerError> {
    let now = now_utc().to_stored();
    let mut audited = Audited::begin(db).await?;
    let deleted = db::redirects::delete_in(&mut audited.tx, from).await?;
    audited
        .commit_one_row(deleted, &entry(staff_id, &now, "redirect.delete", from))
        .await
}

fn entry<'a>(staff_id: i64, at: &'a str, action: &'a str, from: &'a str) -> Entry<'a> {
    Entry {
        staff_id,
        at,
        action,
        subject: Some(from),
    }
}
