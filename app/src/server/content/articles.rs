//! Published articles as the public site reads them; the insert used by the
//! seed and the WordPress import is in `new_article`.

mod new_article;

pub use new_article::{insert, NewArticle, Status};

use super::{stored_slug, Timestamp};
use crate::domain::{
    Article, ArticleList, ArticleSummary, ArticleView, Category, HeroImage, PageNumber, Slug,
};
use crate::server::{media, ServerError};
use sqlx::SqlitePool;

/// How many related articles an article page shows.
pub const RELATED: i64 = 3;
/// Longest summary derived from a body when none is written.
pub const SUMMARY_MAX_CHARS: usize = 200;

const SUMMARY_COLUMNS: &str = "a.slug, a.title, a.summary, c.slug, c.name, a.published_at";
pub(crate) const PUBLIC: &str = "a.status = 'published' AND a.published_at IS NOT NULL";

type SummaryRow = (String, String, String, String, String, String);

fn summary_from_row(row: SummaryRow) -> Result<ArticleSummary, ServerError> {
    let (slug, title, summary, category_slug, category_name, published_at) = row;
    let published = Timestamp::parse_stored(&published_at)?;
    Ok(ArticleSummary {
        slug: stored_slug(&slug)?,
        title,
        summary,
        category: Category {
            slug: stored_slug(&category_slug)?,
            name: category_name,
        },
        published_on: published.iso_date(),
        published_label: published.label(),
    })
}

/// Published articles, newest first.
#[tracing::instrument(skip_all)]
pub async fn latest(db: &SqlitePool, limit: i64) -> Result<Vec<ArticleSummary>, ServerError> {
    sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
    ))
    .bind(limit)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(summary_from_row)
    .collect()
}

/// Categories that have at least one published article.
#[tracing::instrument(skip_all)]
pub async fn categories(db: &SqlitePool) -> Result<Vec<Category>, ServerError> {
    sqlx::query_as::<_, (String, String)>(&format!(
        "SELECT DISTINCT c.slug, c.name FROM categories c JOIN articles a ON a.category_id = c.id
         WHERE {PUBLIC} ORDER BY c.name"
    ))
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|(slug, name)| {
        Ok(Category {
            slug: stored_slug(&slug)?,
            name,
        })
    })
    .collect()
}

/// One page of the public list. An unknown category, or a page past the
/// end, is not found.
#[tracing::instrument(skip_all)]
pub async fn page(
    db: &SqlitePool,
    category: Option<&Slug>,
    page: PageNumber,
) -> Result<ArticleList, ServerError> {
    let categories = categories(db).await?;
    let category = match category {
        None => None,
        Some(slug) => Some(
            categories
                .iter()
                .find(|c| &c.slug == slug)
                .cloned()
                .ok_or(ServerError::NotFound)?,
        ),
    };
    let filter = category.as_ref().map(|c| c.slug.as_str().to_owned());
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} AND (?1 IS NULL OR c.slug = ?1)"
    ))
    .bind(&filter)
    .fetch_one(db)
    .await?;
    let size = i64::from(ArticleList::PAGE_SIZE);
    let total_pages = u32::try_from((total + size - 1) / size)
        .unwrap_or(u32::MAX)
        .max(1);
    if page.get() > total_pages {
        return Err(ServerError::NotFound);
    }
    let items = sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} AND (?1 IS NULL OR c.slug = ?1)
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?2 OFFSET ?3"
    ))
    .bind(&filter)
    .bind(size)
    .bind(i64::from(page.get() - 1) * size)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(summary_from_row)
    .collect::<Result<_, _>>()?;
    Ok(ArticleList {
        items,
        page,
        total_pages,
        categories,
        category,
    })
}

/// A published article with its related articles (same category, newest first).
#[tracing::instrument(skip_all)]
pub async fn view(db: &SqlitePool, slug: &Slug) -> Result<ArticleView, ServerError> {
    type ViewRow = (
        String,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        bool,
        String,
        i64,
        Option<String>,
        String,
        String,
        String,
    );
    let row = sqlx::query_as::<_, ViewRow>(&format!(
        "SELECT {SUMMARY_COLUMNS}, a.hero_alt, a.hero_decorative, a.body_html, a.category_id,
                a.published_at, a.updated_at, a.seo_title, a.seo_description
             FROM articles a JOIN categories c ON c.id = a.category_id
             WHERE {PUBLIC} AND a.slug = ?"
    ))
    .bind(slug.as_str())
    .fetch_optional(db)
    .await?
    .ok_or(ServerError::NotFound)?;
    let (s, t, su, cs, cn, p, hero_alt, hero_decorative, body_html, category_id) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9,
    );
    let (published_at, modified_at, seo_title, seo_description) = (row.10, row.11, row.12, row.13);
    let summary_row = (s, t, su, cs, cn, p);
    let image = sqlx::query_as::<_, media::Row>(&format!(
        "SELECT {} FROM media m JOIN articles a ON a.hero_src = m.key WHERE a.slug = ?",
        media::COLUMNS
    ))
    .bind(slug.as_str())
    .fetch_optional(db)
    .await?
    .map(media::from_row)
    .transpose()?;
    let hero = image.map(|image| HeroImage {
        image,
        alt: if hero_decorative {
            String::new()
        } else {
            hero_alt.unwrap_or_default()
        },
    });
    let article = Article {
        summary: summary_from_row(summary_row)?,
        hero,
        body_html,
        modified_at: modified_at.clone(),
        published_at: published_at.unwrap_or(modified_at),
        seo_title,
        seo_description,
    };
    let related = sqlx::query_as::<_, SummaryRow>(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN categories c ON c.id = a.category_id
         WHERE {PUBLIC} AND a.category_id = ? AND a.slug <> ?
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?"
    ))
    .bind(category_id)
    .bind(slug.as_str())
    .bind(RELATED)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(summary_from_row)
    .collect::<Result<_, _>>()?;
    Ok(ArticleView { article, related })
}
