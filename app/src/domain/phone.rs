use serde::{Deserialize, Serialize};
use std::fmt;

/// A US phone number, kept as its ten digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("Enter a 10-digit US phone number, for example (732) 345-1377.")]
    NotTenDigits,
    #[error("A phone number can hold only digits, spaces, and ( ) - . + characters.")]
    BadCharacters,
}

impl Phone {
    /// Accepts the ways people write US numbers: `(732) 345-1377`,
    /// `732.345.1377`, `+1 732 345 1377`, `17323451377`.
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let raw = raw.trim();
        if !raw
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-.+".contains(c))
        {
            return Err(PhoneError::BadCharacters);
        }
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let national = match digits.len() {
            10 => digits,
            11 if digits.starts_with('1') => digits[1..].to_owned(),
            _ => return Err(PhoneError::NotTenDigits),
        };
        // North American numbers never start an area code or exchange with 0 or 1.
        let bytes = national.as_bytes();
        if matches!(bytes[0], b'0' | b'1') || matches!(bytes[3], b'0' | b'1') {
            return Err(PhoneError::NotTenDigits);
        }
        Ok(Self(national))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    /// The `href` of a click-to-call link.
    pub fn tel_href(&self) -> String {
        format!("tel:+1{}", self.0)
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "({}) {}-{}", &d[0..3], &d[3..6], &d[6..10])
    }
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Phone> for String {
    fn from(phone: Phone) -> Self {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_common_ways_of_writing_a_number() {
        for raw in [
            "(732) 345-1377",
            "732-345-1377",
            "732.345.1377",
            "+1 732 345 1377",
            "17323451377",
            " 7323451377 ",
        ] {
            let phone = Phone::parse(raw).map_err(|e| format!("{raw}: {e}"));
            assert_eq!(phone.as_ref().map(Phone::digits), Ok("7323451377"), "{raw}");
        }
    }

    #[test]
    fn displays_and_links_the_way_patients_expect() {
        let phone = Phone::parse("7323451377").map_err(|e| e.to_string());
        assert_eq!(
            phone.as_ref().map(ToString::to_string),
            Ok("(732) 345-1377".to_owned())
        );
        assert_eq!(
            phone.map(|p| p.tel_href()),
            Ok("tel:+17323451377".to_owned())
        );
    }

    #[test]
    fn refuses_numbers_that_cannot_be_dialled() {
        let cases = [
            ("too short", "345-1377", PhoneError::NotTenDigits),
            ("too long", "732 345 1377 9", PhoneError::NotTenDigits),
            (
                "11 digits not starting with 1",
                "27323451377",
                PhoneError::NotTenDigits,
            ),
            (
                "area code starting with 0",
                "032 345 1377",
                PhoneError::NotTenDigits,
            ),
            (
                "exchange starting with 1",
                "732 145 1377",
                PhoneError::NotTenDigits,
            ),
            ("letters", "732-FLOWERS", PhoneError::BadCharacters),
            ("empty", "", PhoneError::NotTenDigits),
        ];
        for (name, raw, want) in cases {
            assert_eq!(Phone::parse(raw), Err(want), "case: {name}");
        }
    }
}
