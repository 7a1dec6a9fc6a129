//! The clinic's service pages: listed, shown, seeded and edited by staff.

use super::versioned::{self, Begun, Key};
use super::Db;
use crate::server::ServerError;

/// A service in the list, in a language: `text_locale` is the language
/// its name and summary are in (`None`: English, the original).
#[derive(Debug, sqlx::FromRow)]
pub struct ServiceSummaryRow {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub text_locale: Option<String>,
    /// Its English address: what the consultation form's choice sends.
    pub english_slug: String,
}

/// A service's page in a language. The name and summary come from the
/// translation when there is one, the body when the translation has one.
#[derive(Debug, sqlx::FromRow)]
pub struct ServiceRow {
    pub id: i64,
    pub name: String,
    pub summary: String,
    pub body_html: String,
    pub seo_title: String,
    pub seo_description: String,
    pub text_locale: Option<String>,
    pub body_locale: Option<String>,
}

/// A service's address in a language other than English.
#[derive(Debug, sqlx::FromRow)]
pub struct TranslatedSlugRow {
    pub locale: String,
    pub slug: String,
}

/// When a service page last changed, for the sitemap, with its address
/// in the language asked for when translated.
#[derive(Debug, sqlx::FromRow)]
pub struct LastChangeRow {
    pub slug: String,
    pub updated_at: Option<String>,
    pub translated_slug: Option<String>,
}

/// A service as staff edit it.
#[derive(Debug, sqlx::FromRow)]
pub struct EditedServiceRow {
    pub id: i64,
    pub slug: String,
    pub version: i64,
    pub name: String,
    pub summary: String,
    pub body_md: String,
    pub seo_title: String,
    pub seo_description: String,
}

/// Every service, in the clinic's order, in `locale` where translated
/// (English, `"en"`, has no translations: the services' own text).
pub async fn list(db: &Db, locale: &str) -> Result<Vec<ServiceSummaryRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT COALESCE(t.slug, s.slug) AS slug, COALESCE(t.name, s.name) AS name,
                COALESCE(t.summary, s.summary) AS summary, t.locale AS text_locale,
                s.slug AS english_slug
         FROM services s
         LEFT JOIN service_translations t ON t.service_id = s.id AND t.locale = $1
         ORDER BY s.position, s.id",
    )
    .bind(locale)
    .fetch_all(c).await)?)
}

/// The service at `slug` in `locale`: its address in `locale` first, then
/// its English one, then any other language's (the language switch keeps
/// the slug of the page it leaves).
/// Staff's search overrides are written in English: a translated page
/// uses its own name and summary instead.
pub async fn by_slug(db: &Db, locale: &str, slug: &str) -> Result<Option<ServiceRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT s.id, COALESCE(t.name, s.name) AS name, COALESCE(t.summary, s.summary) AS summary,
                CASE WHEN t.body_html <> '' THEN t.body_html ELSE s.body_html END AS body_html,
                CASE WHEN t.locale IS NULL THEN s.seo_title ELSE '' END AS seo_title,
                CASE WHEN t.locale IS NULL THEN s.seo_description ELSE '' END AS seo_description,
                t.locale AS text_locale,
                CASE WHEN t.body_html <> '' THEN t.locale ELSE NULL END AS body_locale
         FROM services s
         LEFT JOIN service_translations t ON t.service_id = s.id AND t.locale = $1
         WHERE s.slug = $2 OR s.id IN (SELECT service_id FROM service_translations WHERE slug = $2)
         ORDER BY CASE WHEN t.slug = $2 THEN 0 WHEN s.slug = $2 THEN 1 ELSE 2 END
         LIMIT 1",
    )
    .bind(locale)
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// The service's English address and its translated ones.
pub async fn slugs(db: &Db, id: i64) -> Result<(String, Vec<TranslatedSlugRow>), ServerError> {
    let english: String = crate::on_pool!(db, c => sqlx::query_scalar("SELECT slug FROM services WHERE id = $1")
        .bind(id)
        .fetch_one(c).await)?;
    let translated = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT locale, slug FROM service_translations WHERE service_id = $1 ORDER BY locale",
    )
    .bind(id)
    .fetch_all(c).await)?;
    Ok((english, translated))
}

/// A service's translation as staff edit it.
#[derive(Debug, sqlx::FromRow)]
pub struct EditedTranslationRow {
    pub locale: String,
    pub version: i64,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub body_md: String,
}

/// Service `id` in every language it is translated into (staff's writes go
/// through `db::translations`).
pub async fn translations_by_id(
    db: &Db,
    id: i64,
) -> Result<Vec<EditedTranslationRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT locale, version, slug, name, summary, body_md FROM service_translations
         WHERE service_id = $1 ORDER BY locale",
    )
    .bind(id)
    .fetch_all(c).await)?)
}

/// A service's text in another language, as the seed (and later the
/// editor) writes it; the body may be empty (the English one is shown).
pub struct TranslationWrite<'a> {
    pub locale: &'a str,
    pub slug: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
}

/// Adds or replaces the translation of the service at English `slug`.
pub async fn save_translation(
    db: &Db,
    english_slug: &str,
    translation: &TranslationWrite<'_>,
) -> Result<(), ServerError> {
    let done = crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO service_translations (service_id, locale, slug, name, summary, body_md, body_html)
         SELECT id, $2, $3, $4, $5, $6, $7 FROM services WHERE slug = $1
         ON CONFLICT (service_id, locale) DO UPDATE SET slug = excluded.slug, name = excluded.name,
           summary = excluded.summary, body_md = excluded.body_md, body_html = excluded.body_html",
    )
    .bind(english_slug)
    .bind(translation.locale)
    .bind(translation.slug)
    .bind(translation.name)
    .bind(translation.summary)
    .bind(translation.body_md)
    .bind(translation.body_html)
    .execute(c).await.map(|done| done.rows_affected()))?;
    if done == 0 {
        return Err(ServerError::NotFound);
    }
    Ok(())
}

/// Every service page with when it last changed, in the clinic's order,
/// and its address in `locale`.
pub async fn last_changes(db: &Db, locale: &str) -> Result<Vec<LastChangeRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT s.slug, s.updated_at, t.slug AS translated_slug
         FROM services s
         LEFT JOIN service_translations t ON t.service_id = s.id AND t.locale = $1
         ORDER BY s.position, s.id",
    )
    .bind(locale)
    .fetch_all(c).await)?)
}

/// A service as the seed stores it: its HTML already rendered.
pub struct NewServiceRow<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub position: i64,
    pub updated_at: &'a str,
}

pub async fn insert(db: &Db, service: &NewServiceRow<'_>) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "INSERT INTO services (slug, name, summary, body_md, body_html, position, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(service.slug)
    .bind(service.name)
    .bind(service.summary)
    .bind(service.body_md)
    .bind(service.body_html)
    .bind(service.position)
    .bind(service.updated_at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

pub async fn for_editing(db: &Db, slug: &str) -> Result<Option<EditedServiceRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT id, slug, version, name, summary, body_md, seo_title, seo_description
             FROM services WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// A service page as staff saved it: its HTML already rendered.
#[derive(Debug, serde::Serialize)]
pub struct ServiceWrite<'a> {
    pub name: &'a str,
    pub summary: &'a str,
    pub body_md: &'a str,
    #[serde(skip)]
    pub body_html: &'a str,
    pub seo_title: &'a str,
    pub seo_description: &'a str,
    #[serde(skip)]
    pub updated_at: &'a str,
}

/// What became of a save checked against the version it was based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceSaved {
    /// Saved as this new version.
    Version(i64),
    /// Someone saved since.
    Conflict,
}

/// Saves `service` if it is still at `expected_version`, with a revision
/// of what was saved and its audit entry, in one transaction; a service
/// that does not exist is not found.
pub async fn save(
    db: &Db,
    slug: &str,
    expected_version: i64,
    service: &ServiceWrite<'_>,
    by: &super::audit::Entry<'_>,
) -> Result<ServiceSaved, ServerError> {
    let key = Key::Service { slug };
    let Begun::Open(mut save) = versioned::begin(db, key, expected_version).await? else {
        return Ok(ServiceSaved::Conflict);
    };
    let (id, version) = (save.id(), save.version());
    crate::on_tx!(save.tx(), c => sqlx::query(
        "UPDATE services SET name = $1, summary = $2, body_md = $3, body_html = $4, seo_title = $5,
           seo_description = $6, updated_at = $7, version = $8
         WHERE id = $9",
    )
    .bind(service.name)
    .bind(service.summary)
    .bind(service.body_md)
    .bind(service.body_html)
    .bind(service.seo_title)
    .bind(service.seo_description)
    .bind(service.updated_at)
    .bind(version)
    .bind(id)
    .execute(c).await.map(|done| done.rows_affected()))?;
    save.keep(service, by).await.map(ServiceSaved::Version)
}
