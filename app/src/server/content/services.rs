use super::stored_slug;
use crate::domain::{Service, ServiceSummary, Slug};
use crate::server::{markdown, ServerError};
use sqlx::SqlitePool;

#[tracing::instrument(skip_all)]
pub async fn list(db: &SqlitePool) -> Result<Vec<ServiceSummary>, ServerError> {
    sqlx::query_as::<_, (String, String, String)>(
        "SELECT slug, name, summary FROM services ORDER BY position, id",
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(slug, name, summary)| {
        Ok(ServiceSummary {
            slug: stored_slug(&slug)?,
            name,
            summary,
        })
    })
    .collect()
}

#[tracing::instrument(skip_all)]
pub async fn get(db: &SqlitePool, slug: &Slug) -> Result<Service, ServerError> {
    let (name, summary, body_html, seo_title, seo_description) = sqlx::query_as::<
        _,
        (String, String, String, String, String),
    >(
        "SELECT name, summary, body_html, seo_title, seo_description FROM services WHERE slug = ?",
    )
    .bind(slug.as_str())
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    Ok(Service {
        summary: ServiceSummary {
            slug: slug.clone(),
            name,
            summary,
        },
        body_html,
        seo_title,
        seo_description,
    })
}

/// A service as written by staff (or the seed).
pub struct NewService {
    pub slug: Slug,
    pub name: String,
    pub summary: String,
    pub body_md: String,
    pub position: i64,
}

#[tracing::instrument(skip_all)]
pub async fn insert(db: &SqlitePool, service: &NewService) -> Result<(), ServerError> {
    sqlx::query(
        "INSERT INTO services (slug, name, summary, body_md, body_html, position, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(service.slug.as_str())
    .bind(&service.name)
    .bind(&service.summary)
    .bind(&service.body_md)
    .bind(markdown::render(&service.body_md))
    .bind(service.position)
    .bind(super::now_utc().to_stored())
    .execute(db)
    .await?;
    Ok(())
}
