//! The admin's server functions. Each one starts by checking the session
//! and the role on the server (`server::auth::require`): the pages only
//! decide what to show.

pub mod accounts;
pub mod articles;
pub mod auth;
pub mod clinic;
pub mod inbox;
pub mod redirects;
pub mod services;
