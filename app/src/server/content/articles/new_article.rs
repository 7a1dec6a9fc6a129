//! A new article as the seed, the WordPress import or a test writes it,
//! and the insert that stores it.

use super::SUMMARY_MAX_CHARS;
use crate::domain::{HeroImage, Slug};
use crate::server::content::{now_utc, Timestamp};
use crate::server::db::{self, Db};
use crate::server::{markdown, ServerError};

use crate::domain::article_admin::ArticleState;

/// An article as written by staff, the seed or a test.
pub struct NewArticle {
    pub slug: Slug,
    pub title: String,
    pub category: String,
    /// `None`: derived from the body's first paragraph.
    pub summary: Option<String>,
    pub body_md: String,
    pub hero: Option<HeroImage>,
    pub status: ArticleState,
    pub published_at: Option<Timestamp>,
    /// The post's id in WordPress, when it was imported from there.
    pub wordpress_id: Option<i64>,
}

/// Stores an article, rendering and sanitising its body, creating its
/// category if it is new.
#[tracing::instrument(skip_all)]
pub async fn insert(db: &Db, article: &NewArticle) -> Result<(), ServerError> {
    let category_slug = Slug::from_title(&article.category)
        .map_err(|e| ServerError::Corrupt(format!("category {:?}: {e}", article.category)))?;
    let now = now_utc().to_stored();
    let summary = article
        .summary
        .clone()
        .unwrap_or_else(|| markdown::summary(&article.body_md, SUMMARY_MAX_CHARS));
    let body_html = markdown::render(&article.body_md);
    let hero = article.hero.as_ref();
    db::articles::insert(
        db,
        &db::articles::NewArticleRow {
            slug: article.slug.as_str(),
            title: &article.title,
            summary: &summary,
            category_slug: category_slug.as_str(),
            category_name: &article.category,
            body_md: &article.body_md,
            body_html: &body_html,
            hero_src: hero.map(|h| h.image.key.as_str()),
            hero_alt: hero.map(|h| h.alt.as_str()),
            hero_decorative: hero.is_some_and(|h| h.alt.is_empty()),
            status: article.status,
            published_at: article.published_at.as_ref().map(Timestamp::to_stored),
            wordpress_id: article.wordpress_id,
            now: &now,
        },
    )
    .await
}
