//! What the sitemap and the RSS feed list: published content only.

use super::{stored_slug, Timestamp};
use crate::domain::{Locale, Slug};
use crate::server::db::{self, Db};
use crate::server::ServerError;

/// A published article as the feed shows it.
pub struct FeedItem {
    /// Its English address.
    pub slug: Slug,
    /// Its address in every language, English first.
    pub slugs: Vec<(Locale, Slug)>,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub published_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The newest `limit` published articles (every one when `limit` is `None`).
pub async fn published_articles(db: &Db, limit: Option<i64>) -> Result<Vec<FeedItem>, ServerError> {
    let own = db::articles::translated_slugs(db).await?;
    db::articles::for_feed(db, limit)
        .await?
        .into_iter()
        .map(|row| {
            let published_at = Timestamp::parse_stored(&row.published_at)?;
            let updated_at = Timestamp::parse_stored(&row.updated_at)?;
            let slug = stored_slug(&row.slug)?;
            let slugs = Locale::ALL
                .into_iter()
                .map(|l| {
                    let translated = own
                        .iter()
                        .find(|t| t.english_slug == row.slug && t.locale == l.code());
                    Ok((
                        l,
                        translated.map_or(Ok(slug.clone()), |t| stored_slug(&t.slug))?,
                    ))
                })
                .collect::<Result<_, ServerError>>()?;
            Ok(FeedItem {
                slug,
                slugs,
                title: row.title,
                summary: row.summary,
                category: row.category,
                // An article published after its last edit was changed when it went public.
                updated_at: if updated_at.unix() < published_at.unix() {
                    published_at.clone()
                } else {
                    updated_at
                },
                published_at,
            })
        })
        .collect()
}

/// A service page's address in each language and when it last changed.
pub struct ServicePage {
    pub slugs: Vec<(Locale, Slug)>,
    pub updated_at: Option<Timestamp>,
}

/// Every service page, in the clinic's order, at its address in each
/// language (the English slug where it has no translation).
pub async fn services(db: &Db) -> Result<Vec<ServicePage>, ServerError> {
    let mut pages: Vec<ServicePage> = Vec::new();
    for locale in Locale::ALL {
        let rows = db::services::last_changes(db, locale.code()).await?;
        for row in rows {
            let slug = stored_slug(row.translated_slug.as_deref().unwrap_or(&row.slug))?;
            // Paired by the English slug, which every row carries.
            let english = stored_slug(&row.slug)?;
            let page = pages.iter_mut().find(|p| {
                p.slugs
                    .iter()
                    .any(|(l, s)| *l == Locale::En && *s == english)
            });
            match page {
                Some(page) => page.slugs.push((locale, slug)),
                None => pages.push(ServicePage {
                    slugs: vec![(locale, slug)],
                    updated_at: row
                        .updated_at
                        .as_deref()
                        .map(Timestamp::parse_stored)
                        .transpose()?,
                }),
            }
        }
    }
    Ok(pages)
}
