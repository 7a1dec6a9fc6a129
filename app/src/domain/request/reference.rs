use serde::{Deserialize, Serialize};
use std::fmt;

/// What a patient can quote when they call: `CR-7K3Q-9F2D`. Random, so it
/// reveals nothing about how many requests the clinic gets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference(String);

impl Reference {
    /// Letters and digits that can't be mistaken for each other on the phone.
    pub const ALPHABET: &'static [u8] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
    const PREFIX: &'static str = "CR-";

    /// Builds a reference from eight random bytes.
    pub fn from_random(bytes: [u8; 8]) -> Self {
        Self(code(Self::PREFIX, bytes))
    }

    pub fn parse(raw: &str) -> Option<Self> {
        parse_code(Self::PREFIX, raw).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `<prefix>XXXX-XXXX` from eight random bytes, in [`Reference::ALPHABET`]:
/// the shape of every reference a patient quotes (requests, appointments).
pub(crate) fn code(prefix: &str, bytes: [u8; 8]) -> String {
    let alphabet = Reference::ALPHABET;
    let chars: String = bytes
        .iter()
        .map(|b| char::from(alphabet[usize::from(*b) % alphabet.len()]))
        .collect();
    format!("{prefix}{}-{}", &chars[..4], &chars[4..])
}

/// `raw` as a reference with `prefix` (typed in any case, spaces around).
pub(crate) fn parse_code(prefix: &str, raw: &str) -> Option<String> {
    let raw = raw.trim().to_ascii_uppercase();
    let body = raw.strip_prefix(prefix)?;
    let (a, b) = body.split_once('-')?;
    let valid =
        |part: &str| part.len() == 4 && part.bytes().all(|c| Reference::ALPHABET.contains(&c));
    (valid(a) && valid(b)).then_some(raw)
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Reference {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value).ok_or_else(|| format!("{value:?} is not a request reference"))
    }
}

impl From<Reference> for String {
    fn from(r: Reference) -> Self {
        r.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_readable_and_round_trip() {
        let r = Reference::from_random([0, 1, 2, 3, 250, 251, 252, 253]);
        assert_eq!(r.as_str().len(), 12);
        assert!(r.as_str().starts_with("CR-"));
        assert_eq!(Reference::parse(r.as_str()), Some(r.clone()));
        assert_eq!(Reference::parse(&r.as_str().to_lowercase()), Some(r));
        for bad in [
            "",
            "CR-",
            "CR-0000-0000",
            "CR-ABCD",
            "XX-ABCD-EFGH",
            "CR-ABCD-EFGHI",
        ] {
            assert_eq!(Reference::parse(bad), None, "{bad}");
        }
    }
}
