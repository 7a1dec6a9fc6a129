//! What is wrong with something staff typed, said beside the field it is
//! about. Fields are named by a type, not a string, so an editor cannot
//! look for an error under a name no rule uses.

use serde::{Deserialize, Serialize};

/// Every field an editor has. The serialized names are what the server
/// sends back with a refused save (`InvalidDraft`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Name,
    Slug,
    Category,
    Summary,
    BodyMd,
    Hero,
    HeroAlt,
    SeoTitle,
    SeoDescription,
    Tagline,
    Description,
    About,
    AreaServed,
    Phone,
    Email,
    Address,
    Hours,
    Specialties,
    Social,
    From,
    To,
    Photo,
    PhotoAlt,
    Languages,
    OtherNames,
    Duration,
    Buffers,
}

impl Field {
    /// The field's name in element ids ("article-body_md-error").
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Name => "name",
            Field::Slug => "slug",
            Field::Category => "category",
            Field::Summary => "summary",
            Field::BodyMd => "body_md",
            Field::Hero => "hero",
            Field::HeroAlt => "hero_alt",
            Field::SeoTitle => "seo_title",
            Field::SeoDescription => "seo_description",
            Field::Tagline => "tagline",
            Field::Description => "description",
            Field::About => "about",
            Field::AreaServed => "area_served",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Address => "address",
            Field::Hours => "hours",
            Field::Specialties => "specialties",
            Field::Social => "social",
            Field::From => "from",
            Field::To => "to",
            Field::Photo => "photo",
            Field::PhotoAlt => "photo_alt",
            Field::Languages => "languages",
            Field::OtherNames => "other_names",
            Field::Duration => "duration",
            Field::Buffers => "buffers",
        }
    }
}

/// What is wrong, per field, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftErrors(pub Vec<(Field, String)>);

impl DraftErrors {
    /// One error, on `field`.
    pub fn on(field: Field, message: impl Into<String>) -> Self {
        Self(vec![(field, message.into())])
    }

    pub fn add(&mut self, field: Field, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `valid` when nothing was found wrong.
    pub fn or_ok<T>(self, valid: impl FnOnce() -> T) -> Result<T, Self> {
        if self.0.is_empty() {
            Ok(valid())
        } else {
            Err(self)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_travel_under_the_fields_ids() {
        let errors = DraftErrors::on(Field::BodyMd, "Write the text.");
        let json = serde_json::to_string(&errors).unwrap_or_default();
        assert_eq!(json, r#"[["body_md","Write the text."]]"#);
        assert_eq!(Field::BodyMd.name(), "body_md");
        let back: DraftErrors = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back.get(Field::BodyMd), Some("Write the text."));
        assert_eq!(back.get(Field::Title), None);
    }
}
