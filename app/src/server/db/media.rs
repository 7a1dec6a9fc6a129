//! Uploaded images: which exist and in which sizes.

use super::Db;
use crate::server::ServerError;

/// Columns a [`MediaRow`] reads, for queries that join `media m`.
const COLUMNS: &str = "m.key, m.width, m.height, m.widths";

#[derive(Debug, sqlx::FromRow)]
pub struct MediaRow {
    pub key: String,
    pub width: i64,
    pub height: i64,
    /// Comma-separated, ascending.
    pub widths: String,
}

pub async fn find(db: &Db, key: &str) -> Result<Option<MediaRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as(&format!("SELECT {COLUMNS} FROM media m WHERE m.key = $1"))
            .bind(key)
            .fetch_optional(c).await)?,
    )
}

/// The hero image of the article at `slug`, if it has one and it is stored.
pub async fn hero_of_article(db: &Db, slug: &str) -> Result<Option<MediaRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM media m JOIN articles a ON a.hero_src = m.key WHERE a.slug = $1"
    ))
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// Records an image unless its key is already recorded.
pub async fn record(
    db: &Db,
    image: &MediaRow,
    uploaded_by: Option<i64>,
    uploaded_at: &str,
) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO media (key, width, height, widths, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING",
    )
    .bind(&image.key)
    .bind(image.width)
    .bind(image.height)
    .bind(&image.widths)
    .bind(uploaded_by)
    .bind(uploaded_at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}
