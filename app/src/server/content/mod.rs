//! Reads and writes of the clinic's public content.

pub mod articles;
pub mod clinic;
mod dates;
pub mod feeds;
mod last_read;
pub mod services;

pub use dates::{clinic_zone, now_utc, staff_time, use_clinic_zone, Timestamp, DEFAULT_ZONE};
pub use last_read::LastRead;

use super::ServerError;
use crate::domain::Slug;

/// A slug read back from the database; a bad one is corrupt data, not user error.
pub(crate) fn stored_slug(raw: &str) -> Result<Slug, ServerError> {
    Slug::parse(raw).map_err(|e| ServerError::Corrupt(format!("slug {raw:?}: {e}")))
}
