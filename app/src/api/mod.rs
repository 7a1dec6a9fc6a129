//! Server functions, one file per area. Each one: check access -> parse ->
//! call `crate::server` -> map the error.

pub mod admin;
pub mod consultation;
pub mod content;
mod error;

pub use error::ApiError;
