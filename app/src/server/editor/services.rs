//! Service pages as staff edit them: same version check as articles.

use super::EditError;
use crate::domain::service_draft::{EditedService, ServiceDraft};
use crate::domain::ValidPageTranslation;
use crate::domain::{Locale, Slug};
use crate::server::content::{now_utc, stored_slug};
use crate::server::db::{self, services::ServiceSaved, Db};
use crate::server::{markdown, ServerError};

pub async fn get(db: &Db, slug: &Slug) -> Result<EditedService, ServerError> {
    let row = db::services::for_editing(db, slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    Ok(EditedService {
        translations: super::translations::of_service(db, row.id).await?,
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
    staff_id: i64,
) -> Result<i64, EditError> {
    let now = now_utc().to_stored();
    let write = db::services::ServiceWrite {
        name: &draft.name,
        summary: &draft.summary,
        body_md: &draft.body_md,
        body_html: &markdown::render(&draft.body_md),
        seo_title: &draft.seo_title,
        seo_description: &draft.seo_description,
        updated_at: &now,
    };
    let by = db::audit::Entry {
        staff_id,
        at: &now,
        action: "service.save",
        subject: Some(slug.as_str()),
    };
    match db::services::save(db, slug.as_str(), expected_version, &write, &by).await? {
        ServiceSaved::Version(version) => Ok(version),
        ServiceSaved::Conflict => Err(EditError::Conflict),
    }
}

/// Saves the translation into `locale` of the service at English `slug`
/// (its address must not be another service's) if it is still at
/// `expected_version`; returns the new version.
pub async fn save_translation(
    db: &Db,
    slug: &Slug,
    locale: Locale,
    expected_version: i64,
    translation: &ValidPageTranslation,
    staff_id: i64,
) -> Result<i64, EditError> {
    let row = db::services::for_editing(db, slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    super::translations::save_service(
        db,
        row.id,
        slug.as_str(),
        locale,
        expected_version,
        translation,
        staff_id,
    )
    .await
}
