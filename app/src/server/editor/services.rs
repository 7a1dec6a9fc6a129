//! Service pages as staff edit them: same version check as articles.

use super::EditError;
use crate::domain::service_draft::{
    EditedService, ServiceDraft, TranslationDraft, ValidTranslation,
};
use crate::domain::{Locale, Slug};
use crate::server::content::{now_utc, stored_slug};
use crate::server::db::{self, services::ServiceSaved, Db};
use crate::server::{markdown, ServerError};

pub async fn get(db: &Db, slug: &Slug) -> Result<EditedService, ServerError> {
    let row = db::services::for_editing(db, slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    let spanish = db::services::translation_for_editing(db, slug.as_str(), Locale::Es.code())
        .await?
        .map(|t| TranslationDraft {
            slug: t.slug,
            name: t.name,
            summary: t.summary,
            body_md: t.body_md,
        })
        .unwrap_or_default();
    Ok(EditedService {
        spanish,
        slug: stored_slug(&row.slug)?,
        version: row.version,
        draft: ServiceDraft {
            name: row.name,
            summary: row.summary,
            body_md: row.body_md,
            seo_title: row.seo_title,
            seo_description: row.seo_description,
        },
    })
}

/// Saves a validated draft if nobody saved since `expected_version`;
/// returns the new version.
pub async fn save(
    db: &Db,
    slug: &Slug,
    expected_version: i64,
    draft: &ServiceDraft,
) -> Result<i64, EditError> {
    let write = db::services::ServiceWrite {
        name: &draft.name,
        summary: &draft.summary,
        body_md: &draft.body_md,
        body_html: &markdown::render(&draft.body_md),
        seo_title: &draft.seo_title,
        seo_description: &draft.seo_description,
        updated_at: &now_utc().to_stored(),
    };
    match db::services::save(db, slug.as_str(), expected_version, &write).await? {
        ServiceSaved::Version(version) => Ok(version),
        ServiceSaved::Conflict => Err(EditError::Conflict),
    }
}

/// Saves the service's translation into `locale`; its address must not be
/// another service's.
pub async fn save_translation(
    db: &Db,
    slug: &Slug,
    locale: Locale,
    translation: &ValidTranslation,
) -> Result<(), EditError> {
    if db::services::slug_taken(db, slug.as_str(), locale.code(), translation.slug.as_str()).await?
    {
        return Err(EditError::ServiceSlugTaken);
    }
    crate::server::content::services::save_translation(
        db,
        slug,
        &crate::server::content::services::ServiceTranslation {
            locale,
            slug: translation.slug.clone(),
            name: translation.name.clone(),
            summary: translation.summary.clone(),
            body_md: translation.body_md.clone(),
        },
    )
    .await?;
    Ok(())
}
