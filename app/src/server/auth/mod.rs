//! Staff sign-in: password hashing, accounts, sessions, throttling, and the
//! audit log. Every route and server function that touches private data
//! lets staff in through [`Staff`] (`access.rs`).

mod access;
pub mod accounts;
pub mod audit;
mod password;
mod session;
mod sign_in;
pub mod throttle;

pub use access::{
    AccessError, Administers, AnyStaff, EditsContent, HandlesRequests, Permission, Staff,
};
pub use password::{hash_password, verify_password, PasswordHash};
pub use session::{end as end_session, SessionLimits};
pub use sign_in::{with_password as sign_in_with_password, SignInError};
