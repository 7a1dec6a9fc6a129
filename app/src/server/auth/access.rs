//! The one way in for staff: [`Staff<P>`] is an axum extractor that finds
//! the signed-in member of a request and checks their role against `P`.
//! Plain routes take it as an argument; server functions extract it first
//! (`crate::api::server::staff`). Both answer 401 or 403 before any work.

use super::session::staff_for_session;
use crate::domain::staff::{Role, StaffMember};
use crate::server::{AppState, ServerError};
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use std::marker::PhantomData;
use tower_sessions::Session;

/// What an action needs of the member's role.
pub trait Permission: Send + Sync + 'static {
    fn allows(role: Role) -> bool;
    /// Open to a member who must still set up their second factor
    /// ([`StaffMember::must_enrol`]); nothing else is.
    const BEFORE_ENROLMENT: bool = false;
}

/// Any signed-in member, including one who must still set up their
/// second factor: who am I, sign out, and the enrolment itself.
pub struct Enrolling;
/// Any signed-in member.
pub struct AnyStaff;
/// Administrators and the front desk: patients' requests.
pub struct HandlesRequests;
/// Administrators and editors: articles, services, clinic facts, media.
pub struct EditsContent;
/// Administrators only: accounts, the audit log, the export.
pub struct Administers;

impl Permission for Enrolling {
    fn allows(_: Role) -> bool {
        true
    }
    const BEFORE_ENROLMENT: bool = true;
}
impl Permission for AnyStaff {
    fn allows(_: Role) -> bool {
        true
    }
}
impl Permission for HandlesRequests {
    fn allows(role: Role) -> bool {
        role.handles_requests()
    }
}
impl Permission for EditsContent {
    fn allows(role: Role) -> bool {
        role.edits_content()
    }
}
impl Permission for Administers {
    fn allows(role: Role) -> bool {
        role.is_admin()
    }
}

/// Why a request was not let in.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("not signed in")]
    SignedOut,
    #[error("role not allowed")]
    NotAllowed,
    #[error("second factor not set up")]
    MustEnrol,
    #[error(transparent)]
    Server(#[from] ServerError),
}

/// A signed-in member whose role passes `P`, and their session.
pub struct Staff<P> {
    pub member: StaffMember,
    pub session: Session,
    permission: PhantomData<P>,
}

/// The member a request's session was found to belong to, kept with the
/// request so that a later extraction (a guard, then the handler) looks
/// the session and the account up once.
#[derive(Clone)]
struct Found(Option<(StaffMember, Session)>);

/// The member of this request's session, if any; the session is needed to
/// end it (sign out).
async fn signed_in(
    parts: &mut Parts,
    state: &AppState,
) -> Result<Option<(StaffMember, Session)>, ServerError> {
    if let Some(Found(found)) = parts.extensions.get::<Found>() {
        return Ok(found.clone());
    }
    let session = Session::from_request_parts(parts, state)
        .await
        .map_err(|(_, why)| ServerError::Context(format!("no session layer: {why}")))?;
    let member = staff_for_session(&state.db, &session, state.session_limits).await?;
    let found = member.map(|member| (member, session));
    parts.extensions.insert(Found(found.clone()));
    Ok(found)
}

impl<S, P> FromRequestParts<S> for Staff<P>
where
    AppState: FromRef<S>,
    S: Send + Sync,
    P: Permission,
{
    type Rejection = AccessError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AccessError> {
        let state = AppState::from_ref(state);
        let (member, session) = signed_in(parts, &state)
            .await?
            .ok_or(AccessError::SignedOut)?;
        if !P::allows(member.role) {
            return Err(AccessError::NotAllowed);
        }
        if member.must_enrol() && !P::BEFORE_ENROLMENT {
            return Err(AccessError::MustEnrol);
        }
        Ok(Self {
            member,
            session,
            permission: PhantomData,
        })
    }
}

/// `Option<Staff<P>>`: nobody signed in (or a role `P` refuses) is `None`,
/// not an error; a failing session store still is.
impl<S, P> OptionalFromRequestParts<S> for Staff<P>
where
    AppState: FromRef<S>,
    S: Send + Sync,
    P: Permission,
{
    type Rejection = AccessError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, AccessError> {
        match <Self as FromRequestParts<S>>::from_request_parts(parts, state).await {
            Ok(staff) => Ok(Some(staff)),
            Err(AccessError::SignedOut | AccessError::NotAllowed | AccessError::MustEnrol) => {
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }
}
