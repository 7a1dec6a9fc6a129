use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Opens (creating if needed) the SQLite file at `url` and applies every
/// migration. A migration that fails stops the start.
pub async fn connect(url: &str) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL {url:?} is not a SQLite URL"))?
        .create_if_missing(true)
        .foreign_keys(true)
        // WAL: readers never wait for the writer. FULL: a commit is on disk
        // before it returns, so what we acknowledge survives a power cut.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5));
    if let Some(dir) = Path::new(options.get_filename()).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the database folder {}", dir.display()))?;
        }
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .with_context(|| format!("opening the database {url}"))?;
    sqlx::migrate!("../migrations/sqlite")
        .run(&pool)
        .await
        .context("applying database migrations")?;
    Ok(pool)
}

/// Queues this process's frequent writers (consultation requests and their
/// notifications) for SQLite's single write lock. SQLite makes a writer that
/// finds the lock taken sleep and retry (1, 2, 5, 10, ... ms), so under a
/// burst some requests waited over 100 ms; waiting here, in order, costs
/// only the commits ahead.
#[derive(Clone, Default)]
pub struct WriteGate(std::sync::Arc<tokio::sync::Mutex<()>>);

impl WriteGate {
    pub async fn enter(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.0.clone().lock_owned().await
    }
}
