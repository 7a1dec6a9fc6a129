//! The appointment types patients choose from: reading them for the
//! editor and saving one. Administrators only.

use crate::api::ApiError;
use crate::domain::appointment_type_draft::{AppointmentTypeDraft, TypeSetup};
use leptos::prelude::*;

/// Every appointment type and the services they may belong to.
#[server(endpoint = "admin/appointment_types")]
pub async fn appointment_types() -> Result<TypeSetup, ApiError> {
    use crate::api::server::{no_store, staff, state};
    use crate::domain::appointment_type_draft::EditedType;
    use crate::domain::Locale;
    use crate::server::auth::Administers;
    use crate::server::db::{appointment_types, appointments};
    staff::<Administers>().await?;
    let db = state()?.db;
    no_store();
    let names = appointment_types::other_names(&db).await?;
    let types = appointment_types::for_editing(&db)
        .await?
        .into_iter()
        .map(|row| {
            let mut draft = AppointmentTypeDraft::new_for(&row.service);
            for (_, locale, name) in names.iter().filter(|(id, ..)| *id == row.id) {
                if let Some(locale) = Locale::from_code(locale) {
                    draft.set_name_in(locale, name.clone());
                }
            }
            draft.name = row.name;
            draft.minutes = row.duration_minutes.to_string();
            draft.before = row.buffer_before_minutes.to_string();
            draft.after = row.buffer_after_minutes.to_string();
            draft.patients = row.patients;
            draft.mode = row.mode;
            draft.active = row.active;
            EditedType {
                id: Some(row.id),
                version: row.version,
                draft,
            }
        })
        .collect();
    Ok(TypeSetup {
        types,
        services: appointments::services_by_slug(&db).await?,
    })
}

/// Saves a type (a new one without `id`) opened at `version`: the new
/// version, or a refusal with each field's error, or a conflict when
/// someone saved it meanwhile. Appointments already booked keep their
/// times; the booking pages offer the new length at once.
#[server(endpoint = "admin/save_appointment_type")]
pub async fn save_appointment_type(
    #[server(default)] id: Option<i64>,
    version: i64,
    draft: AppointmentTypeDraft,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::{DraftErrors, Field};
    use crate::server::auth::Administers;
    use crate::server::db::audit::{Audited, Entry};
    use crate::server::db::{appointment_types, appointments};
    let staff = staff::<Administers>().await?;
    let valid = draft.validate().map_err(ApiError::InvalidDraft)?;
    let db = state()?.db;
    if !appointments::services_by_slug(&db)
        .await?
        .iter()
        .any(|(slug, _)| *slug == valid.service)
    {
        return Err(ApiError::InvalidDraft(DraftErrors::on(
            Field::Specialties,
            "Choose one of the clinic's services.",
        )));
    }
    let mut audited = Audited::begin(&db).await?;
    let Some((id, version)) = appointment_types::save(&mut audited.tx, id, version, &valid).await?
    else {
        audited.rollback().await?;
        return Err(ApiError::Conflict);
    };
    let at = crate::server::content::now_utc().to_stored();
    let subject = format!("appointment type {id}");
    audited
        .commit(&Entry {
            staff_id: staff.member.id,
            at: &at,
            action: "appointment_type.save",
            subject: Some(&subject),
        })
        .await?;
    Ok(version)
}
