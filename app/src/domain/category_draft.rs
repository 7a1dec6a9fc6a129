//! An article category's name in another language, as staff write it.

use super::article_draft::CATEGORY_MAX;
use super::draft_errors::{DraftErrors, Field};
use super::{Slug, Translation};
use serde::{Deserialize, Serialize};

/// What a category is called in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryName {
    pub name: String,
}

impl CategoryName {
    /// The name trimmed, or what is wrong with it.
    pub fn validate(&self) -> Result<Self, DraftErrors> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(DraftErrors::on(
                Field::Name,
                "Give the category its name in this language.",
            ));
        }
        if name.chars().count() > CATEGORY_MAX {
            return Err(DraftErrors::on(
                Field::Name,
                format!("Keep the name to {CATEGORY_MAX} characters."),
            ));
        }
        Ok(Self {
            name: name.to_owned(),
        })
    }
}

/// A category open in the editor: its address and English name, and its
/// name in every other language (empty at version 0 where not yet given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedCategory {
    pub slug: Slug,
    pub name: String,
    pub translations: Vec<Translation<CategoryName>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_required_trimmed_and_limited() {
        let empty = CategoryName::default().validate();
        assert!(empty.is_err_and(|e| e.get(Field::Name).is_some()));
        let long = CategoryName {
            name: "n".repeat(CATEGORY_MAX + 1),
        };
        assert!(long.validate().is_err());
        let good = CategoryName {
            name: " Dolor de espalda ".into(),
        };
        assert_eq!(
            good.validate().map(|n| n.name),
            Ok("Dolor de espalda".into())
        );
    }
}
