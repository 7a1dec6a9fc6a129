//! Every staff save of a translation, whatever the content: the version
//! check, the change, a revision and the audit entry in one transaction,
//! so a stale save is refused, every saved version can be read again, and
//! the log never says more or less than what was kept. The revisions of
//! every kind of content and language are kept here (`content_revisions`).

use super::addresses::{self, Owner};
use super::audit::{Audited, Entry};
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

impl Fields<'_> {
    fn kind(&self) -> &'static str {
        match self {
            Fields::Article { .. } => "article",
            Fields::Service { .. } => "service",
        }
    }

    /// The translations table and its column naming the content.
    fn table(&self) -> (&'static str, &'static str) {
        match self {
            Fields::Article { .. } => ("article_translations", "article_id"),
            Fields::Service { .. } => ("service_translations", "service_id"),
        }
    }
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
    let mut audited = Audited::begin(db).await?;
    let tx = &mut audited.tx;
    if !content_exists(tx, fields, id).await? {
        audited.rollback().await?;
        return Err(ServerError::NotFound);
    }
    let (table, owner) = fields.table();
    let current: Option<i64> = crate::on_tx!(tx, c => sqlx::query_scalar(&format!(
        "SELECT version FROM {table} WHERE {owner} = $1 AND locale = $2"
    ))
    .bind(id)
    .bind(locale)
    .fetch_optional(c).await)?;
    if current.unwrap_or(0) != expected_version {
        return audited
            .rollback()
            .await
            .map(|()| TranslationSaved::Conflict);
    }
    if slug_taken(tx, fields, id).await? {
        return audited
            .rollback()
            .await
            .map(|()| TranslationSaved::SlugTaken);
    }
    let version = expected_version + 1;
    let owner = match fields {
        Fields::Article { .. } => Owner::Article(id),
        Fields::Service { .. } => Owner::Service(id),
    };
    let before = addresses::public(tx, owner).await?;
    write(tx, id, locale, version, fields).await?;
    let after = addresses::public(tx, owner).await?;
    addresses::keep_moved(tx, &before, &after, saver.at).await?;
    let revision = Revision {
        kind: fields.kind(),
        id,
        locale,
        version,
    };
    keep_revision(tx, &revision, fields, saver).await?;
    audited.commit(saver).await?;
    Ok(TranslationSaved::Saved(version))
}

/// Which saved version of what: `kind` of content `id` in `locale`.
pub struct Revision<'a> {
    pub kind: &'a str,
    pub id: i64,
    pub locale: &'a str,
    pub version: i64,
}

/// Keeps what was saved as `revision` (as JSON), inside the save's
/// transaction.
pub async fn keep_revision(
    tx: &mut Tx,
    revision: &Revision<'_>,
    saved: &impl Serialize,
    by: &Entry<'_>,
) -> Result<(), ServerError> {
    let content = serde_json::to_string(saved)
        .map_err(|e| ServerError::Corrupt(format!("a revision: {e}")))?;
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO content_revisions (kind, content_id, locale, version, content, saved_by, saved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(revision.kind)
    .bind(revision.id)
    .bind(revision.locale)
    .bind(revision.version)
    .bind(content)
    .bind(by.staff_id)
    .bind(by.at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

async fn content_exists(tx: &mut Tx, fields: &Fields<'_>, id: i64) -> Result<bool, ServerError> {
    let table = match fields {
        Fields::Article { .. } => "articles",
        Fields::Service { .. } => "services",
    };
    let found: Option<i64> = crate::on_tx!(tx, c => sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(c).await)?;
    Ok(found.is_some())
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

/// How many saved versions of `kind` of content `id` in `locale` are kept.
pub async fn revisions(db: &Db, kind: &str, id: i64, locale: &str) -> Result<i64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM content_revisions WHERE kind = $1 AND content_id = $2 AND locale = $3",
    )
    .bind(kind)
    .bind(id)
    .bind(locale)
    .fetch_one(c).await)?)
}
