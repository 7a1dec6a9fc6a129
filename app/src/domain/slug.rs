use serde::{Deserialize, Serialize};
use std::fmt;

/// The last part of an article's or service's address, e.g. `physical-therapy`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("The address part is empty.")]
    Empty,
    #[error("The address part is longer than {} characters.", Slug::MAX_LEN)]
    TooLong,
    #[error("Use only lowercase letters, digits and single hyphens between words.")]
    BadCharacters,
}

impl Slug {
    pub const MAX_LEN: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, SlugError> {
        if raw.is_empty() {
            return Err(SlugError::Empty);
        }
        if raw.len() > Self::MAX_LEN {
            return Err(SlugError::TooLong);
        }
        let allowed = raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !allowed || raw.starts_with('-') || raw.ends_with('-') || raw.contains("--") {
            return Err(SlugError::BadCharacters);
        }
        Ok(Self(raw.to_owned()))
    }

    /// Suggests a slug from a title: "Physical Therapy" -> `physical-therapy`.
    /// Letters outside ASCII are dropped; the result is still checked by `parse`.
    pub fn from_title(title: &str) -> Result<Self, SlugError> {
        let mut slug = String::with_capacity(title.len());
        for c in title.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if (c.is_whitespace() || c.is_ascii_punctuation())
                && !slug.ends_with('-')
                && c != '\''
                && c != '’'
            {
                slug.push('-');
            }
        }
        let trimmed = slug.trim_matches('-');
        let cut = match trimmed.char_indices().nth(Self::MAX_LEN) {
            Some((i, _)) => trimmed[..i].trim_end_matches('-'),
            None => trimmed,
        };
        Self::parse(cut)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = SlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> Self {
        slug.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_words_joined_by_hyphens() {
        for ok in [
            "acupuncture",
            "physical-therapy",
            "5-ways-that-acupuncture-helps",
        ] {
            assert_eq!(Slug::parse(ok).map(String::from), Ok(ok.to_owned()), "{ok}");
        }
    }

    #[test]
    fn suggests_a_slug_from_a_title() {
        let cases = [
            ("Physical Therapy", "physical-therapy"),
            (
                "5 Ways that Acupuncture Helps with Low Back Pain",
                "5-ways-that-acupuncture-helps-with-low-back-pain",
            ),
            ("What’s new? Don't miss it!", "whats-new-dont-miss-it"),
            ("  Pain & Scoliosis  ", "pain-scoliosis"),
        ];
        for (title, want) in cases {
            assert_eq!(
                Slug::from_title(title).map(String::from),
                Ok(want.to_owned()),
                "{title}"
            );
        }
        assert_eq!(Slug::from_title("¿¡!"), Err(SlugError::Empty));
        assert_eq!(
            Slug::from_title(&"word ".repeat(40)).map(|s| s.as_str().len() <= Slug::MAX_LEN),
            Ok(true)
        );
    }

    #[test]
    fn refuses_what_would_make_a_bad_address() {
        let cases = [
            ("empty", "", SlugError::Empty),
            ("uppercase", "Acupuncture", SlugError::BadCharacters),
            ("space", "low back", SlugError::BadCharacters),
            ("leading hyphen", "-pain", SlugError::BadCharacters),
            ("trailing hyphen", "pain-", SlugError::BadCharacters),
            ("double hyphen", "low--back", SlugError::BadCharacters),
            ("path traversal", "../admin", SlugError::BadCharacters),
            ("non-ascii", "café", SlugError::BadCharacters),
        ];
        for (name, raw, want) in cases {
            assert_eq!(Slug::parse(raw), Err(want), "case: {name}");
        }
        assert_eq!(
            Slug::parse(&"a".repeat(Slug::MAX_LEN + 1)),
            Err(SlugError::TooLong)
        );
    }
}
