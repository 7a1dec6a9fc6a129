//! Editing service pages: editors and administrators.

use crate::api::ApiError;
use crate::domain::service_draft::{EditedService, ServiceDraft};
use crate::domain::{Locale, PageTranslation, ServiceSummary, Slug};
use leptos::prelude::*;

#[server(endpoint = "admin/services")]
pub async fn admin_services() -> Result<Vec<ServiceSummary>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, content};
    staff::<EditsContent>().await?;
    Ok(content::services::list(&state()?.db, crate::domain::Locale::En).await?)
}

#[server(endpoint = "admin/service")]
pub async fn open_service(slug: Slug) -> Result<EditedService, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    Ok(editor::services::get(&state()?.db, &slug).await?)
}

/// Saves a service page; `version` must be the one the editor opened, or
/// the save is refused (409). Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_service")]
pub async fn save_service(slug: Slug, version: i64, draft: ServiceDraft) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    let valid = draft.validate()?;
    // Its revision and audit entry are written in the save's own transaction.
    Ok(editor::services::save(&state()?.db, &slug, version, &valid, staff.member.id).await?)
}

/// Saves a service page's translation into `locale` (its address, name,
/// summary and, if written, its text). `version` must be the one the
/// editor opened (0 before the first save), or the save is refused (409).
/// Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_service_translation")]
pub async fn save_service_translation(
    slug: Slug,
    locale: Locale,
    version: i64,
    draft: PageTranslation,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    if locale == Locale::En {
        // The English page is the service itself (`save_service`).
        return Err(ApiError::NotFound);
    }
    let valid = draft.validate(crate::domain::Translated::Service)?;
    let db = state()?.db;
    Ok(
        editor::services::save_translation(&db, &slug, locale, version, &valid, staff.member.id)
            .await?,
    )
}
