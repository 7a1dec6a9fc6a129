//! Appointment types as administrators edit them: every type with its
//! names in other languages, and saving one against the version it was
//! opened at.

use super::Db;
use crate::domain::appointment_type_draft::ValidType;
use crate::server::ServerError;

/// A type as the editor opens it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TypeEditRow {
    pub id: i64,
    pub version: i64,
    pub service: String,
    pub name: String,
    pub duration_minutes: i64,
    pub buffer_before_minutes: i64,
    pub buffer_after_minutes: i64,
    pub patients: String,
    pub mode: String,
    pub active: bool,
}

/// Every type, in the services' order and then their own.
pub async fn for_editing(db: &Db) -> Result<Vec<TypeEditRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT t.id, t.version, s.slug AS service, t.name, t.duration_minutes,
           t.buffer_before_minutes, t.buffer_after_minutes, t.patients, t.mode, t.active
         FROM appointment_types t JOIN services s ON s.id = t.service_id
         ORDER BY s.position, s.id, t.position, t.id")
        .fetch_all(c).await)?)
}

/// Every type's names in other languages: (type id, locale, name).
pub async fn other_names(db: &Db) -> Result<Vec<(i64, String, String)>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT type_id, locale, name FROM appointment_type_translations ORDER BY type_id, locale")
        .fetch_all(c).await)?)
}

/// Writes type `id` (a new one: `None`) as `valid` says, in the audited
/// transaction `tx`, if it is still at `version`: its id and new version,
/// or `None` when someone saved it meanwhile (or it is gone).
pub async fn save(
    tx: &mut super::Tx,
    id: Option<i64>,
    version: i64,
    valid: &ValidType,
) -> Result<Option<(i64, i64)>, ServerError> {
    let saved: Option<(i64, i64)> = match id {
        None => Some(crate::on_tx!(tx, c => sqlx::query_as(
            "INSERT INTO appointment_types (service_id, name, duration_minutes,
               buffer_before_minutes, buffer_after_minutes, patients, mode, active, position)
             VALUES ((SELECT id FROM services WHERE slug = $1), $2, $3, $4, $5, $6, $7, $8,
                     (SELECT COALESCE(MAX(position), 0) + 1 FROM appointment_types))
             RETURNING id, version")
            .bind(&valid.service)
            .bind(&valid.name)
            .bind(valid.minutes)
            .bind(valid.before)
            .bind(valid.after)
            .bind(valid.patients)
            .bind(valid.mode)
            .bind(valid.active)
            .fetch_one(c).await)?),
        Some(id) => crate::on_tx!(tx, c => sqlx::query_as(
            "UPDATE appointment_types SET service_id = (SELECT id FROM services WHERE slug = $1),
               name = $2, duration_minutes = $3, buffer_before_minutes = $4,
               buffer_after_minutes = $5, patients = $6, mode = $7, active = $8,
               version = version + 1
             WHERE id = $9 AND version = $10 RETURNING id, version")
            .bind(&valid.service)
            .bind(&valid.name)
            .bind(valid.minutes)
            .bind(valid.before)
            .bind(valid.after)
            .bind(valid.patients)
            .bind(valid.mode)
            .bind(valid.active)
            .bind(id)
            .bind(version)
            .fetch_optional(c).await)?,
    };
    let Some((id, version)) = saved else {
        return Ok(None);
    };
    crate::on_tx!(tx, c => sqlx::query(
        "DELETE FROM appointment_type_translations WHERE type_id = $1")
        .bind(id)
        .execute(c).await.map(|d| d.rows_affected()))?;
    for (locale, name) in &valid.other_names {
        crate::on_tx!(tx, c => sqlx::query(
            "INSERT INTO appointment_type_translations (type_id, locale, name) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(locale.code())
            .bind(name)
            .execute(c).await.map(|d| d.rows_affected()))?;
    }
    Ok(Some((id, version)))
}
