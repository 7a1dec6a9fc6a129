use serde::{Deserialize, Serialize};

/// A 1-based page of a paginated list. Anything unreadable means the first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: Self = Self(1);
    /// Far beyond any real list; keeps offsets small.
    pub const MAX: u32 = 10_000;

    pub fn parse(raw: Option<&str>) -> Self {
        raw.and_then(|r| r.trim().parse::<u32>().ok())
            .filter(|n| (1..=Self::MAX).contains(n))
            .map_or(Self::FIRST, Self)
    }

    pub fn new(n: u32) -> Self {
        Self(n.clamp(1, Self::MAX))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for PageNumber {
    fn default() -> Self {
        Self::FIRST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_page_from_the_query_or_falls_back_to_the_first() {
        let cases = [
            ("absent", None, 1),
            ("two", Some("2"), 2),
            ("zero", Some("0"), 1),
            ("negative", Some("-3"), 1),
            ("text", Some("next"), 1),
            ("huge", Some("99999999999"), 1),
        ];
        for (name, raw, want) in cases {
            assert_eq!(PageNumber::parse(raw).get(), want, "case: {name}");
        }
    }
}
