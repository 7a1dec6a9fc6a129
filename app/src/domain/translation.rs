//! One shape for content in another language: what staff wrote in it, and
//! the version they opened, sent back with a save so a stale one is refused.
//! Articles and service pages are translated alike: an address, a heading,
//! a summary and a text; they differ only in the rules below.

use super::article_draft::{BODY_MAX, SUMMARY_MAX, TITLE_MAX};
use super::draft_errors::{DraftErrors, Field};
use super::service_draft::NAME_MAX;
use super::{Locale, Slug};
use serde::{Deserialize, Serialize};

/// `fields` of some content in `locale`, at `version` (0: not written yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation<T> {
    pub locale: Locale,
    pub version: i64,
    pub fields: T,
}

/// A page in another language as staff type it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageTranslation {
    /// Its address in that language; see [`Translated::address_required`].
    #[serde(default)]
    pub slug: String,
    /// An article's title or a service's name.
    pub title: String,
    pub summary: String,
    pub body_md: String,
}

/// A translation that passed its rules, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPageTranslation {
    /// `None`: the page keeps its English address in this language.
    pub slug: Option<Slug>,
    pub title: String,
    pub summary: String,
    pub body_md: String,
}

/// What is translated; the rules that differ between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Translated {
    Article,
    Service,
}

impl Translated {
    /// A service page is found by its name in each language; an article
    /// may keep its English address.
    pub fn address_required(self) -> bool {
        self == Translated::Service
    }

    /// Without its own text a service page shows the English one with a
    /// note; an article is its text.
    pub fn body_required(self) -> bool {
        self == Translated::Article
    }

    pub fn title_max(self) -> usize {
        match self {
            Translated::Article => TITLE_MAX,
            Translated::Service => NAME_MAX,
        }
    }

    /// The heading's field: an article's title, a service's name.
    pub fn title_field(self) -> Field {
        match self {
            Translated::Article => Field::Title,
            Translated::Service => Field::Name,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Translated::Article => "article",
            Translated::Service => "service",
        }
    }
}

impl PageTranslation {
    /// The translation trimmed, or what is wrong with it per field.
    pub fn validate(&self, kind: Translated) -> Result<ValidPageTranslation, DraftErrors> {
        let mut errors = DraftErrors::default();
        let raw_slug = self.slug.trim();
        let slug = if raw_slug.is_empty() && !kind.address_required() {
            None
        } else {
            Slug::parse(raw_slug)
                .map_err(|_| {
                    errors.add(
                        Field::Slug,
                        "Write the address in lower-case letters, digits and hyphens, for example acupuntura.",
                    );
                })
                .ok()
        };
        let title = self.title.trim();
        let heading = kind.title_field();
        if title.is_empty() {
            errors.add(
                heading,
                format!(
                    "Give the {} its {} in this language.",
                    kind.noun(),
                    heading.name()
                ),
            );
        } else if title.chars().count() > kind.title_max() {
            errors.add(
                heading,
                format!(
                    "Keep the {} to {} characters.",
                    heading.name(),
                    kind.title_max()
                ),
            );
        }
        let summary = self.summary.trim();
        if summary.is_empty() {
            errors.add(
                Field::Summary,
                "Write the summary in this language: lists and search results show it.",
            );
        } else if summary.chars().count() > SUMMARY_MAX {
            errors.add(
                Field::Summary,
                format!("Keep the summary to {SUMMARY_MAX} characters."),
            );
        }
        let body = self.body_md.trim();
        if body.is_empty() && kind.body_required() {
            errors.add(Field::BodyMd, "Write the text in this language.");
        } else if body.chars().count() > BODY_MAX {
            errors.add(
                Field::BodyMd,
                format!("The text is longer than {BODY_MAX} characters."),
            );
        }
        errors.or_ok(|| ValidPageTranslation {
            slug,
            title: title.to_owned(),
            summary: summary.to_owned(),
            body_md: body.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(t: &PageTranslation, kind: Translated) -> DraftErrors {
        t.validate(kind).err().unwrap_or_default()
    }

    #[test]
    fn a_service_needs_an_address_a_name_and_a_summary_but_no_text() {
        let empty = errors(&PageTranslation::default(), Translated::Service);
        for field in [Field::Slug, Field::Name, Field::Summary] {
            assert!(empty.get(field).is_some(), "{field:?}: {empty:?}");
        }
        assert!(empty.get(Field::BodyMd).is_none());
        let bad = PageTranslation {
            slug: "Acupuntura China".into(),
            title: "Acupuntura".into(),
            summary: "Agujas finas.".into(),
            body_md: String::new(),
        };
        assert!(errors(&bad, Translated::Service).get(Field::Slug).is_some());
        let good = PageTranslation {
            slug: " acupuntura ".into(),
            ..bad
        };
        assert_eq!(
            good.validate(Translated::Service)
                .map(|t| t.slug.map(|s| s.to_string())),
            Ok(Some("acupuntura".into()))
        );
    }

    #[test]
    fn an_article_needs_a_title_a_summary_and_its_text_and_may_keep_its_address() {
        let empty = errors(&PageTranslation::default(), Translated::Article);
        for field in [Field::Title, Field::Summary, Field::BodyMd] {
            assert!(empty.get(field).is_some(), "{field:?}: {empty:?}");
        }
        assert!(empty.get(Field::Slug).is_none());
        let article = PageTranslation {
            slug: String::new(),
            title: " Título ".into(),
            summary: "Resumen.".into(),
            body_md: "Texto.".into(),
        };
        let valid = article.validate(Translated::Article);
        assert_eq!(
            valid.map(|t| (t.slug, t.title)),
            Ok((None, "Título".to_owned()))
        );
        let long = PageTranslation {
            title: "t".repeat(TITLE_MAX + 1),
            ..article
        };
        assert!(errors(&long, Translated::Article)
            .get(Field::Title)
            .is_some());
    }
}
