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
pub mod two_factor;

pub use access::{
    AccessError, Administers, AnyStaff, EditsContent, Enrolling, HandlesRequests, Need, Permission,
    Staff,
};
pub use password::{hash_password, verify_password, PasswordHash};
pub use session::{end as end_session, SessionLimits};
/// What a session keeps during sign-in and enrolment.
pub mod session_secrets {
    pub use super::session::{clear_enrolling, enrolling, set_enrolling};
}
pub use sign_in::{
    with_code as sign_in_with_code, with_password as sign_in_with_password, SignInError,
};
