use super::stored_slug;
use crate::domain::{Locale, Service, ServiceSummary, Slug};
use crate::server::db::{self, Db};
use crate::server::{markdown, ServerError};

/// The language a stored translation names; English when none.
fn stored_locale(code: Option<&str>) -> Locale {
    code.and_then(Locale::from_code).unwrap_or_default()
}

/// Every service in the clinic's order, in `locale` where translated.
#[tracing::instrument(skip_all)]
pub async fn list(db: &Db, locale: Locale) -> Result<Vec<ServiceSummary>, ServerError> {
    db::services::list(db, locale.code())
        .await?
        .into_iter()
        .map(|row| {
            Ok(ServiceSummary {
                slug: stored_slug(&row.slug)?,
                name: row.name,
                summary: row.summary,
                locale: stored_locale(row.text_locale.as_deref()),
            })
        })
        .collect()
}

/// The services as the consultation form offers them: named in `locale`
/// where translated, each with its English slug, which the rules check
/// whatever the page's language.
#[tracing::instrument(skip_all)]
pub async fn choices(db: &Db, locale: Locale) -> Result<Vec<ServiceSummary>, ServerError> {
    db::services::list(db, locale.code())
        .await?
        .into_iter()
        .map(|row| {
            Ok(ServiceSummary {
                slug: stored_slug(&row.english_slug)?,
                name: row.name,
                summary: row.summary,
                locale: stored_locale(row.text_locale.as_deref()),
            })
        })
        .collect()
}

/// The service at `slug` (its address in `locale`, or its English one),
/// in `locale` where translated.
#[tracing::instrument(skip_all)]
pub async fn get(db: &Db, locale: Locale, slug: &Slug) -> Result<Service, ServerError> {
    let row = db::services::by_slug(db, locale.code(), slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    let (english, translated) = db::services::slugs(db, row.id).await?;
    let mut slugs = vec![(Locale::En, stored_slug(&english)?)];
    for t in translated {
        if let Some(l) = Locale::from_code(&t.locale).filter(|l| *l != Locale::En) {
            slugs.push((l, stored_slug(&t.slug)?));
        }
    }
    let mut service = Service {
        summary: ServiceSummary {
            slug: slug.clone(),
            name: row.name,
            summary: row.summary,
            locale: stored_locale(row.text_locale.as_deref()),
        },
        body_html: row.body_html,
        body_locale: stored_locale(row.body_locale.as_deref()),
        slugs,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
    };
    // Reached by its English address from a Spanish page: the page's own
    // address is its translated one.
    service.summary.slug = service.slug_in(locale).clone();
    Ok(service)
}

/// A service's text in another language (the body may be empty).
pub struct ServiceTranslation {
    pub locale: Locale,
    pub slug: Slug,
    pub name: String,
    pub summary: String,
    pub body_md: String,
}

/// Adds or replaces the translation of the service at `english`.
#[tracing::instrument(skip_all)]
pub async fn save_translation(
    db: &Db,
    english: &Slug,
    translation: &ServiceTranslation,
) -> Result<(), ServerError> {
    let body_html = if translation.body_md.trim().is_empty() {
        String::new()
    } else {
        markdown::render(&translation.body_md)
    };
    db::services::save_translation(
        db,
        english.as_str(),
        &db::services::TranslationWrite {
            locale: translation.locale.code(),
            slug: translation.slug.as_str(),
            name: &translation.name,
            summary: &translation.summary,
            body_md: &translation.body_md,
            body_html: &body_html,
        },
    )
    .await
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
