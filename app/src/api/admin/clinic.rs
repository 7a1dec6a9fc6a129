//! The clinic's facts (name, phone, address, hours, specialties, social
//! links): editors and administrators.

use crate::api::ApiError;
use crate::domain::clinic_draft::{ClinicDraft, ClinicText, EditedClinic};
use leptos::prelude::*;

#[server(endpoint = "admin/clinic")]
pub async fn open_clinic() -> Result<EditedClinic, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    Ok(editor::clinic::get(&state()?.db).await?)
}

/// Saves the clinic's facts; `version` must be the one the editor opened,
/// or the save is refused (409). Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_clinic")]
pub async fn save_clinic(version: i64, draft: ClinicDraft) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    let staff = staff::<EditsContent>().await?;
    let info = draft.validate()?;
    let db = state()?.db;
    Ok(editor::clinic::save(&db, version, &info, staff.member.id).await?)
}

/// Saves the clinic's words in `locale`; `version` must be the one the
/// editor opened (0 before the first save), or the save is refused (409).
/// Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_clinic_translation")]
pub async fn save_clinic_translation(
    locale: crate::domain::Locale,
    version: i64,
    text: ClinicText,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    let staff = staff::<EditsContent>().await?;
    if locale == crate::domain::Locale::En {
        // The English words are the facts themselves (`save_clinic`).
        return Err(ApiError::NotFound);
    }
    let valid = text.validate()?;
    let db = state()?.db;
    Ok(editor::clinic::save_translation(&db, locale, version, &valid, staff.member.id).await?)
}
