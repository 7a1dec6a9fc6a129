//! Articles as staff edit them: every status, versions for conflict
//! detection, revisions; saving is in `save`, publishing and the scheduler
//! in `publish`.

pub mod categories;
pub mod clinic;
mod publish;
mod save;
pub mod services;
pub mod translations;

pub use publish::{delete, publish_due, set_state, spawn_scheduler};
pub use save::save;

use crate::domain::article_admin::{ArticleRow, ArticleState, ArticleTable, EditedArticle};
use crate::domain::article_draft::ArticleDraft;
use crate::domain::media::MediaKey;
use crate::server::content::staff_time;
use crate::server::db::{self, editor::DraftRow, Db};
use crate::server::ServerError;

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("conflict")]
    Conflict,
    #[error("slug taken")]
    SlugTaken,
    /// Another service answers at the address a translation asks for.
    #[error("service slug taken")]
    ServiceSlugTaken,
    #[error("hero image not stored")]
    ImageMissing,
    #[error(transparent)]
    Server(#[from] ServerError),
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
pub async fn list(db: &Db, search: &str, category: &str) -> Result<ArticleTable, ServerError> {
    let pattern = format!(
        "%{}%",
        search
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let rows = db::editor::list(db, &pattern, category)
        .await?
        .into_iter()
        .map(|row| {
            Ok(ArticleRow {
                id: row.id,
                title: row.title,
                category: row.category,
                state: state(&row.status)?,
                when: label(row.published_at)?,
            })
        })
        .collect::<Result<_, ServerError>>()?;
    let categories = db::editor::categories(db).await?;
    Ok(ArticleTable { rows, categories })
}

pub async fn get(db: &Db, id: i64) -> Result<EditedArticle, ServerError> {
    let row = db::editor::get(db, id)
        .await?
        .ok_or(ServerError::NotFound)?;
    let revisions = db::editor::revisions(db, id)
        .await?
        .into_iter()
        .map(|r| {
            Ok((
                r.version,
                label(Some(r.saved_at))?.unwrap_or_default(),
                r.saved_by.unwrap_or_default(),
            ))
        })
        .collect::<Result<_, ServerError>>()?;
    let translations = translations::of_article(db, id).await?;
    Ok(EditedArticle {
        id,
        version: row.version,
        state: state(&row.status)?,
        when: label(row.published_at)?,
        draft: draft_from_row(row.draft)?,
        revisions,
        translations,
    })
}

/// The text of a saved version, to restore into the editor.
pub async fn revision(db: &Db, id: i64, version: i64) -> Result<ArticleDraft, ServerError> {
    let row = db::editor::revision(db, id, version)
        .await?
        .ok_or(ServerError::NotFound)?;
    draft_from_row(row)
}

fn draft_from_row(row: DraftRow) -> Result<ArticleDraft, ServerError> {
    Ok(ArticleDraft {
        title: row.title,
        slug: row.slug,
        category: row.category,
        summary: row.summary,
        body_md: row.body_md,
        hero: stored_key(row.hero_src)?,
        hero_alt: row.hero_alt.unwrap_or_default(),
        hero_decorative: row.hero_decorative,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
    })
}
