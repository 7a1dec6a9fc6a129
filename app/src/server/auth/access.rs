//! The one way in for staff: [`Staff<P>`] is an axum extractor that finds
//! the signed-in member of a request and checks their role against `P`.
//! Plain routes take it as an argument; server functions extract it first
//! (`crate::api::server::staff`). Both answer 401 or 403 before any work.

use super::session::staff_for_session;
use crate::domain::staff::StaffMember;
use crate::server::{AppState, ServerError};
use axum::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use std::marker::PhantomData;
use tower_sessions::Session;

/// What an action needs of the member calling it, as a value: the guard
/// that answers before a body is read looks it up by path, and each
/// [`Permission`] names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Any signed-in member, including one who must still set up their
    /// second factor: who am I, sign out, and the enrolment itself.
    Enrolling,
    /// Any signed-in member.
    AnyStaff,
    /// Administrators and the front desk: patients' requests.
    HandlesRequests,
    /// Administrators and editors: articles, services, clinic facts, media.
    EditsContent,
    /// Administrators only: accounts, the audit log, the export.
    Administers,
}

impl Need {
    /// Lets `member` in, or says why not (the role first, then enrolment).
    pub fn admits(self, member: &StaffMember) -> Result<(), AccessError> {
        let role = member.role;
        let allowed = match self {
            Self::Enrolling | Self::AnyStaff => true,
            Self::HandlesRequests => role.handles_requests(),
            Self::EditsContent => role.edits_content(),
            Self::Administers => role.is_admin(),
        };
        if !allowed {
            return Err(AccessError::NotAllowed);
        }
        if member.must_enrol() && self != Self::Enrolling {
            return Err(AccessError::MustEnrol);
        }
        Ok(())
    }
}

/// An action's [`Need`] as a type, for the [`Staff`] extractor.
pub trait Permission: Send + Sync + 'static {
    const NEED: Need;
}

/// See [`Need::Enrolling`].
pub struct Enrolling;
/// See [`Need::AnyStaff`].
pub struct AnyStaff;
/// See [`Need::HandlesRequests`].
pub struct HandlesRequests;
/// See [`Need::EditsContent`].
pub struct EditsContent;
/// See [`Need::Administers`].
pub struct Administers;

impl Permission for Enrolling {
    const NEED: Need = Need::Enrolling;
}
impl Permission for AnyStaff {
    const NEED: Need = Need::AnyStaff;
}
impl Permission for HandlesRequests {
    const NEED: Need = Need::HandlesRequests;
}
impl Permission for EditsContent {
    const NEED: Need = Need::EditsContent;
}
impl Permission for Administers {
    const NEED: Need = Need::Administers;
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
        P::NEED.admits(&member)?;
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
