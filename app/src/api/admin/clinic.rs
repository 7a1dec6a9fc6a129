//! The clinic's facts (name, phone, address, hours, specialties, social
//! links): editors and administrators.

use crate::api::ApiError;
use crate::domain::clinic_draft::{ClinicDraft, EditedClinic};
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
