use crate::server::db::request_allowance::Send;
use std::net::IpAddr;
use std::time::Duration;

/// Who is sending: the client's IP address (from the connection, or from
/// `X-Forwarded-For` when the server runs behind a trusted proxy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientKey(pub IpAddr);

/// Allows `burst` requests per client, refilled evenly over `period`.
/// Counted in the database (`db::request_allowance`), so every app server
/// on one database shares each client's allowance.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    cost_ms: i64,
    tolerance_ms: i64,
}

impl RateLimit {
    pub fn new(burst: u32, period: Duration) -> Self {
        let burst = burst.max(1);
        let period_ms = i64::try_from(period.as_millis()).unwrap_or(i64::MAX);
        let cost_ms = (period_ms / i64::from(burst)).max(1);
        Self {
            cost_ms,
            tolerance_ms: cost_ms.saturating_mul(i64::from(burst - 1)),
        }
    }

    /// One send by the client whose keyed hash is `client`, at `now_ms`.
    pub fn send<'a>(&self, client: &'a str, now_ms: i64) -> Send<'a> {
        Send {
            client,
            now_ms,
            cost_ms: self.cost_ms,
            tolerance_ms: self.tolerance_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_five_in_ten_minutes_costs_two_minutes_a_send() {
        let limit = RateLimit::new(5, Duration::from_secs(600));
        let send = limit.send("c", 0);
        assert_eq!(send.cost_ms, 120_000);
        assert_eq!(send.tolerance_ms, 480_000);
    }

    #[test]
    fn a_burst_of_zero_is_read_as_one() {
        let send = RateLimit::new(0, Duration::from_secs(60)).send("c", 0);
        assert_eq!((send.cost_ms, send.tolerance_ms), (60_000, 0));
    }
}
