//! Published articles as the public site reads them; the insert used by the
//! seed and the WordPress import is in `new_article`.

mod new_article;

pub use new_article::{insert, NewArticle};

use super::{stored_slug, Timestamp};
use crate::domain::{
    Article, ArticleList, ArticleSummary, ArticleView, Category, HeroImage, Locale, PageNumber,
    Slug,
};
use crate::server::db::{self, Db};
use crate::server::{media, ServerError};

/// How many related articles an article page shows.
pub const RELATED: i64 = 3;
/// Longest summary derived from a body when none is written.
pub const SUMMARY_MAX_CHARS: usize = 200;

/// An article as a list shows it in `locale`: its title, summary and
/// category in that language where translated (each marked with the
/// language it is in), its date as that language writes it.
fn summary_from_row(
    locale: Locale,
    row: db::articles::SummaryRow,
) -> Result<ArticleSummary, ServerError> {
    let published = Timestamp::parse_stored(&row.published_at)?;
    let in_locale = |translated: bool| if translated { locale } else { Locale::En };
    Ok(ArticleSummary {
        slug: stored_slug(&row.slug)?,
        title: row.title,
        summary: row.summary,
        category: Category {
            slug: stored_slug(&row.category_slug)?,
            name: row.category_name,
            locale: in_locale(row.category_translated),
        },
        published_on: published.iso_date(),
        published_label: published.label_in(locale),
        locale: in_locale(row.translated),
    })
}

/// Published articles, newest first.
#[tracing::instrument(skip_all)]
pub async fn latest(
    db: &Db,
    locale: Locale,
    limit: i64,
) -> Result<Vec<ArticleSummary>, ServerError> {
    db::articles::latest(db, locale.code(), limit)
        .await?
        .into_iter()
        .map(|row| summary_from_row(locale, row))
        .collect()
}

/// Categories that have at least one published article.
#[tracing::instrument(skip_all)]
pub async fn categories(db: &Db, locale: Locale) -> Result<Vec<Category>, ServerError> {
    db::articles::public_categories(db, locale.code())
        .await?
        .into_iter()
        .map(|row| {
            Ok(Category {
                slug: stored_slug(&row.slug)?,
                name: row.name,
                locale: if row.translated { locale } else { Locale::En },
            })
        })
        .collect()
}

/// One page of the public list. An unknown category, or a page past the
/// end, is not found.
#[tracing::instrument(skip_all)]
pub async fn page(
    db: &Db,
    locale: Locale,
    category: Option<&Slug>,
    page: PageNumber,
) -> Result<ArticleList, ServerError> {
    let categories = categories(db, locale).await?;
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
    let filter = category.as_ref().map(|c| c.slug.as_str());
    let total = db::articles::count_public(db, filter).await?;
    let size = i64::from(ArticleList::PAGE_SIZE);
    let total_pages = u32::try_from((total + size - 1) / size)
        .unwrap_or(u32::MAX)
        .max(1);
    if page.get() > total_pages {
        return Err(ServerError::NotFound);
    }
    let offset = i64::from(page.get() - 1) * size;
    let items = db::articles::public_page(db, locale.code(), filter, size, offset)
        .await?
        .into_iter()
        .map(|row| summary_from_row(locale, row))
        .collect::<Result<_, _>>()?;
    Ok(ArticleList {
        items,
        page,
        total_pages,
        categories,
        category,
    })
}

/// A published article in `locale` where translated, with its related
/// articles (same category, newest first).
#[tracing::instrument(skip_all)]
pub async fn view(db: &Db, locale: Locale, slug: &Slug) -> Result<ArticleView, ServerError> {
    let row = db::articles::public_by_slug(db, locale.code(), slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    let image = db::media::hero_of_article(db, &row.english_slug)
        .await?
        .map(media::from_row)
        .transpose()?;
    let hero = image.map(|image| HeroImage {
        image,
        alt: if row.hero_decorative {
            String::new()
        } else {
            row.hero_alt.unwrap_or_default()
        },
    });
    let english = stored_slug(&row.english_slug)?;
    let own = db::articles::translated_slugs_of(db, row.id).await?;
    let slugs = Locale::ALL
        .into_iter()
        .map(|l| {
            let slug = match own.iter().find(|t| t.locale == l.code()) {
                Some(t) => stored_slug(&t.slug)?,
                None => english.clone(),
            };
            Ok((l, slug))
        })
        .collect::<Result<_, ServerError>>()?;
    let article = Article {
        slugs,
        // Public articles always have a publication date.
        published_at: row.summary.published_at.clone(),
        summary: summary_from_row(locale, row.summary)?,
        hero,
        body_html: row.body_html,
        modified_at: row.updated_at,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
    };
    let related = db::articles::related(db, locale.code(), row.category_id, row.id, RELATED)
        .await?
        .into_iter()
        .map(|row| summary_from_row(locale, row))
        .collect::<Result<_, _>>()?;
    Ok(ArticleView { article, related })
}
