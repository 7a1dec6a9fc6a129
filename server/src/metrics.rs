//! Prometheus metrics on a listener of their own (`METRICS_ADDR`, off by
//! default, never on the site's port): every request by route, method and
//! status with its latency, the requests being answered, and the counters
//! the workers keep (requests stored, e-mails sent and failed, the mail
//! queue's depth, scheduled publishes, each worker's passes, page-cache
//! hits). A label is a route's template or a fixed
//! word, never a value from an address or a form: no reference, slug,
//! query or patient value can reach one, and made-up paths cannot grow
//! the number of series.

use anyhow::Context;
use app::routes;
use axum::http::{Method, StatusCode};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::net::TcpListener;

/// The path the listener answers on.
pub const PATH: &str = "/metrics";

/// Latency buckets, in seconds: a cached page is well under a millisecond,
/// a rendered one a few, a sign-in (Argon2) a few hundred.
const BUCKETS: &[f64] = &[
    0.000_25, 0.0005, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// How often histograms are folded (the exporter leaves it to its caller).
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// The process's one recorder; `None` until metrics are turned on.
static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Whether a recorder is installed: without one, requests skip measuring.
pub fn enabled() -> bool {
    HANDLE.get().is_some()
}

/// Installs the recorder (once per process) and serves [`PATH`] on `addr`;
/// returns the bound address (port 0 picks a free one).
pub async fn serve(addr: SocketAddr) -> anyhow::Result<SocketAddr> {
    let handle = match HANDLE.get() {
        Some(handle) => handle.clone(),
        None => {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".into()),
                    BUCKETS,
                )
                .context("latency buckets")?
                .install_recorder()
                .context("installing the metrics recorder")?;
            let upkeep = handle.clone();
            tokio::spawn(async move {
                loop {
                    tokio::time::sleep(UPKEEP_EVERY).await;
                    upkeep.run_upkeep();
                }
            });
            HANDLE.get_or_init(|| handle).clone()
        }
    };
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding METRICS_ADDR {addr}"))?;
    let bound = listener.local_addr().context("reading METRICS_ADDR")?;
    let router = axum::Router::new().route(
        PATH,
        axum::routing::get(move || {
            let handle = handle.clone();
            async move { handle.render() }
        }),
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "metrics listener stopped");
        }
    });
    tracing::info!(%bound, "metrics served on {PATH}");
    Ok(bound)
}

/// One request being answered: counted in `http_requests_in_flight` from
/// its start until it is dropped (answered, or its client gone).
pub struct InFlight(());

impl InFlight {
    pub fn begin() -> Self {
        metrics::gauge!("http_requests_in_flight").increment(1);
        Self(())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics::gauge!("http_requests_in_flight").decrement(1);
    }
}

/// Counts one answered request and its latency.
pub fn record_request(method: &Method, route: &'static str, status: StatusCode, took: Duration) {
    let method = match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        _ => "other",
    };
    let status = status.as_u16().to_string();
    metrics::counter!("http_requests_total", "route" => route, "method" => method, "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "route" => route)
        .record(took.as_secs_f64());
}

/// Counts a page-cache answer: `hit`, `miss` (rendered and kept) or
/// `uncached` (a page that may not be kept: it carries a form token).
pub fn record_page_cache(result: &'static str) {
    // Even with no recorder, the macro builds the counter's key (its labels
    // allocate) on every hit.
    if enabled() {
        metrics::counter!("page_cache_total", "result" => result).increment(1);
    }
}

/// The template of the route a path belongs to.
pub fn route_of(path: &str) -> &'static str {
    static FUNCTIONS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let functions = FUNCTIONS.get_or_init(|| {
        leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path)
            .collect()
    });
    if let Some(function) = functions.get(path) {
        return function;
    }
    match path {
        routes::HOME => routes::HOME,
        routes::SERVICES => routes::SERVICES,
        routes::ARTICLES => routes::ARTICLES,
        routes::ABOUT => routes::ABOUT,
        routes::CONTACT => routes::CONTACT,
        routes::PRIVACY => routes::PRIVACY,
        routes::CONSULTATION => routes::CONSULTATION,
        routes::HEALTHZ => routes::HEALTHZ,
        routes::READYZ => routes::READYZ,
        routes::SITEMAP => routes::SITEMAP,
        routes::FEED => routes::FEED,
        routes::ROBOTS => routes::ROBOTS,
        routes::MANIFEST => routes::MANIFEST,
        routes::ADMIN_EXPORT => routes::ADMIN_EXPORT,
        routes::ADMIN_MEDIA_UPLOAD => routes::ADMIN_MEDIA_UPLOAD,
        _ => PREFIXES
            .iter()
            .find(|(prefix, _)| path.starts_with(prefix))
            .map_or("other", |(_, template)| template),
    }
}

/// Addresses below a prefix, by the template they count under.
const PREFIXES: &[(&str, &str)] = &[
    ("/articles/", "/articles/{slug}"),
    ("/services/", "/services/{slug}"),
    ("/consultation/sent/", "/consultation/sent/{reference}"),
    ("/es/articulos/", "/es/articulos/{slug}"),
    ("/es/servicios/", "/es/servicios/{slug}"),
    ("/es/consulta/enviada/", "/es/consulta/enviada/{reference}"),
    ("/es/", "/es/{page}"),
    ("/admin/requests/", "/admin/requests/{reference}"),
    ("/admin/articles/", "/admin/articles/{id}"),
    ("/admin/services/", "/admin/services/{slug}"),
    ("/admin", "/admin/{page}"),
    ("/api/", "/api/{unknown}"),
    ("/pkg/", "/pkg/{file}"),
    ("/media/", "/media/{file}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_count_under_their_route_not_their_values() {
        for (path, route) in [
            ("/", "/"),
            ("/articles", "/articles"),
            ("/articles/ana-garcia", "/articles/{slug}"),
            (
                "/consultation/sent/CR-7K3Q-9F2D",
                "/consultation/sent/{reference}",
            ),
            (
                "/admin/requests/CR-7K3Q-9F2D",
                "/admin/requests/{reference}",
            ),
            ("/admin/requests", "/admin/{page}"),
            ("/media/abc-960.jpg", "/media/{file}"),
            ("/api/not-a-function", "/api/{unknown}"),
            ("/wp-login.php", "other"),
            ("/es/servicios/acupuntura", "/es/servicios/{slug}"),
            ("/es/contacto", "/es/{page}"),
            ("/articles/../../etc/passwd", "/articles/{slug}"),
        ] {
            assert_eq!(route_of(path), route, "{path}");
        }
    }
}
