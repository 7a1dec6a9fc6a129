//! Articles as staff edit them: every status, versions for conflict
//! detection, revisions; saving is in `save`, publishing and the scheduler
//! in `publish`.

mod publish;
mod save;
pub mod services;

pub use publish::{delete, publish_due, set_state, spawn_scheduler};
pub use save::save;

use crate::domain::article_admin::{ArticleRow, ArticleState, ArticleTable, EditedArticle};
use crate::domain::article_draft::ArticleDraft;
use crate::domain::media::MediaKey;
use crate::server::content::staff_time;
use crate::server::ServerError;
use sqlx::SqlitePool;

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("conflict")]
    Conflict,
    #[error("slug taken")]
    SlugTaken,
    #[error("hero image not stored")]
    ImageMissing,
    #[error(transparent)]
    Server(#[from] ServerError),
}

impl From<sqlx::Error> for EditError {
    fn from(e: sqlx::Error) -> Self {
        Self::Server(e.into())
    }
}

fn label(stored: Option<String>) -> Result<Option<String>, ServerError> {
    stored.map(|s| staff_time(&s)).transpose()
}

fn stored_key(raw: Option<String>) -> Result<Option<MediaKey>, ServerError> {
    raw.map(|k| MediaKey::parse(&k).map_err(|_| ServerError::Corrupt(format!("hero key {k:?}"))))
        .transpose()
}

fn state(raw: &str) -> Result<ArticleState, ServerError> {
    ArticleState::parse(raw).ok_or_else(|| ServerError::Corrupt(format!("article status {raw:?}")))
}

/// Articles whose title contains `search`, in `category` (a name; empty:
/// all), last changed first; and the categories that have articles.
pub async fn list(
    db: &SqlitePool,
    search: &str,
    category: &str,
) -> Result<ArticleTable, ServerError> {
    let pattern = format!(
        "%{}%",
        search
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows = sqlx::query_as::<_, (i64, String, String, String, Option<String>)>(
        "SELECT a.id, a.title, c.name, a.status, a.published_at FROM articles a
         JOIN categories c ON c.id = a.category_id
         WHERE a.title LIKE ? ESCAPE '\\' AND (? = '' OR c.name = ?)
         ORDER BY a.updated_at DESC, a.id DESC",
    )
    .bind(pattern)
    .bind(category)
    .bind(category)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(id, title, category, status, when)| {
        Ok(ArticleRow {
            id,
            title,
            category,
            state: state(&status)?,
            when: label(when)?,
        })
    })
    .collect::<Result<_, ServerError>>()?;
    let categories = sqlx::query_scalar(
        "SELECT DISTINCT c.name FROM categories c JOIN articles a ON a.category_id = c.id ORDER BY c.name",
    )
    .fetch_all(db)
    .await?;
    Ok(ArticleTable { rows, categories })
}

pub async fn get(db: &SqlitePool, id: i64) -> Result<EditedArticle, ServerError> {
    type Row = (
        i64,
        String,
        Option<String>,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        bool,
        String,
        String,
    );
    let (
        version,
        status,
        when,
        title,
        slug,
        category,
        summary,
        body_md,
        hero,
        hero_alt,
        hero_decorative,
        seo_title,
        seo_description,
    ): Row = sqlx::query_as(
        "SELECT a.version, a.status, a.published_at, a.title, a.slug, c.name, a.summary, a.body_md,
                a.hero_src, a.hero_alt, a.hero_decorative, a.seo_title, a.seo_description
         FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.id = ?",
    )
    .bind(id)
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    let revisions = sqlx::query_as::<_, (i64, String, Option<String>)>(
        "SELECT r.version, r.saved_at, s.name FROM article_revisions r LEFT JOIN staff s ON s.id = r.saved_by
         WHERE r.article_id = ? ORDER BY r.version DESC LIMIT 50",
    )
    .bind(id)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(v, at, by)| Ok((v, label(Some(at))?.unwrap_or_default(), by.unwrap_or_default())))
    .collect::<Result<_, ServerError>>()?;
    Ok(EditedArticle {
        id,
        version,
        state: state(&status)?,
        when: label(when)?,
        draft: ArticleDraft {
            title,
            slug,
            category,
            summary,
            body_md,
            hero: stored_key(hero)?,
            hero_alt: hero_alt.unwrap_or_default(),
            hero_decorative,
            seo_title,
            seo_description,
        },
        revisions,
    })
}

/// The text of a saved version, to restore into the editor.
pub async fn revision(db: &SqlitePool, id: i64, version: i64) -> Result<ArticleDraft, ServerError> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        bool,
        String,
        String,
    );
    let (
        title,
        slug,
        category,
        summary,
        body_md,
        hero,
        hero_alt,
        hero_decorative,
        seo_title,
        seo_description,
    ): Row = sqlx::query_as(
        "SELECT title, slug, category, summary, body_md, hero_src, hero_alt, hero_decorative,
                seo_title, seo_description
         FROM article_revisions WHERE article_id = ? AND version = ?",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    Ok(ArticleDraft {
        title,
        slug,
        category,
        summary,
        body_md,
        hero: stored_key(hero)?,
        hero_alt: hero_alt.unwrap_or_default(),
        hero_decorative,
        seo_title,
        seo_description,
    })
}
