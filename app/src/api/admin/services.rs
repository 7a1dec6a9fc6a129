//! Editing service pages: editors and administrators.

use crate::api::ApiError;
use crate::domain::service_draft::{EditedService, ServiceDraft, TranslationDraft};
use crate::domain::{Locale, ServiceSummary, Slug};
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
    use crate::server::auth::{audit, EditsContent};
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    let valid = draft.validate()?;
    let db = state()?.db;
    let saved = editor::services::save(&db, &slug, version, &valid).await?;
    audit::record(&db, staff.member.id, "service.save", Some(slug.as_str())).await?;
    Ok(saved)
}

/// Saves a service page's translation into `locale` (its address, name,
/// summary and, if written, its text).
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_service_translation")]
pub async fn save_service_translation(
    slug: Slug,
    locale: Locale,
    draft: TranslationDraft,
) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, EditsContent};
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    if locale == Locale::En {
        // The English page is the service itself (`save_service`).
        return Err(ApiError::NotFound);
    }
    let valid = draft.validate()?;
    let db = state()?.db;
    editor::services::save_translation(&db, &slug, locale, &valid).await?;
    audit::record(
        &db,
        staff.member.id,
        "service.translate",
        Some(slug.as_str()),
    )
    .await?;
    Ok(())
}
