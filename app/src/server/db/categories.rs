//! Article categories and their names in other languages, as staff edit
//! them (the public pages read them with the articles, `articles.rs`).

use super::audit::Entry;
use super::versioned::{self, Begun, Key};
use super::Db;
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct CategoryRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// A category's name in one language.
#[derive(Debug, sqlx::FromRow)]
pub struct CategoryNameRow {
    pub slug: String,
    pub locale: String,
    pub version: i64,
    pub name: String,
}

/// Every category, by its English name.
pub async fn list(db: &Db) -> Result<Vec<CategoryRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT id, slug, name FROM categories ORDER BY name, id")
        .fetch_all(c).await)?,
    )
}

/// Every name given to a category in another language.
pub async fn names(db: &Db) -> Result<Vec<CategoryNameRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT slug, locale, version, name FROM category_translations ORDER BY slug, locale",
    )
    .fetch_all(c).await)?)
}

/// Names the category at `slug` in `locale` if its name there is still at
/// `expected_version` (0: none yet), with a revision and the audit entry
/// `by`, in one transaction, as `translations::save` does for pages
/// (categories' names are keyed by the category's address, not its id).
/// The new version, or `None` when someone named it since.
pub async fn save_name(
    db: &Db,
    slug: &str,
    locale: &str,
    expected_version: i64,
    name: &str,
    by: &Entry<'_>,
) -> Result<Option<i64>, ServerError> {
    let key = Key::CategoryName { slug, locale };
    let Begun::Open(mut save) = versioned::begin(db, key, expected_version).await? else {
        return Ok(None);
    };
    let version = save.version();
    crate::on_tx!(save.tx(), c => sqlx::query(
        "INSERT INTO category_translations (slug, locale, name, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (slug, locale) DO UPDATE SET name = excluded.name, version = excluded.version",
    )
    .bind(slug)
    .bind(locale)
    .bind(name)
    .bind(version)
    .execute(c).await.map(|done| done.rows_affected()))?;
    let saved = serde_json::json!({ "name": name });
    save.keep(&saved, by).await.map(Some)
}
