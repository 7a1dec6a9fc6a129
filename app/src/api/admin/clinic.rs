//! The clinic's facts (name, phone, address, hours, specialties, social
//! links): editors and administrators.

use crate::api::ApiError;
use crate::domain::clinic_draft::ClinicDraft;
use leptos::prelude::*;

#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_clinic")]
pub async fn save_clinic(draft: ClinicDraft) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, EditsContent};
    use crate::server::content::clinic;
    let staff = staff::<EditsContent>().await?;
    let info = draft.validate()?;
    let db = state()?.db;
    clinic::save(&db, &info).await?;
    Ok(audit::record(&db, staff.member.id, "clinic.save", None).await?)
}
