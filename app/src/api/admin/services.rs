//! Editing service pages: editors and administrators.

use crate::api::ApiError;
use crate::domain::service_draft::{EditedService, ServiceDraft};
use crate::domain::{ServiceSummary, Slug};
use leptos::prelude::*;

#[server(endpoint = "admin/services")]
pub async fn admin_services() -> Result<Vec<ServiceSummary>, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, content, respond, state};
    auth::require(Role::edits_content).await?;
    respond(content::services::list(&state()?.db).await)
}

#[server(endpoint = "admin/service")]
pub async fn open_service(slug: Slug) -> Result<EditedService, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, editor, respond, state};
    auth::require(Role::edits_content).await?;
    respond(editor::services::get(&state()?.db, &slug).await)
}

/// Saves a service page; `version` must be the one the editor opened, or
/// the save is refused (409). Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_service")]
pub async fn save_service(slug: Slug, version: i64, draft: ServiceDraft) -> Result<i64, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::editor::{self, EditError};
    use crate::server::error::with_status;
    use crate::server::{auth, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let valid = draft
        .validate()
        .map_err(|e| with_status(ApiError::InvalidDraft(e)))?;
    let db = state()?.db;
    let saved = match editor::services::save(&db, &slug, version, &valid).await {
        Ok(saved) => saved,
        Err(EditError::Conflict) => return Err(with_status(ApiError::Conflict)),
        Err(EditError::Server(e)) => return respond(Err(e)),
        Err(EditError::SlugTaken | EditError::ImageMissing) => {
            return Err(with_status(ApiError::Internal))
        }
    };
    respond(auth::audit::record(&db, member.id, "service.save", Some(slug.as_str())).await)?;
    Ok(saved)
}
