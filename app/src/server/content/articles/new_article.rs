//! A new article as the seed, the WordPress import or a test writes it,
//! and the insert that stores it.

use super::SUMMARY_MAX_CHARS;
use crate::domain::{HeroImage, Slug};
use crate::server::content::{now_utc, Timestamp};
use crate::server::{markdown, ServerError};
use sqlx::SqlitePool;

/// Where an article stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Scheduled,
    Published,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
        }
    }
}

/// An article as written by staff, the seed or a test.
pub struct NewArticle {
    pub slug: Slug,
    pub title: String,
    pub category: String,
    /// `None`: derived from the body's first paragraph.
    pub summary: Option<String>,
    pub body_md: String,
    pub hero: Option<HeroImage>,
    pub status: Status,
    pub published_at: Option<Timestamp>,
    /// The post's id in WordPress, when it was imported from there.
    pub wordpress_id: Option<i64>,
}

/// Stores an article, rendering and sanitising its body, creating its
/// category if it is new.
#[tracing::instrument(skip_all)]
pub async fn insert(db: &SqlitePool, article: &NewArticle) -> Result<(), ServerError> {
    let category_slug = Slug::from_title(&article.category)
        .map_err(|e| ServerError::Corrupt(format!("category {:?}: {e}", article.category)))?;
    let now = now_utc().to_stored();
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO categories (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
        .bind(category_slug.as_str())
        .bind(&article.category)
        .execute(&mut *tx)
        .await?;
    let summary = article
        .summary
        .clone()
        .unwrap_or_else(|| markdown::summary(&article.body_md, SUMMARY_MAX_CHARS));
    sqlx::query(
        "INSERT INTO articles (slug, title, summary, category_id, body_md, body_html, hero_src,
           hero_alt, hero_decorative, status, published_at, created_at, updated_at, wordpress_id)
         VALUES (?, ?, ?, (SELECT id FROM categories WHERE slug = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(article.slug.as_str())
    .bind(&article.title)
    .bind(summary)
    .bind(category_slug.as_str())
    .bind(&article.body_md)
    .bind(markdown::render(&article.body_md))
    .bind(article.hero.as_ref().map(|h| h.image.key.as_str()))
    .bind(article.hero.as_ref().map(|h| h.alt.as_str()))
    .bind(article.hero.as_ref().is_some_and(|h| h.alt.is_empty()))
    .bind(article.status.as_str())
    .bind(article.published_at.as_ref().map(Timestamp::to_stored))
    .bind(&now)
    .bind(&now)
    .bind(article.wordpress_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
