//! Articles as staff edit them: every status, versions for conflict
//! detection, revisions; publishing and the scheduler are in `publish`.

mod publish;
pub mod services;

pub use publish::{delete, publish_due, set_state, spawn_scheduler};

use crate::domain::article_draft::{
    ArticleDraft, ArticleRow, ArticleState, ArticleTable, EditedArticle, ValidDraft,
};
use crate::domain::media::MediaKey;
use crate::domain::Slug;
use crate::server::content::{now_utc, staff_time};
use crate::server::{markdown, ServerError};
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

/// Creates (`id: None`) or updates an article. An update must name the
/// version it was based on: if someone saved since, it is refused.
pub async fn save(
    db: &SqlitePool,
    id: Option<i64>,
    expected_version: i64,
    draft: &ValidDraft,
    staff_id: i64,
) -> Result<(i64, i64), EditError> {
    let category_slug =
        Slug::from_title(&draft.category).map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let now = now_utc().to_stored();
    let summary = if draft.summary.is_empty() {
        markdown::summary(
            &draft.body_md,
            crate::server::content::articles::SUMMARY_MAX_CHARS,
        )
    } else {
        draft.summary.clone()
    };
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO categories (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
        .bind(category_slug.as_str())
        .bind(&draft.category)
        .execute(&mut *tx)
        .await?;
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM articles WHERE slug = ? AND id IS NOT ?")
            .bind(draft.slug.as_str())
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(EditError::SlugTaken);
    }
    if let Some(hero) = &draft.hero {
        let stored: Option<String> = sqlx::query_scalar("SELECT key FROM media WHERE key = ?")
            .bind(hero.key.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if stored.is_none() {
            return Err(EditError::ImageMissing);
        }
    }
    let hero_key = draft.hero.as_ref().map(|h| h.key.as_str());
    let hero_alt = draft.hero.as_ref().map(|h| h.alt.as_str());
    let hero_decorative = draft.hero.as_ref().is_some_and(|h| h.decorative);
    let html = markdown::render(&draft.body_md);
    let (id, version) = match id {
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO articles (slug, title, summary, category_id, body_md, body_html, hero_src, hero_alt,
                   hero_decorative, seo_title, seo_description, status, created_at, updated_at, version)
                 VALUES (?, ?, ?, (SELECT id FROM categories WHERE slug = ?), ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, 1) RETURNING id",
            )
            .bind(draft.slug.as_str())
            .bind(&draft.title)
            .bind(&summary)
            .bind(category_slug.as_str())
            .bind(&draft.body_md)
            .bind(&html)
            .bind(hero_key)
            .bind(hero_alt)
            .bind(hero_decorative)
            .bind(&draft.seo_title)
            .bind(&draft.seo_description)
            .bind(&now)
            .bind(&now)
            .fetch_one(&mut *tx)
            .await?;
            (id, 1)
        }
        Some(id) => {
            let done = sqlx::query(
                "UPDATE articles SET slug = ?, title = ?, summary = ?, category_id = (SELECT id FROM categories WHERE slug = ?),
                   body_md = ?, body_html = ?, hero_src = ?, hero_alt = ?, hero_decorative = ?,
                   seo_title = ?, seo_description = ?, updated_at = ?, version = version + 1
                 WHERE id = ? AND version = ?",
            )
            .bind(draft.slug.as_str())
            .bind(&draft.title)
            .bind(&summary)
            .bind(category_slug.as_str())
            .bind(&draft.body_md)
            .bind(&html)
            .bind(hero_key)
            .bind(hero_alt)
            .bind(hero_decorative)
            .bind(&draft.seo_title)
            .bind(&draft.seo_description)
            .bind(&now)
            .bind(id)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                let exists: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM articles WHERE id = ?")
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                return Err(if exists.is_some() {
                    EditError::Conflict
                } else {
                    ServerError::NotFound.into()
                });
            }
            (id, expected_version + 1)
        }
    };
    sqlx::query(
        "INSERT INTO article_revisions (article_id, version, title, slug, category, summary, body_md,
           hero_src, hero_alt, hero_decorative, seo_title, seo_description, saved_by, saved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(version)
    .bind(&draft.title)
    .bind(draft.slug.as_str())
    .bind(&draft.category)
    .bind(&draft.summary)
    .bind(&draft.body_md)
    .bind(hero_key)
    .bind(hero_alt)
    .bind(hero_decorative)
    .bind(&draft.seo_title)
    .bind(&draft.seo_description)
    .bind(staff_id)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((id, version))
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
