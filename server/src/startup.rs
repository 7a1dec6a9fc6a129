//! Building the running site (database, workers, sessions, the router from
//! `router`) and serving it until shutdown.

use crate::config::Config;
use anyhow::Context;
use app::server::auth::SessionLimits;
use app::server::requests::{FormSigner, RateLimit, RequestDesk};
use app::server::{db, notify, seed, AppState};
use axum::serve::ListenerExt;
use axum::Router;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_sessions::cookie::SameSite;
use tower_sessions::SessionStore;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// How often expired requests are looked for (and once at start).
const RETENTION_PURGE_EVERY: Duration = Duration::from_secs(3600);

/// The running site: a bound listener and the router behind it.
pub struct Application {
    listener: TcpListener,
    router: Router,
    address: SocketAddr,
    /// Where `/metrics` is served, when `METRICS_ADDR` is set.
    pub metrics_address: Option<SocketAddr>,
    pub state: AppState,
    /// Tells `server restore` the database is in use, while this runs.
    _running: crate::backup::RunningLock,
}

impl Application {
    /// Opens and migrates the database, seeds it if empty, builds the router
    /// and binds the configured address (port 0 picks a free port).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        app::server::content::use_clinic_zone(config.time_zone.trim())?;
        let media = config.media()?;
        let db = db::connect_with(&config.database_url, config.pool).await?;
        let running = crate::backup::hold_running_lock(&config)?;
        // Servers starting together on a new database seed it, and create
        // its data key, once: one after the other.
        let first_steps = db.hold(db::Serial::Startup).await?;
        seed::seed_if_empty(&db).await?;
        seed::schedule::seed_if_empty(&db).await?;
        let chained = db::audit::chain_unhashed(&db).await?;
        if chained > 0 {
            tracing::info!(entries = chained, "chained earlier audit log entries");
        }
        let desk = request_desk(&config, &db).await?;
        first_steps.release().await?;
        let built = BuiltFiles::find(&config);
        let listener = TcpListener::bind(config.leptos.site_addr)
            .await
            .with_context(|| format!("binding {}", config.leptos.site_addr))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let metrics_address = match config.metrics_addr {
            Some(addr) => Some(crate::metrics::serve(addr).await?),
            None => None,
        };
        let workers = spawn_workers(&config, &db, &desk, address, metrics_address.is_some())?;
        let state = AppState {
            styles: built.styles(&config),
            last_read: app::server::content::LastRead::default(),
            leptos_options: built.leptos_options.clone(),
            db,
            desk,
            workers,
            session_limits: SessionLimits {
                idle: config.session_idle,
                idle_reading_requests: config.session_idle_requests,
                absolute: config.session_max,
            },
            media,
            public_url: config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{address}"))
                .trim_end_matches('/')
                .to_owned(),
        };
        // Cached public pages are answered first (after the header size
        // check, which the page cache makes), ahead of sessions, rendering
        // and compression.
        let router = crate::router::router(state.clone(), &built.pkg, &built.hash, &built.earlier);
        let router = with_sessions(router, &config, &state.db)
            .await?
            .layer(crate::page_cache::PageCache::new(&state).layer());
        Ok(Self {
            listener,
            router,
            address,
            metrics_address,
            state,
            _running: running,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until SIGTERM or Ctrl-C, then lets requests in flight finish.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        survive_file_size_limit();
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        // Without TCP_NODELAY a response written in two parts waits for the
        // client's delayed ACK (docs/performance.md).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "TCP_NODELAY");
            }
        });
        let db = self.state.db.clone();
        axum::serve(listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving HTTP")?;
        notify::release_claims(&db).await;
        Ok(())
    }
}

/// Starts the background workers (the mail queue, scheduled publishing,
/// the requests' retention) and returns their pass counts. `measure`:
/// metrics are served.
fn spawn_workers(
    config: &Config,
    db: &db::Db,
    desk: &app::server::requests::RequestDesk,
    address: SocketAddr,
    measure: bool,
) -> anyhow::Result<app::server::workers::Workers> {
    let workers = app::server::workers::Workers::default();
    notify::spawn_worker(
        db.clone(),
        config.mail(address)?,
        desk,
        config.notify_poll,
        measure,
        workers.mail.clone(),
    );
    app::server::editor::spawn_scheduler(
        db.clone(),
        config.scheduler_poll,
        workers.publish.clone(),
    );
    app::server::requests::retention::spawn_purger(
        db.clone(),
        app::server::requests::retention::Retention {
            requests: config.retention_days,
            appointments: config.appointment_retention_days,
        },
        RETENTION_PURGE_EVERY,
    );
    Ok(workers)
}

/// The request form's settings and shared state: its signing key (kept in
/// the database), rate limit, spam threshold and write queue.
async fn request_desk(config: &Config, db: &db::Db) -> anyhow::Result<RequestDesk> {
    let (burst, period) = config.rate_limit;
    Ok(RequestDesk {
        signer: FormSigner::load_or_create(db).await?,
        limit: RateLimit::new(burst, period),
        min_fill: config.min_fill,
        wake: Arc::new(tokio::sync::Notify::new()),
        trust_forwarded: config.trust_forwarded,
        retention_days: config.retention_days,
        writes: db::WriteGate::default(),
        vault: crate::data_key::open_vault(config, db).await?,
    })
}

/// The app's built files: addressed by a hash of their contents (see
/// assets.rs), so the page's scripts and styles point there, with the
/// earlier builds kept for tabs opened before a deploy.
struct BuiltFiles {
    pkg: PathBuf,
    hash: String,
    earlier: Vec<(String, PathBuf)>,
    leptos_options: leptos::config::LeptosOptions,
}

impl BuiltFiles {
    fn find(config: &Config) -> Self {
        let mut leptos_options = config.leptos.clone();
        let pkg =
            Path::new(leptos_options.site_root.as_ref()).join(leptos_options.site_pkg_dir.as_ref());
        let hash = crate::assets::fingerprint(&pkg);
        leptos_options.site_pkg_dir = format!("{}/{hash}", leptos_options.site_pkg_dir).into();
        // Without the archive the site still works; only tabs opened before
        // a deploy lose their later chunks.
        let earlier = crate::assets::earlier_builds::keep(&config.builds_dir, &pkg, &hash)
            .unwrap_or_else(|error| {
                tracing::warn!(%error, dir = %config.builds_dir.display(), "earlier builds are not kept");
                Vec::new()
            });
        Self {
            pkg,
            hash,
            earlier,
            leptos_options,
        }
    }

    /// The built stylesheet, inlined in each page's head, if it was built.
    fn styles(&self, config: &Config) -> Option<app::InlineStyles> {
        std::fs::read_to_string(self.pkg.join(format!("{}.css", config.leptos.output_name)))
            .ok()
            .map(|css| app::InlineStyles(css.into()))
    }
}

/// Staff sessions, stored in the site's database (so every app server sees
/// them; expired ones are swept hourly), behind a strict, HTTP-only cookie
/// that ends after the idle limit.
async fn with_sessions(router: Router, config: &Config, db: &db::Db) -> anyhow::Result<Router> {
    Ok(match db {
        db::Db::Sqlite(pool) => {
            let store = SqliteStore::new(pool.clone())
                .with_table_name("sessions")
                .map_err(|e| anyhow::anyhow!(e))?;
            store
                .migrate()
                .await
                .context("creating the sessions table")?;
            router.layer(session_layer(config, store))
        }
        db::Db::Postgres(pool) => {
            let store = PostgresStore::new(pool.clone())
                .with_table_name("sessions")
                .map_err(|e| anyhow::anyhow!(e))?;
            store
                .migrate()
                .await
                .context("creating the sessions table")?;
            router.layer(session_layer(config, store))
        }
    })
}

fn session_layer<S>(config: &Config, store: S) -> SessionManagerLayer<S>
where
    S: SessionStore + ExpiredDeletion + Clone,
{
    tokio::spawn(
        store
            .clone()
            .continuously_delete_expired(Duration::from_secs(3600)),
    );
    let idle = i64::try_from(config.session_idle.as_secs()).unwrap_or(1800);
    SessionManagerLayer::new(store)
        // Over HTTPS the browser then refuses the cookie unless it is
        // Secure, for this host only and the whole site (no subdomain can
        // set or read it).
        .with_name(if config.secure_cookies {
            "__Host-clinic_session"
        } else {
            "clinic_session"
        })
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(config.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(idle)))
}

/// A file-size limit (`ulimit -f`, systemd's `LimitFSIZE`) reached by the
/// database would kill the process with SIGXFSZ. Handled, the write fails
/// instead, and the request gets its 503 as on a full disk.
fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut limit) = signal(SignalKind::from_raw(libc::SIGXFSZ)) {
            tokio::spawn(async move {
                while limit.recv().await.is_some() {
                    tracing::warn!("a write went past the file-size limit");
                }
            });
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
