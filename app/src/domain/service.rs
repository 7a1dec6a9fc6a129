use super::{Locale, Slug};
use serde::{Deserialize, Serialize};

/// A service as lists show it, in the language asked for where it is
/// translated: `slug` is its address in that language, `locale` the
/// language its name and summary are written in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub slug: Slug,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub locale: Locale,
}

/// A service page, its body already rendered and sanitised by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub summary: ServiceSummary,
    pub body_html: String,
    /// The language the body is written in (a translation may have a name
    /// and summary only).
    #[serde(default)]
    pub body_locale: Locale,
    /// The page's address in every language, English first.
    #[serde(default)]
    pub slugs: Vec<(Locale, Slug)>,
    /// Staff's choice for search results; empty: the name and summary.
    pub seo_title: String,
    pub seo_description: String,
}

impl Service {
    /// The page's slug in `locale` (its English one when not translated).
    pub fn slug_in(&self, locale: Locale) -> &Slug {
        self.slugs
            .iter()
            .find(|(l, _)| *l == locale)
            .map_or(&self.summary.slug, |(_, slug)| slug)
    }
}
