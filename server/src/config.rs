use anyhow::Context;
use app::server::notify::MailConfig;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Everything the server reads from its environment (see the README).
#[derive(Clone)]
pub struct Config {
    /// Address, site root and asset names: `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...
    pub leptos: LeptosOptions,
    /// `DATABASE_URL`: the SQLite file, created if missing.
    pub database_url: String,
    /// `PUBLIC_URL`: how patients and staff reach the site (links in e-mails).
    pub public_url: Option<String>,
    /// `SMTP_URL`, `MAIL_FROM`, `STAFF_EMAIL`.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub staff_email: Vec<String>,
    /// `CONSULTATION_RATE_LIMIT`: `<requests>/<seconds>` per client.
    pub rate_limit: (u32, Duration),
    /// `CONSULTATION_MIN_FILL_SECONDS`: faster submissions are marked spam.
    pub min_fill: Duration,
    /// `REQUEST_RETENTION_DAYS`: closed and spam requests are deleted this
    /// many days after their status last changed.
    pub retention_days: u32,
    /// Appointments are deleted this many days after they ended
    /// (`APPOINTMENT_RETENTION_DAYS`).
    pub appointment_retention_days: u32,
    /// `TRUST_FORWARDED_FOR`: behind a reverse proxy that sets `X-Forwarded-For`.
    pub trust_forwarded: bool,
    /// `NOTIFY_POLL_SECONDS`: how often the e-mail queue retries.
    pub notify_poll: Duration,
    /// `SCHEDULER_POLL_SECONDS`: how often scheduled articles are checked.
    pub scheduler_poll: Duration,
    /// `SESSION_IDLE_MINUTES`, `SESSION_MAX_HOURS`: when staff sessions end.
    pub session_idle: Duration,
    /// `SESSION_IDLE_MINUTES_REQUESTS`: the idle limit of roles that read
    /// patients' requests (front desk, administrators), when shorter.
    pub session_idle_requests: Duration,
    pub session_max: Duration,
    /// `SECURE_COOKIES`: send the session cookie over HTTPS only (default:
    /// on when `PUBLIC_URL` is https).
    pub secure_cookies: bool,
    /// Uploaded images; by default `media/` beside the database file.
    pub media_dir: PathBuf,
    /// `MEDIA_STORE`: an S3-compatible bucket (`s3://bucket/folder`) for
    /// uploaded images instead of `media_dir`, with object_store's S3
    /// settings from the `AWS_*` variables (lower-cased).
    pub media_store: Option<(String, Vec<(String, String)>)>,
    /// `BUILDS_DIR`: earlier builds' files, for pages loaded before a
    /// deploy; by default `builds/` beside the database file.
    pub builds_dir: PathBuf,
    /// `CLINIC_TIME_ZONE`: the IANA zone staff and patients read times in.
    pub time_zone: String,
    /// `DATA_KEY` or `DATA_KEY_FILE`: the key patients' data is sealed under.
    pub data_key: DataKeySource,
    /// `METRICS_ADDR`: where Prometheus metrics are served (off when unset).
    pub metrics_addr: Option<SocketAddr>,
    /// `DATABASE_POOL_SIZE`, `DATABASE_WAIT_MS`: the pool's connections, and
    /// how long a request waits for one before it is answered 503.
    pub pool: app::server::db::PoolSettings,
}

/// The pool a serving process runs with (`DATABASE_POOL_SIZE`,
/// `DATABASE_WAIT_MS`): tests read the same variables, so the test command
/// can run the suite on a pool of one connection, where a render that
/// waits for a second connection while holding one fails at once.
fn pool_settings() -> anyhow::Result<app::server::db::PoolSettings> {
    let size = match var("DATABASE_POOL_SIZE") {
        None => None,
        Some(_) => Some(parse_var("DATABASE_POOL_SIZE", 0_u32)?),
    };
    anyhow::ensure!(
        size != Some(0),
        "DATABASE_POOL_SIZE=0: a pool needs at least one connection"
    );
    Ok(app::server::db::PoolSettings {
        size,
        wait: Duration::from_millis(parse_var("DATABASE_WAIT_MS", 1000_u64)?.max(1)),
    })
}

/// Where the data key comes from (see `data_key.rs`).
#[derive(Clone, Debug)]
pub enum DataKeySource {
    /// `DATA_KEY_FILE` (default `data.key` beside the database): created,
    /// readable by its owner only, on the first start of a new database.
    File(PathBuf),
    /// `DATA_KEY`: the key itself (base64 of 32 bytes), e.g. from a secrets
    /// manager; it wins over `DATA_KEY_FILE`.
    Inline(String),
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/clinic.db";

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse_var<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|e| anyhow::anyhow!("{name}={raw:?}: {e}")),
    }
}

/// The database file of a SQLite URL: `sqlite://data/clinic.db?mode=rwc`
/// -> `data/clinic.db`.
pub fn database_file(database_url: &str) -> PathBuf {
    let path = database_url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    PathBuf::from(path.split('?').next().unwrap_or(path))
}

/// Refuses, with a sentence, a `DATABASE_URL` the server cannot use, before
/// anything is opened or created (a `postgres://` URL used to become a
/// SQLite file in a folder named `postgres:`).
pub fn check_database_url(url: &str) -> anyhow::Result<()> {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme);
    match scheme {
        Some("sqlite") => {
            let file = database_file(url);
            anyhow::ensure!(
                !file.as_os_str().is_empty() && file != Path::new(":memory:"),
                "DATABASE_URL={url:?} names no database file: give one, like {DEFAULT_DATABASE_URL}"
            );
            Ok(())
        }
        Some("postgres" | "postgresql") => {
            anyhow::ensure!(
                url.split_once("://").is_some_and(|(_, rest)| !rest.is_empty()),
                "DATABASE_URL names no PostgreSQL server: give one, like postgres://clinic@db.example/clinic"
            );
            Ok(())
        }
        _ => anyhow::bail!(
            "DATABASE_URL={url:?} is not a database this server can use: give a SQLite file, like {DEFAULT_DATABASE_URL}, or a PostgreSQL server, like postgres://clinic@db.example/clinic"
        ),
    }
}

/// Whether `DATABASE_URL` names a PostgreSQL server.
pub fn is_postgres(database_url: &str) -> bool {
    database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")
}

/// `("sqlite://data/clinic.db?mode=rwc", "media")` -> `data/media`; with
/// PostgreSQL, which has no file here, `data/media`.
fn beside_database(database_url: &str, name: &str) -> PathBuf {
    if is_postgres(database_url) {
        return Path::new("data").join(name);
    }
    database_file(database_url)
        .parent()
        .map_or_else(|| PathBuf::from(name), |dir| dir.join(name))
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let leptos = leptos::config::get_configuration(None)
            .context("reading LEPTOS_* settings")?
            .leptos_options;
        let rate_limit = match var("CONSULTATION_RATE_LIMIT") {
            None => (5, Duration::from_secs(600)),
            Some(raw) => {
                let (n, secs) = raw
                    .split_once('/')
                    .and_then(|(n, s)| Some((n.trim().parse().ok()?, s.trim().parse().ok()?)))
                    .ok_or_else(|| anyhow::anyhow!("CONSULTATION_RATE_LIMIT={raw:?}: expected <requests>/<seconds>, e.g. 5/600"))?;
                (n, Duration::from_secs(secs))
            }
        };
        let database_url = var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        check_database_url(&database_url)?;
        Ok(Self {
            data_key: match var("DATA_KEY") {
                Some(key) => DataKeySource::Inline(key),
                None => DataKeySource::File(
                    var("DATA_KEY_FILE")
                        .map_or_else(|| beside_database(&database_url, "data.key"), PathBuf::from),
                ),
            },
            media_dir: var("MEDIA_DIR")
                .map_or_else(|| beside_database(&database_url, "media"), PathBuf::from),
            media_store: var("MEDIA_STORE").map(|url| {
                let settings = std::env::vars()
                    .filter(|(name, _)| name.starts_with("AWS_"))
                    .map(|(name, value)| (name.to_ascii_lowercase(), value))
                    .collect();
                (url, settings)
            }),
            builds_dir: var("BUILDS_DIR")
                .map_or_else(|| beside_database(&database_url, "builds"), PathBuf::from),
            // `CLINIC_TIMEZONE` is the same setting under the name the
            // booking work was specified with.
            time_zone: var("CLINIC_TIME_ZONE")
                .or_else(|| var("CLINIC_TIMEZONE"))
                .unwrap_or_else(|| app::server::content::DEFAULT_ZONE.to_owned()),
            metrics_addr: var("METRICS_ADDR")
                .map(|raw| {
                    raw.trim()
                        .parse()
                        .map_err(|e| anyhow::anyhow!("METRICS_ADDR={raw:?} (want host:port): {e}"))
                })
                .transpose()?,
            database_url,
            public_url: var("PUBLIC_URL"),
            smtp_url: var("SMTP_URL"),
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "Clinic website <no-reply@localhost>".to_owned()),
            staff_email: var("STAFF_EMAIL")
                .map(|v| {
                    v.split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
            rate_limit,
            min_fill: Duration::from_secs(parse_var("CONSULTATION_MIN_FILL_SECONDS", 3)?),
            retention_days: parse_var("REQUEST_RETENTION_DAYS", 365)?.max(1),
            appointment_retention_days: parse_var("APPOINTMENT_RETENTION_DAYS", 365)?.max(1),
            trust_forwarded: parse_var("TRUST_FORWARDED_FOR", false)?,
            notify_poll: Duration::from_secs(parse_var("NOTIFY_POLL_SECONDS", 30)?.max(1)),
            scheduler_poll: Duration::from_secs(parse_var("SCHEDULER_POLL_SECONDS", 30)?.max(1)),
            session_idle: Duration::from_secs(60 * parse_var("SESSION_IDLE_MINUTES", 30)?.max(1)),
            session_idle_requests: Duration::from_secs(
                60 * parse_var("SESSION_IDLE_MINUTES_REQUESTS", 15)?.max(1),
            ),
            session_max: Duration::from_secs(3600 * parse_var("SESSION_MAX_HOURS", 12)?.max(1)),
            secure_cookies: parse_var(
                "SECURE_COOKIES",
                var("PUBLIC_URL").is_some_and(|u| u.starts_with("https://")),
            )?,
            pool: pool_settings()?,
            leptos,
        })
    }

    /// Where uploaded images go: `MEDIA_STORE`'s bucket, else `MEDIA_DIR`.
    /// A bucket URL that cannot be used stops the start with a sentence.
    pub fn media(&self) -> anyhow::Result<app::server::media_store::MediaStore> {
        use app::server::media_store::MediaStore;
        match &self.media_store {
            None => Ok(MediaStore::Dir(self.media_dir.clone())),
            Some((url, settings)) => MediaStore::bucket(url, settings),
        }
    }

    /// Defaults for everything but the database: what tests start from.
    pub fn for_tests(database_url: String) -> Self {
        Self {
            data_key: DataKeySource::File(beside_database(&database_url, "data.key")),
            media_dir: beside_database(&database_url, "media"),
            media_store: None,
            builds_dir: beside_database(&database_url, "builds"),
            time_zone: app::server::content::DEFAULT_ZONE.to_owned(),
            leptos: LeptosOptions::builder().output_name("clinic").build(),
            database_url,
            public_url: None,
            smtp_url: None,
            mail_from: "Clinic website <no-reply@localhost>".to_owned(),
            staff_email: Vec::new(),
            rate_limit: (5, Duration::from_secs(600)),
            min_fill: Duration::ZERO,
            retention_days: 365,
            appointment_retention_days: 365,
            trust_forwarded: false,
            notify_poll: Duration::from_secs(1),
            scheduler_poll: Duration::from_secs(1),
            session_idle: Duration::from_secs(30 * 60),
            session_idle_requests: Duration::from_secs(15 * 60),
            session_max: Duration::from_secs(12 * 3600),
            secure_cookies: false,
            metrics_addr: None,
            pool: pool_settings().unwrap_or_else(|e| panic!("{e}")),
        }
    }

    /// The same settings listening on another address (tests use port 0).
    pub fn with_addr(mut self, addr: SocketAddr) -> Self {
        self.leptos.site_addr = addr;
        self
    }

    pub fn mail(&self, bound: SocketAddr) -> anyhow::Result<MailConfig> {
        Ok(MailConfig {
            smtp_url: self.smtp_url.clone(),
            from: self
                .mail_from
                .parse()
                .with_context(|| format!("MAIL_FROM={:?}", self.mail_from))?,
            staff: self
                .staff_email
                .iter()
                .map(|s| {
                    s.parse()
                        .with_context(|| format!("STAFF_EMAIL entry {s:?}"))
                })
                .collect::<anyhow::Result<_>>()?,
            public_url: self
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{bound}")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_url_the_server_cannot_use_is_refused_with_a_sentence() {
        assert!(check_database_url("sqlite://data/clinic.db").is_ok());
        assert!(check_database_url("sqlite:clinic.db?mode=rwc").is_ok());
        assert!(check_database_url("postgres://clinic@db/clinic").is_ok());
        assert!(check_database_url("postgresql://clinic:secret@10.0.0.5:5432/clinic").is_ok());
        for (url, says) in [
            ("postgres://", "names no PostgreSQL server"),
            (
                "mysql://clinic@db/clinic",
                "not a database this server can use",
            ),
            ("data/clinic.db", "not a database this server can use"),
            ("sqlite://", "names no database file"),
            ("sqlite::memory:", "names no database file"),
        ] {
            let refused = check_database_url(url).map_err(|e| e.to_string());
            assert!(
                refused.as_ref().is_err_and(|e| e.contains(says)),
                "{url}: {refused:?}"
            );
        }
    }
}
