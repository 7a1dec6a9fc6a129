//! Consultation requests on the server: the form token, abuse checks,
//! storing a request exactly once, and queueing its notifications.

mod limiter;
mod store;
mod token;

pub use limiter::{ClientKey, RateLimiter};
pub use store::{submit, Submission, SubmitError};
pub use token::FormSigner;

use std::time::Duration;

/// Settings and shared state of the consultation form.
#[derive(Clone)]
pub struct ConsultationDesk {
    pub signer: FormSigner,
    pub limiter: RateLimiter,
    /// A form sent faster than this after it was rendered is marked spam.
    pub min_fill: Duration,
    /// Wakes the notification worker when a request arrives.
    pub wake: std::sync::Arc<tokio::sync::Notify>,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_forwarded: bool,
    /// Shared with the notification worker: one writer at a time.
    pub writes: crate::server::db::WriteGate,
}

/// The client of the request being handled, for rate limiting.
pub async fn client_key_from_request(
    trust_forwarded: bool,
) -> Result<ClientKey, crate::api::ApiError> {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    let headers: axum::http::HeaderMap = leptos_axum::extract()
        .await
        .map_err(|_| crate::api::ApiError::Internal)?;
    let peer = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .ok()
        .map(|c| c.0.ip());
    client_key(&headers, peer, trust_forwarded).ok_or_else(|| {
        tracing::error!("no client address: serve with connect info");
        crate::api::ApiError::Internal
    })
}

/// The client's address: the proxy's last `X-Forwarded-For` entry when
/// trusted, else the connection's peer.
pub fn client_key(
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
