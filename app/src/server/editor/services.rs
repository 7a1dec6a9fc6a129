//! Service pages as staff edit them: same version check as articles.

use super::EditError;
use crate::domain::service_draft::{EditedService, ServiceDraft};
use crate::domain::Slug;
use crate::server::content::{now_utc, stored_slug};
use crate::server::{markdown, ServerError};
use sqlx::SqlitePool;

pub async fn get(db: &SqlitePool, slug: &Slug) -> Result<EditedService, ServerError> {
    type Row = (String, i64, String, String, String, String, String);
    let (slug, version, name, summary, body_md, seo_title, seo_description): Row = sqlx::query_as(
        "SELECT slug, version, name, summary, body_md, seo_title, seo_description
             FROM services WHERE slug = ?",
    )
    .bind(slug.as_str())
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    Ok(EditedService {
        slug: stored_slug(&slug)?,
        version,
        draft: ServiceDraft {
            name,
            summary,
            body_md,
            seo_title,
            seo_description,
        },
    })
}

/// Saves a validated draft if nobody saved since `expected_version`;
/// returns the new version.
pub async fn save(
    db: &SqlitePool,
    slug: &Slug,
    expected_version: i64,
    draft: &ServiceDraft,
) -> Result<i64, EditError> {
    let done = sqlx::query(
        "UPDATE services SET name = ?, summary = ?, body_md = ?, body_html = ?, seo_title = ?,
           seo_description = ?, updated_at = ?, version = version + 1
         WHERE slug = ? AND version = ?",
    )
    .bind(&draft.name)
    .bind(&draft.summary)
    .bind(&draft.body_md)
    .bind(markdown::render(&draft.body_md))
    .bind(&draft.seo_title)
    .bind(&draft.seo_description)
    .bind(now_utc().to_stored())
    .bind(slug.as_str())
    .bind(expected_version)
    .execute(db)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(expected_version + 1);
    }
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM services WHERE slug = ?")
        .bind(slug.as_str())
        .fetch_optional(db)
        .await?;
    Err(if exists.is_some() {
        EditError::Conflict
    } else {
        ServerError::NotFound.into()
    })
}
