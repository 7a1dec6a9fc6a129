//! The data-access layer: the only place the app's SQL lives. One module
//! per subject (`articles`, `requests`, `staff`, ...); each function takes a
//! [`Db`] and returns named rows (`#[derive(sqlx::FromRow)]`, fields named as
//! the columns) or the domain's enums for closed sets. Callers in
//! `server::*` and the server crate build domain types and apply the rules.
//!
//! The rest of the code reaches the database only through here (the
//! migration tool `server/src/migrate.rs`, which copies every table
//! between engines, is the one exception); `server/tests/api/operations/boundaries.rs`
//! fails when SQL appears anywhere else.
//!
//! # Two engines (SQLite and PostgreSQL)
//! - [`Db`] is the one handle every function takes: `Db::Sqlite` or
//!   `Db::Postgres`, built by [`connect`] from the URL's scheme, with
//!   migrations from `migrations/<engine>/`.
//! - Each subject module keeps its public functions and row structs (a
//!   `FromRow` derive decodes from either engine's rows). A function's body
//!   runs the same query on whichever pool `Db` holds (`on_pool!`, and
//!   `on_tx!` inside a transaction: one `match`, written once by a macro);
//!   only what differs is written per engine, beside it.
//! - The SQL is written once for both engines where they agree, and they
//!   agree on most: placeholders are `$1`, `$2`, ... (SQLite reads them
//!   positionally too, provided each first appears in order: keep it so),
//!   `IS DISTINCT FROM`, `ON CONFLICT ... DO NOTHING RETURNING`, dates as
//!   ISO-8601 text. Where they differ: the schema (`migrations/sqlite/` and
//!   `migrations/postgres/`: BIGINT identities, BOOLEAN flags read as
//!   `bool` from SQLite's 0/1 too, BYTEA for sealed values, a case-blind
//!   unique index for staff e-mails, triggers calling functions), SQLite's
//!   own maintenance (PRAGMAs, `VACUUM INTO`, the integrity check,
//!   resealing legacy plain values, the page cache's direct read in
//!   `content_generation`), and the write lock that [`WriteGate`] queues
//!   for (PostgreSQL locks rows, so it can be a no-op).

pub mod addresses;
pub mod appointment_types;
pub mod appointments;
pub mod articles;
pub mod audit;
pub mod categories;
pub mod clinic;
pub mod content_generation;
pub mod editor;
pub mod health;
pub mod mail_queue;
pub mod media;
pub mod redirects;
pub mod request_allowance;
pub mod requests;
pub mod secrets;
pub mod services;
pub mod staff;
pub mod throttle;
pub mod translations;
pub mod two_factor;
pub mod versioned;

use anyhow::Context;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Postgres, Sqlite, SqlitePool, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// The database every data-access function takes: a pool of either engine.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A transaction of either engine ([`Db::begin`]).
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A transaction that will write after reading: SQLite takes its write
    /// lock at once (waiting out other writers), instead of failing when a
    /// read snapshot turns out stale at the first write.
    pub async fn begin_write(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// A transaction alone in doing `what` among every server on the
    /// database: SQLite's write lock is already one at a time; PostgreSQL
    /// takes an advisory lock held until the transaction ends.
    pub async fn begin_serial(&self, what: Serial) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(_) => self.begin_write().await?,
            Self::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(what as i64)
                    .execute(&mut *tx)
                    .await?;
                Tx::Postgres(tx)
            }
        })
    }

    /// Holds `what` for this server until [`Held::release`], across
    /// transactions: for steps of many statements, such as seeding a new
    /// database, that two servers starting at once must not both take.
    /// SQLite has one server by design: nothing to hold. The lock is held
    /// on a connection of its own, outside the pool, so the steps it guards
    /// have every pooled connection (a pool of one included).
    pub async fn hold(&self, what: Serial) -> Result<Held, sqlx::Error> {
        use sqlx::ConnectOptions;
        Ok(Held(match self {
            Self::Sqlite(_) => None,
            Self::Postgres(pool) => {
                let mut connection = pool.connect_options().connect().await?;
                sqlx::query("SELECT pg_advisory_lock($1)")
                    .bind(what as i64)
                    .execute(&mut connection)
                    .await?;
                Some((connection, what))
            }
        }))
    }

    /// How long a caller waits for a connection ([`PoolSettings::wait`]).
    pub fn wait(&self) -> Duration {
        match self {
            Self::Sqlite(pool) => pool.options().get_acquire_timeout(),
            Self::Postgres(pool) => pool.options().get_acquire_timeout(),
        }
    }

    /// The SQLite pool, for what only SQLite has (its file, PRAGMAs).
    pub fn sqlite(&self) -> Option<&SqlitePool> {
        match self {
            Self::Sqlite(pool) => Some(pool),
            Self::Postgres(_) => None,
        }
    }

    pub async fn close(&self) {
        match self {
            Self::Sqlite(pool) => pool.close().await,
            Self::Postgres(pool) => pool.close().await,
        }
    }
}

/// What only one transaction at a time may do, across servers
/// ([`Db::begin_serial`]). The values are PostgreSQL advisory-lock keys.
#[derive(Debug, Clone, Copy)]
#[repr(i64)]
pub enum Serial {
    /// Appending to the audit log, whose entries each chain onto the last.
    Audit = 0x6175_6469,
    /// A server's first steps on the database: seeding it, creating or
    /// checking the data key, sealing legacy values.
    Startup = 0x7374_6172,
}

/// A [`Serial`] lock held by this server ([`Db::hold`]).
pub struct Held(Option<(sqlx::PgConnection, Serial)>);

impl Held {
    pub async fn release(self) -> Result<(), sqlx::Error> {
        if let Some((mut connection, what)) = self.0 {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(what as i64)
                .execute(&mut connection)
                .await?;
            sqlx::Connection::close(connection).await?;
        }
        Ok(())
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Sqlite(tx) => tx.commit().await,
            Self::Postgres(tx) => tx.commit().await,
        }
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Sqlite(tx) => tx.rollback().await,
            Self::Postgres(tx) => tx.rollback().await,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres(_))
    }
}

/// Runs `$body` with `$c` bound to the pool `$db` holds: the same SQL, and
/// the same Rust, compiled once per engine.
#[macro_export]
macro_rules! on_pool {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            $crate::server::db::Db::Sqlite($c) => $body,
            $crate::server::db::Db::Postgres($c) => $body,
        }
    };
}

/// [`on_pool!`] inside a transaction: `$c` is its connection.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::server::db::Tx::Sqlite(tx) => {
                let $c = &mut **tx;
                $body
            }
            $crate::server::db::Tx::Postgres(tx) => {
                let $c = &mut **tx;
                $body
            }
        }
    };
}

/// How many connections a pool keeps, and how long a request waits for
/// one before it is told the database is unavailable ([`is_unavailable`]). A short wait turns an
/// exhausted pool or an unreachable server into a quick 503, not a hang.
#[derive(Clone, Copy, Debug)]
pub struct PoolSettings {
    /// Connections per pool; `None`: 8 on SQLite, 16 on PostgreSQL.
    pub size: Option<u32>,
    pub wait: Duration,
}

impl Default for PoolSettings {
    /// What commands run with (a backup, an import): one caller, patient.
    fn default() -> Self {
        Self {
            size: None,
            wait: Duration::from_secs(30),
        }
    }
}

/// Opens the database `url` names with the default pool ([`connect_with`]).
pub async fn connect(url: &str) -> anyhow::Result<Db> {
    connect_with(url, PoolSettings::default()).await
}

/// Opens the database `url` names (a SQLite file, created if needed, or a
/// PostgreSQL server) and applies every migration. A migration that fails
/// stops the start.
pub async fn connect_with(url: &str, pool: PoolSettings) -> anyhow::Result<Db> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return connect_postgres(url, pool).await;
    }
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
        // This process's frequent writers queue in order behind
        // `WriteGate`; this waits out other writers (sessions, staff
        // saves, a backup or a command in another process).
        .busy_timeout(Duration::from_secs(5));
    if let Some(dir) = Path::new(options.get_filename()).parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the database folder {}", dir.display()))?;
        }
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(pool.size.unwrap_or(8))
        .acquire_timeout(pool.wait)
        .before_acquire(|_, meta| {
            Box::pin(async move { Ok(!opened_before_storage_fault(meta.age)) })
        })
        .connect_with(options)
        .await
        .with_context(|| format!("opening the database {url}"))?;
    SQLITE_MIGRATIONS
        .run(&pool)
        .await
        .context("applying database migrations")?;
    Ok(Db::Sqlite(pool))
}

/// Opens the PostgreSQL database at `url` and applies every migration.
pub async fn connect_postgres(url: &str, pool: PoolSettings) -> anyhow::Result<Db> {
    // One connection first: a server that is down or refuses us says so
    // at once (the pool would retry until its acquire timeout).
    use sqlx::Connection;
    sqlx::PgConnection::connect(url)
        .await
        .context("opening the PostgreSQL database DATABASE_URL names")?
        .close()
        .await?;
    let pool = PgPoolOptions::new()
        .max_connections(pool.size.unwrap_or(16))
        .acquire_timeout(pool.wait)
        .connect(url)
        .await
        .context("opening the PostgreSQL database DATABASE_URL names")?;
    POSTGRES_MIGRATIONS
        .run(&pool)
        .await
        .context("applying database migrations")?;
    Ok(Db::Postgres(pool))
}

/// When SQLite last failed a write for want of room or with an I/O error
/// (milliseconds since the epoch; 0: never). A connection open at that
/// moment can keep state from the failed write: with the kernel refusing
/// the file's growth, a later commit on such a connection was reported
/// done and then missing from the file (docs/deploying.md, A full disk).
/// So the pool closes every connection older than the last fault instead
/// of lending it again, and opens fresh ones.
static LAST_STORAGE_FAULT_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Notes a storage fault if `e` is one (SQLite's SQLITE_FULL or any
/// SQLITE_IOERR, whose primary code is in the low byte).
pub fn note_storage_fault(e: &sqlx::Error) {
    let primary = e
        .as_database_error()
        .and_then(|d| d.code())
        .and_then(|code| code.parse::<i64>().ok())
        .map(|code| code & 0xff);
    if matches!(primary, Some(10 | 13)) {
        LAST_STORAGE_FAULT_MS.store(now_ms(), std::sync::atomic::Ordering::Relaxed);
    }
}

/// Whether `e` says the database cannot be reached for now, rather than
/// that a statement was wrong: the pool had no connection within its
/// acquire timeout or is closing, a connection broke (I/O, TLS, the
/// worker thread), PostgreSQL is shutting down, starting, out of
/// connections or lost the connection (SQLSTATE classes 08, 53, 57P), or
/// SQLite found its file held, unopenable, unreadable or out of room
/// (BUSY, LOCKED, CANTOPEN, IOERR, FULL).
pub fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|code| {
            let code = code.as_ref();
            match code.parse::<i64>() {
                // SQLite: the primary code is the low byte.
                Ok(n) => matches!(n & 0xff, 5 | 6 | 10 | 13 | 14),
                Err(_) => {
                    code.starts_with("08") || code.starts_with("53") || code.starts_with("57P")
                }
            }
        }),
        _ => false,
    }
}

/// Whether a connection `age` old was open at the last storage fault.
fn opened_before_storage_fault(age: Duration) -> bool {
    let fault = LAST_STORAGE_FAULT_MS.load(std::sync::atomic::Ordering::Relaxed);
    let opened = now_ms().saturating_sub(u64::try_from(age.as_millis()).unwrap_or(u64::MAX));
    fault != 0 && opened <= fault
}

/// Each engine's migrations, embedded at build time (`app/build.rs`
/// rebuilds when one changes).
pub static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
pub static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// Opens a database file to read only (a backup being checked): no
/// migrations, nothing created.
pub async fn connect_read_only(path: &Path) -> anyhow::Result<Db> {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("opening {}", path.display()))?;
    Ok(Db::Sqlite(pool))
}

/// SQLite's own check of a database file: `"ok"`, or what is damaged.
pub async fn integrity_check(db: &Db) -> anyhow::Result<String> {
    let pool = db.sqlite().context("the integrity check is SQLite's")?;
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .context("checking the database's integrity")
}

/// Writes a consistent copy of the database to `path` (which must not
/// exist), while others read and write.
pub async fn backup(db: &Db, path: &Path) -> anyhow::Result<()> {
    let pool = db
        .sqlite()
        .context("`server backup` copies a SQLite database; back PostgreSQL up with pg_dump")?;
    sqlx::query("VACUUM INTO ?")
        .bind(path.to_string_lossy().as_ref())
        .execute(pool)
        .await
        .with_context(|| format!("writing a backup to {}", path.display()))?;
    Ok(())
}

/// Copies the write-ahead log into the database file and empties it, so
/// that what was just overwritten is gone from both.
pub async fn checkpoint(db: &Db) -> anyhow::Result<()> {
    if let Some(pool) = db.sqlite() {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(pool)
            .await
            .context("checkpointing the write-ahead log")?;
    }
    Ok(())
}

/// Queues this process's frequent writers (consultation requests and their
/// notifications) for SQLite's single write lock. SQLite makes a writer that
/// finds the lock taken sleep and retry (1, 2, 5, 10, ... ms), so under a
/// burst some requests waited long (docs/performance.md); waiting here, in
/// order, costs only the commits ahead.
#[derive(Clone, Default)]
pub struct WriteGate(std::sync::Arc<tokio::sync::Mutex<()>>);

impl WriteGate {
    pub async fn enter(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.0.clone().lock_owned().await
    }
}
