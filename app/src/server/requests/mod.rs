//! Patients' requests on the server: the form token, abuse checks,
//! storing a request exactly once, queueing its notifications, and
//! handling it at the front desk (`handling`).

pub mod handling;
mod limiter;
pub mod retention;
mod submit;
mod token;

pub use limiter::{ClientKey, RateLimit};
pub use submit::{submit, Submission, SubmitError};
pub use token::FormSigner;

use std::time::Duration;

/// Settings and shared state of the consultation form.
#[derive(Clone)]
pub struct RequestDesk {
    pub signer: FormSigner,
    /// Each client's allowance of sends, shared through the database.
    pub limit: RateLimit,
    /// A form sent faster than this after it was rendered is marked spam.
    pub min_fill: Duration,
    /// Wakes the notification worker when a request arrives.
    pub wake: std::sync::Arc<tokio::sync::Notify>,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_forwarded: bool,
    /// Closed and spam requests are deleted this many days after their
    /// status last changed (`retention`).
    pub retention_days: u32,
    /// Shared with the notification worker: one writer at a time.
    pub writes: crate::server::db::WriteGate,
    /// Seals patients' data before it is stored, opens it for staff.
    pub vault: crate::server::vault::Vault,
}

/// The client sending a request, for rate limits and sign-in throttling:
/// one extractor for server functions and plain routes alike.
impl<S> axum::extract::FromRequestParts<S> for ClientKey
where
    crate::server::AppState: axum::extract::FromRef<S>,
    S: Send + Sync,
{
    type Rejection = crate::server::ServerError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        use axum::extract::{ConnectInfo, FromRef};
        let trust_forwarded = crate::server::AppState::from_ref(state)
            .desk
            .trust_forwarded;
        let peer = parts
            .extensions
            .get::<ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        client_key(&parts.headers, peer, trust_forwarded).ok_or_else(|| {
            crate::server::ServerError::Context("no client address: serve with connect info".into())
        })
    }
}

/// The client's address: the proxy's last `X-Forwarded-For` entry when
/// trusted, else the connection's peer.
fn client_key(
    headers: &axum::http::HeaderMap,
    peer: Option<std::net::IpAddr>,
    trust_forwarded: bool,
) -> Option<ClientKey> {
    let forwarded = trust_forwarded
        .then(|| {
            headers
                .get("x-forwarded-for")?
                .to_str()
                .ok()?
                .rsplit(',')
                .next()?
                .trim()
                .parse()
                .ok()
        })
        .flatten();
    forwarded.or(peer).map(ClientKey)
}
