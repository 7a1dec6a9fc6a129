//! The clinic's service pages: listed, shown, seeded and edited by staff.

use super::Db;
use crate::server::ServerError;

/// A service in the list.
#[derive(Debug, sqlx::FromRow)]
pub struct ServiceSummaryRow {
    pub slug: String,
    pub name: String,
    pub summary: String,
}

/// A service's page.
#[derive(Debug, sqlx::FromRow)]
pub struct ServiceRow {
    pub name: String,
    pub summary: String,
    pub body_html: String,
    pub seo_title: String,
    pub seo_description: String,
}

/// When a service page last changed, for the sitemap.
#[derive(Debug, sqlx::FromRow)]
pub struct LastChangeRow {
    pub slug: String,
    pub updated_at: Option<String>,
}

/// A service as staff edit it.
#[derive(Debug, sqlx::FromRow)]
pub struct EditedServiceRow {
    pub slug: String,
    pub version: i64,
    pub name: String,
    pub summary: String,
    pub body_md: String,
    pub seo_title: String,
    pub seo_description: String,
}

/// Every service, in the clinic's order.
pub async fn list(db: &Db) -> Result<Vec<ServiceSummaryRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT slug, name, summary FROM services ORDER BY position, id")
            .fetch_all(c).await)?,
    )
}

pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<ServiceRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT name, summary, body_html, seo_title, seo_description FROM services WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// Every service page with when it last changed, in the clinic's order.
pub async fn last_changes(db: &Db) -> Result<Vec<LastChangeRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT slug, updated_at FROM services ORDER BY position, id")
            .fetch_all(c).await)?,
    )
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
        "SELECT slug, version, name, summary, body_md, seo_title, seo_description
             FROM services WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// A service page as staff saved it: its HTML already rendered.
pub struct ServiceWrite<'a> {
    pub name: &'a str,
    pub summary: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub seo_title: &'a str,
    pub seo_description: &'a str,
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

/// Saves `service` if it is still at `expected_version`; a service that
/// does not exist is not found.
pub async fn save(
    db: &Db,
    slug: &str,
    expected_version: i64,
    service: &ServiceWrite<'_>,
) -> Result<ServiceSaved, ServerError> {
    let done = crate::on_pool!(db, c => sqlx::query(
        "UPDATE services SET name = $1, summary = $2, body_md = $3, body_html = $4, seo_title = $5,
           seo_description = $6, updated_at = $7, version = version + 1
         WHERE slug = $8 AND version = $9",
    )
    .bind(service.name)
    .bind(service.summary)
    .bind(service.body_md)
    .bind(service.body_html)
    .bind(service.seo_title)
    .bind(service.seo_description)
    .bind(service.updated_at)
    .bind(slug)
    .bind(expected_version)
    .execute(c).await.map(|done| done.rows_affected()))?;
    if done == 1 {
        return Ok(ServiceSaved::Version(expected_version + 1));
    }
    let exists: Option<i64> = crate::on_pool!(db, c => sqlx::query_scalar("SELECT id FROM services WHERE slug = $1")
        .bind(slug)
        .fetch_optional(c).await)?;
    match exists {
        Some(_) => Ok(ServiceSaved::Conflict),
        None => Err(ServerError::NotFound),
    }
}
