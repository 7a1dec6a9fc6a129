//! The clinic's facts (a single row) and its social links.

use super::audit::{Audited, Entry};
use super::translations::{keep_revision, Revision};
use super::{Db, Tx};
use crate::domain::ClinicInfo;
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct ClinicRow {
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub phone: String,
    pub email: String,
    pub address: Option<String>,
    pub hours: String,
    pub specialties: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct SocialLinkRow {
    pub label: String,
    pub url: String,
}

/// The clinic's row; `None` before the seed ran.
pub async fn get(db: &Db) -> Result<Option<ClinicRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT name, tagline, description, about, area_served, phone, email, address, hours,
                specialties
         FROM clinic WHERE id = 1",
    )
    .fetch_optional(c).await)?)
}

/// The clinic's facts that patients read, in another language.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClinicTranslationRow {
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub hours: String,
}

/// The clinic's facts in `locale`, if staff (or the seed) wrote them.
pub async fn translation(
    db: &Db,
    locale: &str,
) -> Result<Option<ClinicTranslationRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT tagline, description, about, area_served, hours FROM clinic_translations WHERE locale = $1",
    )
    .bind(locale)
    .fetch_optional(c).await)?)
}

/// Adds or replaces the facts in `locale` (hours one per line).
pub async fn save_translation(
    db: &Db,
    locale: &str,
    row: &ClinicTranslationRow,
) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO clinic_translations (locale, tagline, description, about, area_served, hours)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (locale) DO UPDATE SET tagline = excluded.tagline,
           description = excluded.description, about = excluded.about,
           area_served = excluded.area_served, hours = excluded.hours",
    )
    .bind(locale)
    .bind(&row.tagline)
    .bind(&row.description)
    .bind(&row.about)
    .bind(&row.area_served)
    .bind(&row.hours)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The social links, in their order.
pub async fn social_links(db: &Db) -> Result<Vec<SocialLinkRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT label, url FROM social_links ORDER BY position, id")
            .fetch_all(c).await)?,
    )
}

/// Whether the clinic's row exists (the seed has run).
pub async fn exists(db: &Db) -> Result<bool, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM clinic)")
        .fetch_one(c).await)?,
    )
}

/// Writes the clinic's facts as the seed does (staff's saves go through
/// `write` in their audited transaction).
pub async fn save(db: &Db, clinic: &ClinicInfo) -> Result<(), ServerError> {
    let mut tx = db.begin().await?;
    write(&mut tx, clinic).await?;
    tx.commit().await?;
    Ok(())
}

/// The version of the clinic's facts staff last saved (1: as seeded).
pub async fn version(db: &Db) -> Result<i64, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT version FROM clinic WHERE id = 1")
        .fetch_optional(c).await)?
        .unwrap_or(0),
    )
}

/// A staff save of the clinic's facts: kept as `Saved(version)`, or
/// refused because someone saved them after the version it started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClinicSaved {
    Saved(i64),
    Conflict,
}

/// Staff's save of the facts, if they are still at `expected_version`: the
/// change, a revision (`as_typed`, the form as staff wrote it) and the
/// audit entry `by`, in one transaction.
pub async fn save_by_staff(
    db: &Db,
    expected_version: i64,
    clinic: &ClinicInfo,
    as_typed: &impl serde::Serialize,
    by: &Entry<'_>,
) -> Result<ClinicSaved, ServerError> {
    let mut audited = Audited::begin(db).await?;
    let tx = &mut audited.tx;
    let version = expected_version + 1;
    let moved = crate::on_tx!(tx, c => sqlx::query("UPDATE clinic SET version = $1 WHERE id = 1 AND version = $2")
        .bind(version)
        .bind(expected_version)
        .execute(c).await.map(|done| done.rows_affected()))?;
    if moved == 0 {
        return audited.rollback().await.map(|()| ClinicSaved::Conflict);
    }
    write(tx, clinic).await?;
    let revision = Revision {
        kind: "clinic",
        id: 1,
        locale: "en",
        version,
    };
    keep_revision(tx, &revision, as_typed, by).await?;
    audited.commit(by).await?;
    Ok(ClinicSaved::Saved(version))
}

/// Writes the clinic's facts (the single row) and replaces its social links:
/// hours and specialties one per line, the phone as its ten digits.
pub async fn write(tx: &mut Tx, clinic: &ClinicInfo) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO clinic (id, name, tagline, description, about, area_served, phone, email, address,
           hours, specialties)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, tagline = excluded.tagline,
           description = excluded.description, about = excluded.about,
           area_served = excluded.area_served, phone = excluded.phone, email = excluded.email,
           address = excluded.address, hours = excluded.hours, specialties = excluded.specialties",
    )
    .bind(&clinic.name)
    .bind(&clinic.tagline)
    .bind(&clinic.description)
    .bind(&clinic.about)
    .bind(&clinic.area_served)
    .bind(clinic.phone.digits())
    .bind(&clinic.email)
    .bind(&clinic.address)
    .bind(clinic.hours.join("\n"))
    .bind(clinic.specialties.join("\n"))
    .execute(c).await.map(|done| done.rows_affected()))?;
    crate::on_tx!(tx, c => sqlx::query("DELETE FROM social_links")
        .execute(c).await.map(|done| done.rows_affected()))?;
    for (position, link) in (0_i64..).zip(&clinic.social) {
        crate::on_tx!(tx, c => sqlx::query("INSERT INTO social_links (label, url, position) VALUES ($1, $2, $3)")
            .bind(&link.label)
            .bind(&link.url)
            .bind(position)
            .execute(c).await.map(|done| done.rows_affected()))?;
    }
    Ok(())
}
