//! Everything that runs only on the server: state, database, content
//! queries, Markdown rendering and the first-start seed. Functions here
//! return this layer's own errors ([`ServerError`] and a few per subject);
//! the API layer (`crate::api`) maps them to what a browser is told.

pub mod auth;
pub mod content;
pub mod db;
pub mod editor;
pub mod error;
mod front_matter;
pub mod i18n;
pub mod json_ld;
pub mod markdown;
pub mod media;
pub mod media_store;
pub mod notify;
pub mod redirects;
pub mod requests;
pub mod schedule;
pub mod seed;
mod state;
pub mod vault;
pub mod workers;

pub use error::ServerError;
pub use state::AppState;
