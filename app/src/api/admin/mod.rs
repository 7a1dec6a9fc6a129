//! The admin's server functions. Each one starts by letting staff in
//! (`api::server::staff::<Permission>()`, the same extractor the plain admin
//! routes take): the pages only decide what to show.

#[cfg(feature = "ssr")]
pub mod access;
pub mod accounts;
pub mod appointment_types;
pub mod articles;
pub mod auth;
pub mod categories;
pub mod clinic;
pub mod redirects;
pub mod requests;
pub mod schedule;
pub mod services;
