//! A service page as staff edit it, and the rules it must pass. The address
//! stays fixed: patients, links and search engines already use it.

use super::article_draft::{BODY_MAX, SUMMARY_MAX};
use super::draft_errors::{DraftErrors, Field};
use super::Slug;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 80;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDraft {
    pub name: String,
    pub summary: String,
    pub body_md: String,
    /// For search results and link previews; empty: the name and summary.
    #[serde(default)]
    pub seo_title: String,
    #[serde(default)]
    pub seo_description: String,
}

/// A service page open in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedService {
    pub slug: Slug,
    /// Sent back with a save: a save against an older version is refused.
    pub version: i64,
    pub draft: ServiceDraft,
    /// The page in each language besides English, empty where not yet
    /// written.
    pub translations: Vec<super::Translation<super::PageTranslation>>,
}

impl ServiceDraft {
    /// The draft trimmed, or what is wrong with it per field.
    pub fn validate(&self) -> Result<Self, DraftErrors> {
        let mut errors = DraftErrors::default();
        let name = check_name(&self.name, "Give the service a name.", &mut errors);
        let summary = check_summary(
            &self.summary,
            "Write a one-line summary: it shows in the services list and in search results.",
            &mut errors,
        );
        if self.body_md.trim().is_empty() {
            errors.add(Field::BodyMd, "Write the page's text.");
        } else if self.body_md.chars().count() > BODY_MAX {
            errors.add(
                Field::BodyMd,
                format!("The text is longer than {BODY_MAX} characters."),
            );
        }
        if self.seo_title.trim().chars().count() > NAME_MAX {
            errors.add(
                Field::SeoTitle,
                format!("Keep the search title to {NAME_MAX} characters."),
            );
        }
        if self.seo_description.trim().chars().count() > SUMMARY_MAX {
            errors.add(
                Field::SeoDescription,
                format!("Keep the search description to {SUMMARY_MAX} characters."),
            );
        }
        errors.or_ok(|| Self {
            name: name.to_owned(),
            summary: summary.to_owned(),
            body_md: self.body_md.clone(),
            seo_title: self.seo_title.trim().to_owned(),
            seo_description: self.seo_description.trim().to_owned(),
        })
    }
}

/// A service's name trimmed; missing or too long is said on `name`.
fn check_name<'a>(raw: &'a str, missing: &str, errors: &mut DraftErrors) -> &'a str {
    let name = raw.trim();
    if name.is_empty() {
        errors.add(Field::Name, missing);
    } else if name.chars().count() > NAME_MAX {
        errors.add(
            Field::Name,
            format!("Keep the name to {NAME_MAX} characters."),
        );
    }
    name
}

/// A service's summary trimmed; missing or too long is said on `summary`.
fn check_summary<'a>(raw: &'a str, missing: &str, errors: &mut DraftErrors) -> &'a str {
    let summary = raw.trim();
    if summary.is_empty() {
        errors.add(Field::Summary, missing);
    } else if summary.chars().count() > SUMMARY_MAX {
        errors.add(
            Field::Summary,
            format!("Keep the summary to {SUMMARY_MAX} characters."),
        );
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_required_and_limited() {
        let empty = ServiceDraft::default().validate().err().unwrap_or_default();
        for field in [Field::Name, Field::Summary, Field::BodyMd] {
            assert!(empty.get(field).is_some(), "{field:?}: {empty:?}");
        }
        let long = ServiceDraft {
            name: "n".repeat(NAME_MAX + 1),
            summary: "s".repeat(SUMMARY_MAX + 1),
            body_md: "b".repeat(BODY_MAX + 1),
            ..ServiceDraft::default()
        };
        let errors = long.validate().err().unwrap_or_default();
        assert_eq!(errors.0.len(), 3, "{errors:?}");
    }

    #[test]
    fn a_valid_draft_comes_back_trimmed() {
        let draft = ServiceDraft {
            name: " Acupuncture ".into(),
            summary: " Fine needles. ".into(),
            body_md: "Text.".into(),
            ..ServiceDraft::default()
        };
        assert_eq!(
            draft.validate().map(|d| (d.name, d.summary)),
            Ok(("Acupuncture".into(), "Fine needles.".into()))
        );
    }
}
