use super::stored_slug;
use crate::domain::{Service, ServiceSummary, Slug};
use crate::server::db::{self, Db};
use crate::server::{markdown, ServerError};

#[tracing::instrument(skip_all)]
pub async fn list(db: &Db) -> Result<Vec<ServiceSummary>, ServerError> {
    db::services::list(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(ServiceSummary {
                slug: stored_slug(&row.slug)?,
                name: row.name,
                summary: row.summary,
            })
        })
        .collect()
}

#[tracing::instrument(skip_all)]
pub async fn get(db: &Db, slug: &Slug) -> Result<Service, ServerError> {
    let row = db::services::by_slug(db, slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    Ok(Service {
        summary: ServiceSummary {
            slug: slug.clone(),
            name: row.name,
            summary: row.summary,
        },
        body_html: row.body_html,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
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
pub async fn insert(db: &Db, service: &NewService) -> Result<(), ServerError> {
    db::services::insert(
        db,
        &db::services::NewServiceRow {
            slug: service.slug.as_str(),
            name: &service.name,
            summary: &service.summary,
            body_md: &service.body_md,
            body_html: &markdown::render(&service.body_md),
            position: service.position,
            updated_at: &super::now_utc().to_stored(),
        },
    )
    .await
}
