//! The data-access layer: the only place the app's SQL lives. One module
//! per subject (`articles`, `requests`, `staff`, ...); each function takes a
//! [`Db`] and returns named rows (`#[derive(sqlx::FromRow)]`, fields named as
//! the columns) or the domain's enums for closed sets. Callers in
//! `server::*` and the server crate build domain types and apply the rules.
//!
//! # A second backend (PostgreSQL)
//! Atuin's server keeps its database behind one `Database` trait (crate
//! `atuin-server-database`: one async method per operation, its own
//! `DbError`), implemented once per engine in `atuin-server-sqlite` and
//! `atuin-server-postgres`, each with its own `migrations/` and its own row
//! wrappers (`wrappers.rs`); the engine is chosen from the URL's scheme
//! (`DbSettings::db_type`). Here the plan is the same, per subject:
//!
//! - [`Db`] is the one handle every function takes. Today it is the SQLite
//!   pool; for PostgreSQL it becomes `enum Db { Sqlite(SqlitePool),
//!   Postgres(PgPool) }`, built by [`connect`] from the URL's scheme, with
//!   migrations from `migrations/<engine>/`.
//! - Each subject module keeps its public functions and row structs (a
//!   `FromRow` derive decodes from either engine's rows) and moves today's
//!   bodies into `<subject>/sqlite.rs`, next to a `<subject>/postgres.rs`
//!   with the same functions; the public function matches on `Db` and calls
//!   one. (If the subjects grow, the same split reads as a trait per subject
//!   implemented by one `SqliteDb` and one `PgDb`; callers do not change.)
//! - The SQL differs only where the engines do: `?` / `$1` placeholders,
//!   `id IS NOT ?` (PostgreSQL: `IS DISTINCT FROM`), `LIMIT -1` for "no
//!   limit" (PostgreSQL: `LIMIT ALL`), 0/1 integers read as `bool`, `BLOB`
//!   vs `BYTEA`, `COLLATE NOCASE` on staff e-mails, and the write lock that
//!   [`WriteGate`] queues for (PostgreSQL locks rows, so it can be a no-op).
//!   Dates are ISO-8601 text in both.

pub mod articles;
pub mod audit;
pub mod clinic;
pub mod content_generation;
pub mod editor;
pub mod health;
pub mod mail_queue;
pub mod media;
pub mod redirects;
pub mod requests;
pub mod secrets;
pub mod services;
pub mod staff;
pub mod throttle;
pub mod two_factor;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// The database every data-access function takes (see the module doc for
/// how a second engine plugs in).
pub type Db = SqlitePool;

/// Opens (creating if needed) the SQLite file at `url` and applies every
/// migration. A migration that fails stops the start.
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("DATABASE_URL {url:?} is not a SQLite URL"))?
        .create_if_missing(true)
        .foreign_keys(true)
        // WAL: readers never wait for the writer. FULL: a commit is on disk
        // before it returns, so what we acknowledge survives a power cut.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        // Deleted and overwritten content is zeroed, not left in free pages:
        // a purged request, or a value stored before encryption at rest,
        // is gone from the file.
        .pragma("secure_delete", "ON")
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

/// Opens a database file to read only (a backup being checked): no
/// migrations, nothing created.
pub async fn connect_read_only(path: &Path) -> anyhow::Result<Db> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("opening {}", path.display()))
}

/// Writes a consistent copy of the database to `path` (which must not
/// exist), while others read and write.
pub async fn backup(db: &Db, path: &Path) -> anyhow::Result<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(path.to_string_lossy().as_ref())
        .execute(db)
        .await
        .with_context(|| format!("writing a backup to {}", path.display()))?;
    Ok(())
}

/// Copies the write-ahead log into the database file and empties it, so
/// that what was just overwritten is gone from both.
pub async fn checkpoint(db: &Db) -> anyhow::Result<()> {
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db)
        .await
        .context("checkpointing the write-ahead log")?;
    Ok(())
}

/// Queues this process's frequent writers (consultation requests and their
/// notifications) for SQLite's single write lock. SQLite makes a writer that
/// finds the lock taken sleep and retry (1, 2, 5, 10, ... ms), so under a
/// burst some requests waited long (README, performance); waiting here, in
/// order, costs only the commits ahead.
#[derive(Clone, Default)]
pub struct WriteGate(std::sync::Arc<tokio::sync::Mutex<()>>);

impl WriteGate {
    pub async fn enter(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.0.clone().lock_owned().await
    }
}
