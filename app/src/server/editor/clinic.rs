//! The clinic's facts as staff edit them: the same version check, revision
//! and audited save as every other kind of content.

use super::EditError;
use crate::domain::clinic_draft::{ClinicDraft, EditedClinic};
use crate::domain::ClinicInfo;
use crate::server::content::{self, now_utc};
use crate::server::db::{self, audit::Entry, clinic::ClinicSaved, Db};
use crate::server::ServerError;

pub async fn get(db: &Db) -> Result<EditedClinic, ServerError> {
    let info = content::clinic::get(db).await?;
    Ok(EditedClinic {
        version: db::clinic::version(db).await?,
        draft: ClinicDraft::from_info(&info),
    })
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
