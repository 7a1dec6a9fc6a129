//! What the sitemap and the RSS feed list: published content only.

use super::articles::PUBLIC;
use super::{stored_slug, Timestamp};
use crate::domain::Slug;
use crate::server::ServerError;
use sqlx::SqlitePool;

/// A published article as the feed shows it.
pub struct FeedItem {
    pub slug: Slug,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub published_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The newest `limit` published articles (every one when `limit` is `None`).
pub async fn published_articles(
    db: &SqlitePool,
    limit: Option<i64>,
) -> Result<Vec<FeedItem>, ServerError> {
    sqlx::query_as::<_, (String, String, String, String, String, String)>(&format!(
        "SELECT a.slug, a.title, a.summary, c.name, a.published_at, a.updated_at
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
    ))
    .bind(limit.unwrap_or(-1))
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(slug, title, summary, category, published, updated)| {
        let published_at = Timestamp::parse_stored(&published)?;
        let updated_at = Timestamp::parse_stored(&updated)?;
        Ok(FeedItem {
            slug: stored_slug(&slug)?,
            title,
            summary,
            category,
            // An article published after its last edit was changed when it went public.
            updated_at: if updated_at.unix() < published_at.unix() {
                published_at.clone()
            } else {
                updated_at
            },
            published_at,
        })
    })
    .collect()
}

/// Every service page with when it last changed.
pub async fn services(db: &SqlitePool) -> Result<Vec<(Slug, Option<Timestamp>)>, ServerError> {
    sqlx::query_as::<_, (String, Option<String>)>(
        "SELECT slug, updated_at FROM services ORDER BY position, id",
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(slug, updated)| {
        Ok((
            stored_slug(&slug)?,
            updated
                .as_deref()
                .map(Timestamp::parse_stored)
                .transpose()?,
        ))
    })
    .collect()
}
