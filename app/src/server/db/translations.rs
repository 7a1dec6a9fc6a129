//! Staff's translations of articles and services: their fields, the check
//! that a translated address is free, and the write, inside a versioned
//! save (`versioned.rs`) that moves the content's old addresses along.

use super::addresses::{self, Owner};
use super::audit::Entry;
use super::versioned::{self, Begun, Key};
use super::{Db, Tx};
use crate::server::ServerError;
use serde::Serialize;

/// What staff wrote, by kind of content: the columns its table has.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fields<'a> {
    Article {
        /// `None`: the English address serves this language too.
        slug: Option<&'a str>,
        title: &'a str,
        summary: &'a str,
        body_md: &'a str,
        #[serde(skip)]
        body_html: &'a str,
    },
    Service {
        slug: &'a str,
        name: &'a str,
        summary: &'a str,
        body_md: &'a str,
        #[serde(skip)]
        body_html: &'a str,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationSaved {
    /// Kept as `version`.
    Saved(i64),
    /// Someone saved this translation after `expected_version`.
    Conflict,
    /// The translated address is another article's (or service's).
    SlugTaken,
}

/// Saves content `id`'s translation into `locale` if it is still at
/// `expected_version` (0: none written yet). The content must exist.
pub async fn save(
    db: &Db,
    id: i64,
    locale: &str,
    expected_version: i64,
    fields: &Fields<'_>,
    saver: &Entry<'_>,
) -> Result<TranslationSaved, ServerError> {
    let (key, owner) = match fields {
        Fields::Article { .. } => (Key::ArticleText { id, locale }, Owner::Article(id)),
        Fields::Service { .. } => (Key::ServiceText { id, locale }, Owner::Service(id)),
    };
    let Begun::Open(mut save) = versioned::begin(db, key, expected_version).await? else {
        return Ok(TranslationSaved::Conflict);
    };
    if slug_taken(save.tx(), fields, id).await? {
        return save.refuse().await.map(|()| TranslationSaved::SlugTaken);
    }
    let version = save.version();
    let before = addresses::public(save.tx(), owner).await?;
    write(save.tx(), id, locale, version, fields).await?;
    let after = addresses::public(save.tx(), owner).await?;
    addresses::keep_moved(save.tx(), &before, &after, saver.at).await?;
    save.keep(fields, saver).await.map(TranslationSaved::Saved)
}

/// Other content of the same kind answers at the translated address: in
/// any language (a translated address is its content's in every language
/// the site reads it in) or in English.
async fn slug_taken(tx: &mut Tx, fields: &Fields<'_>, id: i64) -> Result<bool, ServerError> {
    let (slug, translations, owner, table) = match *fields {
        Fields::Article { slug: None, .. } => return Ok(false),
        Fields::Article {
            slug: Some(slug), ..
        } => (slug, "article_translations", "article_id", "articles"),
        Fields::Service { slug, .. } => (slug, "service_translations", "service_id", "services"),
    };
    Ok(crate::on_tx!(tx, c => sqlx::query_scalar(&format!(
        "SELECT EXISTS (
           SELECT 1 FROM {translations} WHERE slug = $2 AND {owner} <> $1
           UNION ALL
           SELECT 1 FROM {table} WHERE slug = $2 AND id <> $1)"
    ))
    .bind(id)
    .bind(slug)
    .fetch_one(c).await)?)
}

async fn write(
    tx: &mut Tx,
    id: i64,
    locale: &str,
    version: i64,
    fields: &Fields<'_>,
) -> Result<(), ServerError> {
    match *fields {
        Fields::Article {
            slug,
            title,
            summary,
            body_md,
            body_html,
        } => {
            crate::on_tx!(tx, c => sqlx::query(
                "INSERT INTO article_translations (article_id, locale, version, slug, title, summary, body_md, body_html)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (article_id, locale) DO UPDATE SET version = excluded.version,
                   slug = excluded.slug, title = excluded.title, summary = excluded.summary,
                   body_md = excluded.body_md, body_html = excluded.body_html",
            )
            .bind(id)
            .bind(locale)
            .bind(version)
            .bind(slug)
            .bind(title)
            .bind(summary)
            .bind(body_md)
            .bind(body_html)
            .execute(c).await.map(|done| done.rows_affected()))?;
        }
        Fields::Service {
            slug,
            name,
            summary,
            body_md,
            body_html,
        } => {
            crate::on_tx!(tx, c => sqlx::query(
                "INSERT INTO service_translations (service_id, locale, version, slug, name, summary, body_md, body_html)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (service_id, locale) DO UPDATE SET version = excluded.version,
                   slug = excluded.slug, name = excluded.name, summary = excluded.summary,
                   body_md = excluded.body_md, body_html = excluded.body_html",
            )
            .bind(id)
            .bind(locale)
            .bind(version)
            .bind(slug)
            .bind(name)
            .bind(summary)
            .bind(body_md)
            .bind(body_html)
            .execute(c).await.map(|done| done.rows_affected()))?;
        }
    }
    Ok(())
}
