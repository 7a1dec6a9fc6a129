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

fn summary_from_row(row: db::articles::SummaryRow) -> Result<ArticleSummary, ServerError> {
    let published = Timestamp::parse_stored(&row.published_at)?;
    Ok(ArticleSummary {
        slug: stored_slug(&row.slug)?,
        title: row.title,
        summary: row.summary,
        category: Category {
            slug: stored_slug(&row.category_slug)?,
            name: row.category_name,
        },
        published_on: published.iso_date(),
        published_label: published.label(),
        // Articles are written in English; translations come with the
        // editor's language tab.
        locale: Locale::En,
    })
}

/// The articles' dates as `locale` writes them ("13 dic 2023"), from the
/// clinic's date each already carries.
pub fn dated_in(locale: Locale, articles: &mut [ArticleSummary]) {
    for article in articles {
        let mut parts = article.published_on.splitn(3, '-').map(str::parse::<i32>);
        if let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) =
            (parts.next(), parts.next(), parts.next())
        {
            article.published_label = crate::server::i18n::date_short(
                locale,
                i16::try_from(year).unwrap_or_default(),
                u8::try_from(month).unwrap_or(1),
                u8::try_from(day).unwrap_or(1),
            );
        }
    }
}

/// The articles' titles and summaries in `locale` where translated (each
/// marked with the language it is in).
pub async fn translated_in(
    db: &Db,
    locale: Locale,
    articles: &mut [ArticleSummary],
) -> Result<(), ServerError> {
    if locale == Locale::En || articles.is_empty() {
        return Ok(());
    }
    let translations = db::articles::translations(db, locale.code()).await?;
    for article in articles {
        if let Some(t) = translations
            .iter()
            .find(|t| t.slug == article.slug.as_str())
        {
            article.title.clone_from(&t.title);
            article.summary.clone_from(&t.summary);
            article.locale = locale;
        }
    }
    Ok(())
}

/// An article in `locale` where translated: its text, with staff's search
/// overrides (written in English) left to the translation's title and
/// summary. Its related articles too.
pub async fn view_in(db: &Db, locale: Locale, view: &mut ArticleView) -> Result<(), ServerError> {
    translated_in(db, locale, &mut view.related).await?;
    if locale == Locale::En {
        return Ok(());
    }
    let article = &mut view.article;
    if let Some(t) =
        db::articles::translation(db, article.summary.slug.as_str(), locale.code()).await?
    {
        article.summary.title = t.title;
        article.summary.summary = t.summary;
        article.summary.locale = locale;
        article.body_html = t.body_html;
        article.seo_title.clear();
        article.seo_description.clear();
    }
    Ok(())
}

/// Adds or replaces an article's translation (validated).
pub async fn save_translation(
    db: &Db,
    id: i64,
    locale: Locale,
    t: &crate::domain::article_draft::ArticleTranslation,
) -> Result<(), ServerError> {
    db::articles::save_translation(
        db,
        id,
        locale.code(),
        &t.title,
        &t.summary,
        &t.body_md,
        &crate::server::markdown::render(&t.body_md),
    )
    .await
}

/// An article's translation as staff edit it (empty when there is none).
pub async fn translation_for_editing(
    db: &Db,
    id: i64,
    locale: Locale,
) -> Result<crate::domain::article_draft::ArticleTranslation, ServerError> {
    Ok(db::articles::translation_by_id(db, id, locale.code())
        .await?
        .map(|t| crate::domain::article_draft::ArticleTranslation {
            title: t.title,
            summary: t.summary,
            body_md: t.body_md,
        })
        .unwrap_or_default())
}

/// Published articles, newest first.
#[tracing::instrument(skip_all)]
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<ArticleSummary>, ServerError> {
    db::articles::latest(db, limit)
        .await?
        .into_iter()
        .map(summary_from_row)
        .collect()
}

/// Categories that have at least one published article.
#[tracing::instrument(skip_all)]
pub async fn categories(db: &Db) -> Result<Vec<Category>, ServerError> {
    db::articles::public_categories(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(Category {
                slug: stored_slug(&row.slug)?,
                name: row.name,
            })
        })
        .collect()
}

/// One page of the public list. An unknown category, or a page past the
/// end, is not found.
#[tracing::instrument(skip_all)]
pub async fn page(
    db: &Db,
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
    let items = db::articles::public_page(db, filter, size, offset)
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
pub async fn view(db: &Db, slug: &Slug) -> Result<ArticleView, ServerError> {
    let row = db::articles::public_by_slug(db, slug.as_str())
        .await?
        .ok_or(ServerError::NotFound)?;
    let image = db::media::hero_of_article(db, slug.as_str())
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
    let article = Article {
        // Public articles always have a publication date.
        published_at: row.summary.published_at.clone(),
        summary: summary_from_row(row.summary)?,
        hero,
        body_html: row.body_html,
        modified_at: row.updated_at,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
    };
    let related = db::articles::related(db, row.category_id, slug.as_str(), RELATED)
        .await?
        .into_iter()
        .map(summary_from_row)
        .collect::<Result<_, _>>()?;
    Ok(ArticleView { article, related })
}
