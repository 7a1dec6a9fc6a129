//! An article as staff write it, and the rules it must pass to be saved.

use super::draft_errors::{DraftErrors, Field};
use super::media::MediaKey;
use super::Slug;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 150;
pub const SUMMARY_MAX: usize = 300;
pub const CATEGORY_MAX: usize = 60;
pub const BODY_MAX: usize = 100_000;
pub const ALT_MAX: usize = 250;

/// The editor's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub title: String,
    pub slug: String,
    pub category: String,
    pub summary: String,
    pub body_md: String,
    /// The hero image, uploaded first; its alt text is required unless
    /// staff say it is decorative. Defaults keep older saved drafts readable.
    #[serde(default)]
    pub hero: Option<MediaKey>,
    #[serde(default)]
    pub hero_alt: String,
    #[serde(default)]
    pub hero_decorative: bool,
    /// For search results and link previews; empty: the title and summary.
    #[serde(default)]
    pub seo_title: String,
    #[serde(default)]
    pub seo_description: String,
}

/// A draft that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDraft {
    pub title: String,
    pub slug: Slug,
    pub category: String,
    pub summary: String,
    pub body_md: String,
    pub hero: Option<ValidHero>,
    pub seo_title: String,
    pub seo_description: String,
}

/// A hero image with its alt text, or marked decorative (alt empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidHero {
    pub key: MediaKey,
    pub alt: String,
    pub decorative: bool,
}

impl ArticleDraft {
    // One step: every field's rule in form order, so all of what is wrong is said at once.
    pub fn validate(&self) -> Result<ValidDraft, DraftErrors> {
        let mut errors = DraftErrors::default();
        let mut add = |field: Field, message: String| errors.add(field, message);
        let title = self.title.trim();
        if title.is_empty() {
            add(Field::Title, "Give the article a title.".into());
        } else if title.chars().count() > TITLE_MAX {
            add(
                Field::Title,
                format!("Keep the title to {TITLE_MAX} characters."),
            );
        }
        let slug_source = if self.slug.trim().is_empty() {
            title
        } else {
            self.slug.trim()
        };
        let slug = if self.slug.trim().is_empty() {
            Slug::from_title(slug_source)
        } else {
            Slug::parse(slug_source)
        };
        if let Err(e) = &slug {
            if !title.is_empty() || !self.slug.trim().is_empty() {
                add(Field::Slug, format!("The address part: {e}"));
            }
        }
        let category = self.category.trim();
        if category.is_empty() {
            add(Field::Category, "Choose or type a category.".into());
        } else if category.chars().count() > CATEGORY_MAX || Slug::from_title(category).is_err() {
            add(Field::Category, format!("Use a category name of up to {CATEGORY_MAX} characters, with letters or digits."));
        }
        let summary = self.summary.trim();
        if summary.chars().count() > SUMMARY_MAX {
            add(Field::Summary, format!("Keep the summary to {SUMMARY_MAX} characters: it is the text search engines show."));
        }
        if self.body_md.trim().is_empty() {
            add(Field::BodyMd, "Write the article's text.".into());
        } else if self.body_md.chars().count() > BODY_MAX {
            add(
                Field::BodyMd,
                format!("The text is longer than {BODY_MAX} characters."),
            );
        }
        if self.seo_title.trim().chars().count() > TITLE_MAX {
            add(
                Field::SeoTitle,
                format!("Keep the search title to {TITLE_MAX} characters (about 60 show)."),
            );
        }
        if self.seo_description.trim().chars().count() > SUMMARY_MAX {
            add(
                Field::SeoDescription,
                format!(
                    "Keep the search description to {SUMMARY_MAX} characters (about 155 show)."
                ),
            );
        }
        let alt = self.hero_alt.trim();
        let hero = match &self.hero {
            Some(key) if self.hero_decorative => Some(ValidHero {
                key: key.clone(),
                alt: String::new(),
                decorative: true,
            }),
            Some(key) => {
                if alt.is_empty() {
                    add(
                        Field::HeroAlt,
                        "Describe the image for people who can't see it, or mark it decorative."
                            .into(),
                    );
                } else if alt.chars().count() > ALT_MAX {
                    add(
                        Field::HeroAlt,
                        format!("Keep the description to {ALT_MAX} characters."),
                    );
                }
                Some(ValidHero {
                    key: key.clone(),
                    alt: alt.to_owned(),
                    decorative: false,
                })
            }
            None => None,
        };
        match slug {
            Ok(slug) if errors.is_empty() => Ok(ValidDraft {
                title: title.to_owned(),
                slug,
                category: category.to_owned(),
                summary: summary.to_owned(),
                body_md: self.body_md.clone(),
                hero,
                seo_title: self.seo_title.trim().to_owned(),
                seo_description: self.seo_description.trim().to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests;
