//! Articles as staff edit them: every status, versions for conflict
//! detection, saved revisions, publishing and deleting.

use super::addresses::{self, Owner};
use super::articles::ensure_category;
use super::Db;
use crate::domain::article_admin::ArticleState;
use crate::server::ServerError;

/// One line of the admin's article list.
#[derive(Debug, sqlx::FromRow)]
pub struct ListedRow {
    pub id: i64,
    pub title: String,
    /// The category's name.
    pub category: String,
    pub status: String,
    pub published_at: Option<String>,
}

/// The text of an article or of one of its revisions, as the editor opens it.
#[derive(Debug, sqlx::FromRow)]
pub struct DraftRow {
    pub title: String,
    pub slug: String,
    /// The category's name.
    pub category: String,
    pub summary: String,
    pub body_md: String,
    pub hero_src: Option<String>,
    pub hero_alt: Option<String>,
    pub hero_decorative: bool,
    pub seo_title: String,
    pub seo_description: String,
}

/// An article as the editor opens it.
#[derive(Debug, sqlx::FromRow)]
pub struct EditedRow {
    pub version: i64,
    pub status: String,
    pub published_at: Option<String>,
    #[sqlx(flatten)]
    pub draft: DraftRow,
}

/// A saved version, in the editor's history.
#[derive(Debug, sqlx::FromRow)]
pub struct RevisionRow {
    pub version: i64,
    pub saved_at: String,
    /// The name of who saved it, if the account still exists.
    pub saved_by: Option<String>,
}

/// Articles whose title is `LIKE pattern` (escaped with `\`), in `category`
/// (a name; empty: all), last changed first.
pub async fn list(db: &Db, pattern: &str, category: &str) -> Result<Vec<ListedRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT a.id, a.title, c.name AS category, a.status, a.published_at FROM articles a
         JOIN categories c ON c.id = a.category_id
         WHERE a.title LIKE $1 ESCAPE '\\' AND ($2 = '' OR c.name = $3)
         ORDER BY a.updated_at DESC, a.id DESC",
    )
    .bind(pattern)
    .bind(category)
    .bind(category)
    .fetch_all(c).await)?)
}

/// The names of the categories that have articles.
pub async fn categories(db: &Db) -> Result<Vec<String>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT DISTINCT c.name FROM categories c JOIN articles a ON a.category_id = c.id ORDER BY c.name",
    )
    .fetch_all(c).await)?)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<EditedRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT a.version, a.status, a.published_at, a.title, a.slug, c.name AS category, a.summary,
                a.body_md, a.hero_src, a.hero_alt, a.hero_decorative, a.seo_title, a.seo_description
         FROM articles a JOIN categories c ON c.id = a.category_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(c).await)?)
}

/// The newest 50 saved versions of article `id`, newest first.
pub async fn revisions(db: &Db, id: i64) -> Result<Vec<RevisionRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT r.version, r.saved_at, s.name AS saved_by FROM article_revisions r LEFT JOIN staff s ON s.id = r.saved_by
         WHERE r.article_id = $1 ORDER BY r.version DESC LIMIT 50",
    )
    .bind(id)
    .fetch_all(c).await)?)
}

/// The text of version `version` of article `id`.
pub async fn revision(db: &Db, id: i64, version: i64) -> Result<Option<DraftRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT title, slug, category, summary, body_md, hero_src, hero_alt, hero_decorative,
                seo_title, seo_description
         FROM article_revisions WHERE article_id = $1 AND version = $2",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(c).await)?)
}

/// An article as staff saved it: the stored summary and HTML already derived.
pub struct ArticleWrite<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    /// What the article stores: the summary written, or one derived from the body.
    pub summary: &'a str,
    /// What the revision keeps: the summary as written (maybe empty).
    pub written_summary: &'a str,
    pub category_slug: &'a str,
    pub category_name: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub hero_src: Option<&'a str>,
    pub hero_alt: Option<&'a str>,
    pub hero_decorative: bool,
    pub seo_title: &'a str,
    pub seo_description: &'a str,
    pub saved_by: i64,
    pub now: &'a str,
}

/// What became of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleSaved {
    /// Stored as version `version` of article `id`.
    Saved { id: i64, version: i64 },
    /// Another article has the slug.
    SlugTaken,
    /// The hero image is not among the uploaded images wide enough for one.
    ImageMissing,
    /// Someone saved since the expected version.
    Conflict,
}

/// Creates (`id: None`) or updates an article if it is still at
/// `expected_version`, with a revision of what was saved and its audit
/// entry (`article.save`, by `saved_by`), in one transaction. Updating an
/// article that does not exist is not found.
pub async fn save(
    db: &Db,
    id: Option<i64>,
    expected_version: i64,
    article: &ArticleWrite<'_>,
) -> Result<ArticleSaved, ServerError> {
    let mut audited = super::audit::Audited::begin(db).await?;
    let tx = &mut audited.tx;
    ensure_category(tx, article.category_slug, article.category_name).await?;
    if slug_taken(tx, article.slug, id).await? {
        return audited.rollback().await.map(|()| ArticleSaved::SlugTaken);
    }
    if let Some(key) = article.hero_src {
        if !hero_stored(tx, key).await? {
            return audited
                .rollback()
                .await
                .map(|()| ArticleSaved::ImageMissing);
        }
    }
    let (id, version) = match id {
        None => (insert_draft(tx, article).await?, 1),
        Some(id) => {
            let before = addresses::public(tx, Owner::Article(id)).await?;
            if !update_version(tx, id, expected_version, article).await? {
                let found = exists(tx, id).await?;
                audited.rollback().await?;
                return if found {
                    Ok(ArticleSaved::Conflict)
                } else {
                    Err(ServerError::NotFound)
                };
            }
            let after = addresses::public(tx, Owner::Article(id)).await?;
            addresses::keep_moved(tx, &before, &after, article.now).await?;
            (id, expected_version + 1)
        }
    };
    record_revision(tx, id, version, article).await?;
    audited
        .commit(&super::audit::Entry {
            staff_id: article.saved_by,
            at: article.now,
            action: "article.save",
            subject: Some(article.slug),
        })
        .await?;
    Ok(ArticleSaved::Saved { id, version })
}

async fn slug_taken(
    tx: &mut crate::server::db::Tx,
    slug: &str,
    except: Option<i64>,
) -> Result<bool, ServerError> {
    // Another article's address in English or in any other language: the
    // public pages find an article by either.
    let taken: Option<i64> = crate::on_tx!(tx, c => sqlx::query_scalar(
        "SELECT id FROM articles WHERE slug = $1 AND id IS DISTINCT FROM $2
         UNION ALL
         SELECT article_id FROM article_translations WHERE slug = $1 AND article_id IS DISTINCT FROM $2
         LIMIT 1")
            .bind(slug)
            .bind(except)
            .fetch_optional(c).await)?;
    Ok(taken.is_some())
}

/// Whether `key` names a stored image wide enough for a hero (an image
/// imported into an article's text may be narrower).
async fn hero_stored(tx: &mut crate::server::db::Tx, key: &str) -> Result<bool, ServerError> {
    let stored: Option<String> = crate::on_tx!(tx, c => sqlx::query_scalar("SELECT key FROM media WHERE key = $1 AND width >= $2")
        .bind(key)
        .bind(i64::from(crate::domain::media::MIN_WIDTH))
        .fetch_optional(c).await)?;
    Ok(stored.is_some())
}

async fn exists(tx: &mut crate::server::db::Tx, id: i64) -> Result<bool, ServerError> {
    let found: Option<i64> = crate::on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM articles WHERE id = $1")
        .bind(id)
        .fetch_optional(c).await)?;
    Ok(found.is_some())
}

/// Stores a new article as a draft at version 1; returns its id.
async fn insert_draft(
    tx: &mut crate::server::db::Tx,
    article: &ArticleWrite<'_>,
) -> Result<i64, ServerError> {
    Ok(crate::on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO articles (slug, title, summary, category_id, body_md, body_html, hero_src, hero_alt,
           hero_decorative, seo_title, seo_description, status, created_at, updated_at, version)
         VALUES ($1, $2, $3, (SELECT id FROM categories WHERE slug = $4), $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, 1) RETURNING id",
    )
    .bind(article.slug)
    .bind(article.title)
    .bind(article.summary)
    .bind(article.category_slug)
    .bind(article.body_md)
    .bind(article.body_html)
    .bind(article.hero_src)
    .bind(article.hero_alt)
    .bind(article.hero_decorative)
    .bind(article.seo_title)
    .bind(article.seo_description)
    .bind(article.now)
    .bind(article.now)
    .fetch_one(c).await)?)
}

/// Saves over version `expected_version`; `false` if the article is not
/// at that version (or does not exist).
async fn update_version(
    tx: &mut crate::server::db::Tx,
    id: i64,
    expected_version: i64,
    article: &ArticleWrite<'_>,
) -> Result<bool, ServerError> {
    let done = crate::on_tx!(tx, c => sqlx::query(
        "UPDATE articles SET slug = $1, title = $2, summary = $3, category_id = (SELECT id FROM categories WHERE slug = $4),
           body_md = $5, body_html = $6, hero_src = $7, hero_alt = $8, hero_decorative = $9,
           seo_title = $10, seo_description = $11, updated_at = $12, version = version + 1
         WHERE id = $13 AND version = $14",
    )
    .bind(article.slug)
    .bind(article.title)
    .bind(article.summary)
    .bind(article.category_slug)
    .bind(article.body_md)
    .bind(article.body_html)
    .bind(article.hero_src)
    .bind(article.hero_alt)
    .bind(article.hero_decorative)
    .bind(article.seo_title)
    .bind(article.seo_description)
    .bind(article.now)
    .bind(id)
    .bind(expected_version)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(done != 0)
}

async fn record_revision(
    tx: &mut crate::server::db::Tx,
    id: i64,
    version: i64,
    article: &ArticleWrite<'_>,
) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO article_revisions (article_id, version, title, slug, category, summary, body_md,
           hero_src, hero_alt, hero_decorative, seo_title, seo_description, saved_by, saved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(version)
    .bind(article.title)
    .bind(article.slug)
    .bind(article.category_name)
    .bind(article.written_summary)
    .bind(article.body_md)
    .bind(article.hero_src)
    .bind(article.hero_alt)
    .bind(article.hero_decorative)
    .bind(article.seo_title)
    .bind(article.seo_description)
    .bind(article.saved_by)
    .bind(article.now)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Sets article `id` to `status` at `now`, with `when` as its publication
/// time (see `editor::set_state` for the rules), with the audit entry `by`
/// in the same transaction; none is not found.
pub async fn set_status(
    db: &Db,
    id: i64,
    status: ArticleState,
    when: Option<&str>,
    by: &super::audit::Entry<'_>,
) -> Result<(), ServerError> {
    let mut audited = super::audit::Audited::begin(db).await?;
    // Publishing again keeps the first publication date; publishing a
    // scheduled article now dates it now; unpublishing keeps the date.
    let changed = crate::on_tx!(&mut audited.tx, c => sqlx::query(
            "UPDATE articles SET
           published_at = CASE
             WHEN $1 = 'published' AND status = 'scheduled' THEN $2
             WHEN $1 = 'published' THEN COALESCE(published_at, $2)
             WHEN $1 = 'scheduled' THEN $2
             ELSE published_at END,
           status = $1, updated_at = $3
         WHERE id = $4",
        )
        .bind(status.value())
        .bind(when)
        .bind(by.at)
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    audited.commit_one_row(changed, by).await
}

/// Deletes article `id` with every revision of it, in any language (an
/// article's id can be taken again by the next new one on SQLite, whose
/// translations must start from nothing), with the audit entry `by` in
/// the same transaction; none is not found.
pub async fn delete(db: &Db, id: i64, by: &super::audit::Entry<'_>) -> Result<(), ServerError> {
    let mut audited = super::audit::Audited::begin(db).await?;
    let tx = &mut audited.tx;
    crate::on_tx!(tx, c => sqlx::query("DELETE FROM content_revisions WHERE kind = 'article' AND content_id = $1")
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    let deleted = crate::on_tx!(tx, c => sqlx::query("DELETE FROM articles WHERE id = $1")
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    audited.commit_one_row(deleted, by).await
}

/// Publishes every scheduled article due at `now`, each audited once in
/// the same transaction; returns how many. Whichever servers run this at
/// once, each article is published (and audited) by exactly one: the
/// UPDATE runs under the audit lock, and the next one finds it published.
pub async fn publish_due(db: &Db, now: &str) -> Result<u64, ServerError> {
    const DUE: &str = "status = 'scheduled' AND published_at <= $1";
    // Most polls find nothing: they read, and take no lock.
    let due: bool = crate::on_pool!(db, c => sqlx::query_scalar(&format!("SELECT EXISTS (SELECT 1 FROM articles WHERE {DUE})"))
        .bind(now)
        .fetch_one(c).await)?;
    if !due {
        return Ok(0);
    }
    let mut tx = db.begin_serial(super::Serial::Audit).await?;
    let published: Vec<i64> = crate::on_tx!(&mut tx, c => sqlx::query_scalar(&format!(
        "UPDATE articles SET status = 'published', updated_at = $1 WHERE {DUE} RETURNING id"
    ))
    .bind(now)
    .fetch_all(c).await)?;
    for id in &published {
        super::audit::append_in(
            &mut tx,
            None,
            "article.published",
            Some(&id.to_string()),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(published.len() as u64)
}
