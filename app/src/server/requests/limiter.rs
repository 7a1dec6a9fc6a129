use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Who is sending: the client's IP address (from the connection, or from
/// `X-Forwarded-For` when the server runs behind a trusted proxy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey(pub IpAddr);

/// Allows `burst` requests per client, refilled evenly over `period`.
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<DefaultKeyedRateLimiter<ClientKey>>,
}

impl RateLimiter {
    pub fn new(burst: u32, period: Duration) -> Self {
        let burst = NonZeroU32::new(burst.max(1)).unwrap_or(NonZeroU32::MIN);
        let interval = period
            .checked_div(burst.get())
            .unwrap_or(period)
            .max(Duration::from_millis(1));
        let quota = Quota::with_period(interval)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Self {
            inner: Arc::new(DefaultKeyedRateLimiter::keyed(quota)),
        }
    }

    /// `Err(wait)` when this client must wait before sending again.
    pub fn check(&self, client: ClientKey) -> Result<(), Duration> {
        self.inner
            .check_key(&client)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}
