//! Server functions, one file per area. Each one: let staff in (if the data
//! is private) -> parse -> call `crate::server` -> `?`. Errors leave through
//! [`ApiError`], which decides its own status (`server/response.rs`).

pub mod admin;
pub mod booking;
pub mod content;
mod error;
pub mod request;
#[cfg(feature = "ssr")]
pub mod server;

pub use error::{ApiError, RETRY_SOON_SECS};

/// Gives the page being rendered the status of the error it shows.
#[cfg(feature = "ssr")]
pub use server::set_page_status;
/// In the browser a page has no status: nothing to set.
#[cfg(not(feature = "ssr"))]
pub fn set_page_status(_: &ApiError) {}

/// Sends the page being rendered to its own address (`302`): a page
/// reached by another of its addresses, such as a service by its English
/// slug under `/es`.
#[cfg(feature = "ssr")]
pub use server::redirect_page;
/// The browser never renders patients' pages: nothing to redirect.
#[cfg(not(feature = "ssr"))]
pub fn redirect_page(_: &str) {}
