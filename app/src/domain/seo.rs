//! What a page tells search engines and link previews: its kind, share
//! image and breadcrumbs. The JSON-LD graph built from them is server-only
//! (`server::json_ld`).

use super::Locale;

/// The image a shared link shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareImage {
    /// A path on this site ("/media/…") or an absolute URL.
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl ShareImage {
    /// The clinic's icon: what a link to a page without its own image shows.
    pub fn site_icon(clinic_name: &str) -> Self {
        Self {
            path: "/icon-512.png".to_owned(),
            width: 512,
            height: 512,
            alt: format!("{clinic_name} logo"),
        }
    }
}

/// What kind of page this is, for `og:type` and the structured data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PageKind {
    Home,
    #[default]
    Page,
    Service,
    Article {
        /// RFC 3339.
        published: String,
        modified: String,
        /// The category's name.
        section: String,
    },
}

/// One page's head, as search engines and link previews read it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageSeo {
    /// The page's address in each language (`hreflang`); empty: the same
    /// page's address in each (`Pages::translate`). Pages whose slug is
    /// translated (services) name theirs.
    pub alternates: Vec<(Locale, String)>,
    /// The page's own name (not the full `<title>`).
    pub name: String,
    pub description: String,
    /// Path of the canonical address.
    pub path: String,
    pub kind: PageKind,
    pub image: Option<ShareImage>,
    /// (name, path) from home to this page's parent; this page comes last.
    pub trail: Vec<(String, String)>,
}

impl PageSeo {
    /// A plain public page at `path`.
    pub fn page(
        name: impl Into<String>,
        description: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        Self {
            name: name.into(),
            description: description.into(),
            path: path.into(),
            ..Self::default()
        }
    }

    /// The pages between home and this one, as (name, path).
    pub fn under(mut self, trail: &[(&str, &str)]) -> Self {
        self.trail = trail
            .iter()
            .map(|(n, p)| ((*n).to_owned(), (*p).to_owned()))
            .collect();
        self
    }
}

/// Staff's override when they wrote one, else the default.
pub fn or(custom: &str, default: &str) -> String {
    if custom.trim().is_empty() {
        default.to_owned()
    } else {
        custom.trim().to_owned()
    }
}

impl PageSeo {
    /// Every language's address of this page, English first.
    pub fn addresses(&self) -> Vec<(Locale, String)> {
        if !self.alternates.is_empty() {
            return self.alternates.clone();
        }
        Locale::ALL
            .into_iter()
            .filter_map(|l| crate::routes::Pages::translate(&self.path, l).map(|p| (l, p)))
            .collect()
    }
}

/// `base` + `path`, unless `path` is already absolute.
pub fn absolute(base: &str, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        path.to_owned()
    } else {
        format!("{}{path}", base.trim_end_matches('/'))
    }
}
