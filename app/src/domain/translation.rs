//! One shape for content in another language: what staff wrote in it, and
//! the version they opened, sent back with a save so a stale one is refused.

use super::Locale;
use serde::{Deserialize, Serialize};

/// `fields` of some content in `locale`, at `version` (0: not written yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation<T> {
    pub locale: Locale,
    pub version: i64,
    pub fields: T,
}
