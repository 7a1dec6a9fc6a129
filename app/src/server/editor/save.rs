//! Saving an article: a new one, or a new version checked against the one
//! it was based on, with a revision of what was saved.

use super::EditError;
use crate::domain::article_draft::ValidDraft;
use crate::domain::Slug;
use crate::server::content::now_utc;
use crate::server::{markdown, ServerError};
use sqlx::SqlitePool;

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
