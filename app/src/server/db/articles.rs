//! Articles as the public site, the feeds, the seed and the WordPress import
//! read and write them. Editing in the admin is in `editor`.

use super::Db;
use crate::domain::article_admin::ArticleState;
use crate::server::ServerError;

/// What a public article list shows of each article, in the language of
/// [`IN_LOCALE`]'s `$1` where translated, else as written; the address is
/// the one it has in that language.
const SUMMARY_COLUMNS: &str =
    "COALESCE(t.slug, a.slug) AS slug, COALESCE(t.title, a.title) AS title,
    COALESCE(t.summary, a.summary) AS summary, c.slug AS category_slug,
    COALESCE(ct.name, c.name) AS category_name, t.article_id IS NOT NULL AS translated,
    ct.slug IS NOT NULL AS category_translated, a.published_at";
/// Articles with their category and both's translation into the language `$1`.
const IN_LOCALE: &str = "articles a JOIN categories c ON c.id = a.category_id
    LEFT JOIN article_translations t ON t.article_id = a.id AND t.locale = $1
    LEFT JOIN category_translations ct ON ct.slug = c.slug AND ct.locale = $1";
/// Published, with a date: what patients may see.
const PUBLIC: &str = "a.status = 'published' AND a.published_at IS NOT NULL";

/// A published article in a list.
#[derive(Debug, sqlx::FromRow)]
pub struct SummaryRow {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category_slug: String,
    pub category_name: String,
    /// The title and summary are in the language asked for.
    pub translated: bool,
    /// The category's name is in the language asked for.
    pub category_translated: bool,
    pub published_at: String,
}

/// A published article's page.
#[derive(Debug, sqlx::FromRow)]
pub struct ArticleRow {
    #[sqlx(flatten)]
    pub summary: SummaryRow,
    pub id: i64,
    /// Its address as written; `summary.slug` is its address in the
    /// language asked for.
    pub english_slug: String,
    pub hero_alt: Option<String>,
    pub hero_decorative: bool,
    pub body_html: String,
    pub category_id: i64,
    pub updated_at: String,
    pub seo_title: String,
    pub seo_description: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct CategoryRow {
    pub slug: String,
    pub name: String,
    /// The name is in the language asked for.
    pub translated: bool,
}

/// A published article as the RSS feed and the sitemap list it.
#[derive(Debug, sqlx::FromRow)]
pub struct FeedRow {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub published_at: String,
    pub updated_at: String,
}

/// An article not imported from WordPress, found by its slug.
#[derive(Debug, sqlx::FromRow)]
pub struct UnlinkedRow {
    pub id: i64,
    pub title: String,
}

/// Published articles, newest first, in `locale` where translated.
pub async fn latest(db: &Db, locale: &str, limit: i64) -> Result<Vec<SummaryRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM {IN_LOCALE}
         WHERE {PUBLIC} ORDER BY a.published_at DESC, a.id DESC LIMIT $2"
    ))
    .bind(locale)
    .bind(limit)
    .fetch_all(c).await)?)
}

/// Categories that have at least one published article, by their name in
/// `locale` where translated.
pub async fn public_categories(db: &Db, locale: &str) -> Result<Vec<CategoryRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT DISTINCT c.slug, COALESCE(ct.name, c.name) AS name,
                ct.slug IS NOT NULL AS translated
         FROM categories c JOIN articles a ON a.category_id = c.id
         LEFT JOIN category_translations ct ON ct.slug = c.slug AND ct.locale = $1
         WHERE {PUBLIC} ORDER BY name"
    ))
    .bind(locale)
    .fetch_all(c).await)?)
}

/// How many published articles there are in `category` (a slug; `None`: all).
pub async fn count_public(db: &Db, category: Option<&str>) -> Result<i64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} AND ($1 IS NULL OR c.slug = $1)"
    ))
    .bind(category)
    .fetch_one(c).await)?)
}

/// One page of published articles in `category` (a slug; `None`: all),
/// newest first, in `locale` where translated.
pub async fn public_page(
    db: &Db,
    locale: &str,
    category: Option<&str>,
    limit: i64,
    offset: i64,
) -> Result<Vec<SummaryRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM {IN_LOCALE}
         WHERE {PUBLIC} AND ($2 IS NULL OR c.slug = $2)
         ORDER BY a.published_at DESC, a.id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(locale)
    .bind(category)
    .bind(limit)
    .bind(offset)
    .fetch_all(c).await)?)
}

/// A published article by its address in `locale`, its English one or
/// any other language's (the language switch keeps the address of the page
/// it leaves), in `locale` where translated. Staff's search title and
/// description are written for the article as written, so a translation
/// goes without them (its own title and summary serve).
pub async fn public_by_slug(
    db: &Db,
    locale: &str,
    slug: &str,
) -> Result<Option<ArticleRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.id, a.slug AS english_slug, a.hero_alt, a.hero_decorative,
                COALESCE(t.body_html, a.body_html) AS body_html, a.category_id, a.updated_at,
                CASE WHEN t.article_id IS NULL THEN a.seo_title ELSE '' END AS seo_title,
                CASE WHEN t.article_id IS NULL THEN a.seo_description ELSE '' END AS seo_description
             FROM {IN_LOCALE}
             WHERE {PUBLIC} AND (a.slug = $2
               OR a.id IN (SELECT article_id FROM article_translations WHERE slug = $2))
             ORDER BY CASE WHEN t.slug = $2 THEN 0 WHEN a.slug = $2 THEN 1 ELSE 2 END
             LIMIT 1"
    ))
    .bind(locale)
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// Other published articles of a category than article `except`, newest
/// first, in `locale` where translated.
pub async fn related(
    db: &Db,
    locale: &str,
    category_id: i64,
    except: i64,
    limit: i64,
) -> Result<Vec<SummaryRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM {IN_LOCALE}
         WHERE {PUBLIC} AND a.category_id = $2 AND a.id <> $3
         ORDER BY a.published_at DESC, a.id DESC LIMIT $4"
    ))
    .bind(locale)
    .bind(category_id)
    .bind(except)
    .bind(limit)
    .fetch_all(c).await)?)
}

/// A published article's own address in another language.
#[derive(Debug, sqlx::FromRow)]
pub struct TranslatedSlugRow {
    /// The article's English address.
    pub english_slug: String,
    pub locale: String,
    pub slug: String,
}

/// Every published article's own addresses in other languages (an
/// article without one keeps its English address there).
pub async fn translated_slugs(db: &Db) -> Result<Vec<TranslatedSlugRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT a.slug AS english_slug, t.locale, t.slug
         FROM articles a JOIN article_translations t ON t.article_id = a.id
         WHERE {PUBLIC} AND t.slug IS NOT NULL ORDER BY a.id, t.locale"
    ))
    .fetch_all(c).await)?)
}

/// Article `id`'s own addresses in other languages.
pub async fn translated_slugs_of(db: &Db, id: i64) -> Result<Vec<TranslatedSlugRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT a.slug AS english_slug, t.locale, t.slug
         FROM articles a JOIN article_translations t ON t.article_id = a.id
         WHERE a.id = $1 AND t.slug IS NOT NULL ORDER BY t.locale",
    )
    .bind(id)
    .fetch_all(c).await)?)
}

/// The newest `limit` published articles (every one when `None`).
pub async fn for_feed(db: &Db, limit: Option<i64>) -> Result<Vec<FeedRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(&format!(
        "SELECT a.slug, a.title, a.summary, c.name AS category, a.published_at, a.updated_at
         FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} ORDER BY a.published_at DESC, a.id DESC LIMIT $1"
    ))
    .bind(limit.unwrap_or(i64::MAX))
    .fetch_all(c).await)?)
}

/// An article as the seed, the WordPress import or a test stores it: the
/// summary and HTML already derived.
pub struct NewArticleRow<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub category_slug: &'a str,
    pub category_name: &'a str,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub hero_src: Option<&'a str>,
    pub hero_alt: Option<&'a str>,
    pub hero_decorative: bool,
    pub status: ArticleState,
    pub published_at: Option<String>,
    pub wordpress_id: Option<i64>,
    /// Its `created_at` and `updated_at`.
    pub now: &'a str,
}

/// Stores an article, creating its category if it is new.
pub async fn insert(db: &Db, article: &NewArticleRow<'_>) -> Result<(), ServerError> {
    let mut tx = db.begin().await?;
    ensure_category(&mut tx, article.category_slug, article.category_name).await?;
    crate::on_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO articles (slug, title, summary, category_id, body_md, body_html, hero_src,
           hero_alt, hero_decorative, status, published_at, created_at, updated_at, wordpress_id)
         VALUES ($1, $2, $3, (SELECT id FROM categories WHERE slug = $4), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
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
    .bind(article.status.value())
    .bind(&article.published_at)
    .bind(article.now)
    .bind(article.now)
    .bind(article.wordpress_id)
    .execute(c).await.map(|done| done.rows_affected()))?;
    tx.commit().await?;
    Ok(())
}

/// Creates a category unless its slug exists.
pub(super) async fn ensure_category(
    tx: &mut crate::server::db::Tx,
    slug: &str,
    name: &str,
) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO categories (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(slug)
    .bind(name)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The slug of the article imported from WordPress post `wordpress_id`.
pub async fn slug_of_wordpress_post(
    db: &Db,
    wordpress_id: i64,
) -> Result<Option<String>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT slug FROM articles WHERE wordpress_id = $1")
            .bind(wordpress_id)
            .fetch_optional(c).await)?,
    )
}

/// The article at `slug` that did not come from WordPress, if any; an
/// article with `slug` as its address in another language is returned
/// without a title, so the import never takes it for the same post.
pub async fn unlinked_by_slug(db: &Db, slug: &str) -> Result<Option<UnlinkedRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT id, title FROM articles WHERE slug = $1 AND wordpress_id IS NULL
         UNION ALL
         SELECT article_id AS id, '' AS title FROM article_translations WHERE slug = $1
         LIMIT 1",
    )
    .bind(slug)
    .fetch_optional(c).await)?)
}

/// Records that article `id` is WordPress post `wordpress_id`.
pub async fn link_to_wordpress(db: &Db, id: i64, wordpress_id: i64) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query("UPDATE articles SET wordpress_id = $1 WHERE id = $2")
        .bind(wordpress_id)
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// An article's text in one language, as staff edit it.
#[derive(Debug, sqlx::FromRow)]
pub struct TranslationRow {
    pub locale: String,
    pub version: i64,
    /// `None`: the English address.
    pub slug: Option<String>,
    pub title: String,
    pub summary: String,
    pub body_md: String,
}

/// Article `id` in every language it is translated into (writes go
/// through `db::translations`).
pub async fn translations_by_id(db: &Db, id: i64) -> Result<Vec<TranslationRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT locale, version, slug, title, summary, body_md FROM article_translations
         WHERE article_id = $1 ORDER BY locale",
    )
    .bind(id)
    .fetch_all(c).await)?)
}
