//! A number that changes whenever anything patients see changes (kept by
//! triggers), for the server's page cache.

use super::Db;
use crate::server::ServerError;
use std::sync::{Arc, Mutex};

pub async fn current(db: &Db) -> Result<i64, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT value FROM content_generation WHERE id = 1")
            .fetch_one(c).await)?,
    )
}

/// Reads the generation for the page cache without taking a pooled
/// connection: on PostgreSQL through a connection of its own, opened on
/// first use and again after it breaks, so a cached page is answered while
/// renders hold every connection of the pool. SQLite's page cache reads in
/// place (its own connection in the server crate); here it uses the pool.
pub struct Reader {
    db: Db,
    own: tokio::sync::Mutex<Option<sqlx::PgConnection>>,
}

impl Reader {
    pub fn new(db: &Db) -> Self {
        Self {
            db: db.clone(),
            own: tokio::sync::Mutex::new(None),
        }
    }

    pub async fn current(&self) -> Result<i64, ServerError> {
        let Db::Postgres(pool) = &self.db else {
            return current(&self.db).await;
        };
        let mut own = self.own.lock().await;
        let connection = match own.as_mut() {
            Some(connection) => connection,
            None => {
                use sqlx::ConnectOptions;
                let wait = pool.options().get_acquire_timeout();
                let opened = tokio::time::timeout(wait, pool.connect_options().connect())
                    .await
                    .map_err(|_| sqlx::Error::PoolTimedOut)??;
                own.insert(opened)
            }
        };
        let read = sqlx::query_scalar("SELECT value FROM content_generation WHERE id = 1")
            .fetch_one(&mut *connection)
            .await;
        if read.is_err() {
            // Broken or not: the next read opens a fresh one.
            *own = None;
        }
        Ok(read?)
    }
}

/// SQLite's generation, read on the calling thread through one connection
/// kept for it: sqlx runs each query on a connection's own thread, and the
/// two hops there and back cost more than the read itself (bench/ceiling).
/// Every read is a new read transaction, so it sees every commit made
/// before it, by this server or any other process.
#[derive(Clone)]
pub struct Direct(Arc<Mutex<rusqlite::Connection>>);

impl Direct {
    /// A read-only connection to the database `db` uses, if it is SQLite.
    pub fn open(db: &Db) -> Option<Self> {
        let path = db.sqlite()?.connect_options().get_filename().to_owned();
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        match rusqlite::Connection::open_with_flags(&path, flags) {
            Ok(connection) => Some(Self(Arc::new(Mutex::new(connection)))),
            Err(error) => {
                // The shared reads below still work; only slower.
                tracing::warn!(%error, "opening the page cache's own SQLite connection");
                None
            }
        }
    }

    pub fn read(&self) -> Option<i64> {
        let connection = self.0.lock().ok()?;
        let mut statement = connection
            .prepare_cached("SELECT value FROM content_generation WHERE id = 1")
            .ok()?;
        statement.query_row([], |row| row.get(0)).ok()
    }
}
