use super::media::StoredImage;
use super::{Locale, PageNumber, Slug};
use serde::{Deserialize, Serialize};

/// A topic articles are filed under, e.g. "Acupuncture".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub slug: Slug,
    pub name: String,
    /// The language `name` is in (the page's, unless not translated yet).
    #[serde(default)]
    pub locale: Locale,
}

/// What a list shows of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: Slug,
    pub title: String,
    pub summary: String,
    pub category: Category,
    /// ISO date, for `<time datetime>`.
    pub published_on: String,
    /// The date as patients read it: "Dec 13, 2023".
    pub published_label: String,
    /// The language the title and summary are written in.
    #[serde(default)]
    pub locale: Locale,
}

/// An image at the top of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeroImage {
    pub image: StoredImage,
    /// Empty when staff marked the image decorative.
    pub alt: String,
}

/// A published article, its body already rendered and sanitised by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// `summary.slug` is its address in the page's language.
    pub summary: ArticleSummary,
    /// Its address in every language (the English one where it has no
    /// other), English first.
    #[serde(default)]
    pub slugs: Vec<(Locale, Slug)>,
    pub hero: Option<HeroImage>,
    pub body_html: String,
    /// RFC 3339, for link previews and structured data.
    pub published_at: String,
    pub modified_at: String,
    /// Staff's choice for search results; empty: the title and summary.
    pub seo_title: String,
    pub seo_description: String,
}

/// An article with the related articles shown under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub article: Article,
    pub related: Vec<ArticleSummary>,
}

/// One page of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    pub items: Vec<ArticleSummary>,
    pub page: PageNumber,
    pub total_pages: u32,
    pub categories: Vec<Category>,
    pub category: Option<Category>,
}

impl ArticleList {
    pub const PAGE_SIZE: u32 = 10;

    pub fn has_previous(&self) -> bool {
        self.page.get() > 1
    }

    pub fn has_next(&self) -> bool {
        self.page.get() < self.total_pages
    }
}
