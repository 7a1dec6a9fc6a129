//! The clinic's facts (a single row) and its social links.

use super::audit::Entry;
use super::versioned::{self, Begun, Key};
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

/// The clinic's row, its words in `locale` where staff (or the seed) wrote
/// them (`"en"` has none: the row's own); `None` before the seed ran.
pub async fn get(db: &Db, locale: &str) -> Result<Option<ClinicRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT c.name, COALESCE(t.tagline, c.tagline) AS tagline,
                COALESCE(t.description, c.description) AS description,
                COALESCE(t.about, c.about) AS about,
                COALESCE(t.area_served, c.area_served) AS area_served, c.phone, c.email, c.address,
                CASE WHEN t.hours <> '' THEN t.hours ELSE c.hours END AS hours, c.specialties
         FROM clinic c LEFT JOIN clinic_translations t ON t.locale = $1
         WHERE c.id = 1",
    )
    .bind(locale)
    .fetch_optional(c).await)?)
}

/// The clinic's facts that patients read, in another language.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ClinicTranslationRow {
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub hours: String,
}

/// The clinic's words in one language, as staff edit them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EditedTranslationRow {
    pub locale: String,
    pub version: i64,
    #[sqlx(flatten)]
    pub text: ClinicTranslationRow,
}

/// The clinic's words in every language they are written in.
pub async fn translations(db: &Db) -> Result<Vec<EditedTranslationRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT locale, version, tagline, description, about, area_served, hours
         FROM clinic_translations ORDER BY locale",
    )
    .fetch_all(c).await)?)
}

/// Staff's save of the clinic's words in `locale` if they are still at
/// `expected_version` (0: none yet), with a revision and the audit entry
/// `by`, in one transaction. The new version, or `None` when someone saved
/// them since.
pub async fn save_translation_by_staff(
    db: &Db,
    locale: &str,
    expected_version: i64,
    row: &ClinicTranslationRow,
    by: &Entry<'_>,
) -> Result<Option<i64>, ServerError> {
    let key = Key::ClinicWords { locale };
    let Begun::Open(mut save) = versioned::begin(db, key, expected_version).await? else {
        return Ok(None);
    };
    let version = save.version();
    write_translation(save.tx(), locale, version, row).await?;
    save.keep(row, by).await.map(Some)
}

/// Adds or replaces the facts in `locale` as the seed writes them (hours
/// one per line).
pub async fn save_translation(
    db: &Db,
    locale: &str,
    row: &ClinicTranslationRow,
) -> Result<(), ServerError> {
    let mut tx = db.begin().await?;
    write_translation(&mut tx, locale, 1, row).await?;
    tx.commit().await?;
    Ok(())
}

async fn write_translation(
    tx: &mut Tx,
    locale: &str,
    version: i64,
    row: &ClinicTranslationRow,
) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO clinic_translations (locale, version, tagline, description, about, area_served, hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (locale) DO UPDATE SET version = excluded.version, tagline = excluded.tagline,
           description = excluded.description, about = excluded.about,
           area_served = excluded.area_served, hours = excluded.hours",
    )
    .bind(locale)
    .bind(version)
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
    let Begun::Open(mut save) = versioned::begin(db, Key::ClinicFacts, expected_version).await?
    else {
        return Ok(ClinicSaved::Conflict);
    };
    let version = save.version();
    write(save.tx(), clinic).await?;
    crate::on_tx!(save.tx(), c => sqlx::query("UPDATE clinic SET version = $1 WHERE id = 1")
        .bind(version)
        .execute(c).await.map(|done| done.rows_affected()))?;
    save.keep(as_typed, by).await.map(ClinicSaved::Saved)
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
