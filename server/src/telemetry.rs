use tracing_subscriber::EnvFilter;

/// Logs to stderr, filtered by `RUST_LOG` (default: `info`). Spans and events
/// carry steps and identifiers, never patient data.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // A second init (tests start many servers in one process) is harmless.
    // stderr, as documented (the formatter's default is stdout).
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}
