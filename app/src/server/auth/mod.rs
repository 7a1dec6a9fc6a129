//! Staff sign-in: password hashing, accounts, sessions, throttling, and the
//! audit log. Every admin server function starts with [`require`].

pub mod accounts;
pub mod audit;
mod password;
mod session;
pub mod throttle;

pub use password::{hash_password, verify_password, PasswordHash};
pub use session::{current_staff, require, sign_in, sign_out, staff_for_session, SessionLimits};
