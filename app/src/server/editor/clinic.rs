//! The clinic's facts as staff edit them: the same version check, revision
//! and audited save as every other kind of content.

use super::translations::every_language;
use super::EditError;
use crate::domain::clinic_draft::{ClinicDraft, ClinicText, EditedClinic};
use crate::domain::{ClinicInfo, Locale};
use crate::server::content::{self, now_utc};
use crate::server::db::clinic::{ClinicSaved, ClinicTranslationRow};
use crate::server::db::{self, audit::Entry, Db};
use crate::server::ServerError;

pub async fn get(db: &Db) -> Result<EditedClinic, ServerError> {
    // The version first: a save between the reads then shows as a
    // conflict on the next save, never as someone's work saved over.
    let version = db::clinic::version(db).await?;
    let info = content::clinic::get(db).await?;
    let rows = db::clinic::translations(db).await?;
    let translations = every_language(|locale| {
        rows.iter().find(|r| r.locale == locale.code()).map(|r| {
            let text = ClinicText {
                tagline: r.text.tagline.clone(),
                description: r.text.description.clone(),
                about: r.text.about.clone(),
                area_served: r.text.area_served.clone(),
                hours: r.text.hours.clone(),
            };
            (r.version, text)
        })
    });
    Ok(EditedClinic {
        version,
        draft: ClinicDraft::from_info(&info),
        translations,
    })
}

/// Saves the clinic's words in `locale` (validated) if nobody saved them
/// since `expected_version`; returns the new version.
pub async fn save_translation(
    db: &Db,
    locale: Locale,
    expected_version: i64,
    text: &ClinicText,
    staff_id: i64,
) -> Result<i64, EditError> {
    let now = now_utc().to_stored();
    let by = Entry {
        staff_id,
        at: &now,
        action: "clinic.translate",
        subject: Some(locale.code()),
    };
    let row = ClinicTranslationRow {
        tagline: text.tagline.clone(),
        description: text.description.clone(),
        about: text.about.clone(),
        area_served: text.area_served.clone(),
        hours: text.hours.clone(),
    };
    db::clinic::save_translation_by_staff(db, locale.code(), expected_version, &row, &by)
        .await?
        .ok_or(EditError::Conflict)
}

/// Saves validated facts if nobody saved them since `expected_version`;
/// returns the new version.
pub async fn save(
    db: &Db,
    expected_version: i64,
    info: &ClinicInfo,
    staff_id: i64,
) -> Result<i64, EditError> {
    let now = now_utc().to_stored();
    let by = Entry {
        staff_id,
        at: &now,
        action: "clinic.save",
        subject: None,
    };
    let as_typed = ClinicDraft::from_info(info);
    match db::clinic::save_by_staff(db, expected_version, info, &as_typed, &by).await? {
        ClinicSaved::Saved(version) => Ok(version),
        ClinicSaved::Conflict => Err(EditError::Conflict),
    }
}
