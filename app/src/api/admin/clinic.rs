//! The clinic's facts (name, phone, address, hours, specialties, social
//! links): editors and administrators.

use crate::api::ApiError;
use crate::domain::clinic_draft::ClinicDraft;
use leptos::prelude::*;

#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_clinic")]
pub async fn save_clinic(draft: ClinicDraft) -> Result<(), ApiError> {
    use crate::domain::staff::Role;
    use crate::server::error::with_status;
    use crate::server::{auth, content::clinic, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let info = draft
        .validate()
        .map_err(|e| with_status(ApiError::InvalidDraft(e)))?;
    let db = state()?.db;
    respond(clinic::save(&db, &info).await)?;
    respond(auth::audit::record(&db, member.id, "clinic.save", None).await)
}
