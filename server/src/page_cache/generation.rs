//! The content generation a cached page is checked against, read from the
//! database for every cached answer: on SQLite through a connection of its
//! own, read in place (a few microseconds); on PostgreSQL once per wave of
//! requests, also through a connection of its own: cached pages are
//! answered while renders hold every pooled connection.

use app::server::db::{self, Db};
use futures_util::future::{BoxFuture, FutureExt, Shared};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

type Reading = Shared<BoxFuture<'static, Option<i64>>>;

/// Reads the content generation for every cached answer, one query at a
/// time: requests that arrive while a query runs share the next one. A
/// request only joins a query that has not started yet, so it always sees
/// every commit made before it arrived, and a publish shows on the very
/// next request. One query per request held throughput far below nginx's
/// (docs/performance.md).
#[derive(Clone)]
pub(super) struct Generation {
    slots: Arc<Mutex<Slots>>,
    readings: Arc<AtomicU64>,
    reader: Arc<db::content_generation::Reader>,
}

#[derive(Default)]
struct Slots {
    running: Option<Reading>,
    next: Option<(u64, Reading)>,
}

impl Generation {
    pub(super) fn new(db: &Db) -> Self {
        Self {
            slots: Arc::default(),
            readings: Arc::default(),
            reader: Arc::new(db::content_generation::Reader::new(db)),
        }
    }

    /// The generation now; `None` when the database cannot be read.
    pub(super) fn current(&self) -> Reading {
        let Ok(mut slots) = self.slots.lock() else {
            return Self::read(self.reader.clone()).boxed().shared();
        };
        if let Some((_, reading)) = slots.next.as_ref() {
            return reading.clone();
        }
        let id = self.readings.fetch_add(1, Ordering::Relaxed);
        let previous = slots.running.clone();
        let shared = self.slots.clone();
        let reader = self.reader.clone();
        let reading = async move {
            if let Some(previous) = previous {
                previous.await;
            }
            // Starting: whoever arrives from now on waits for the next one.
            if let Ok(mut slots) = shared.lock() {
                if slots
                    .next
                    .as_ref()
                    .is_some_and(|(waiting, _)| *waiting == id)
                {
                    slots.running = slots.next.take().map(|(_, reading)| reading);
                }
            }
            Self::read(reader).await
        }
        .boxed()
        .shared();
        slots.next = Some((id, reading.clone()));
        reading
    }

    async fn read(reader: Arc<db::content_generation::Reader>) -> Option<i64> {
        reader.current().await.ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Generation;

    /// While other requests keep queries running, a request made after a
    /// commit must never be answered from a query that began before it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_never_sees_a_generation_older_than_its_arrival() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}", dir.path().join("clinic.db").display());
        let db = app::server::db::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let generation = Generation::new(&db);
        let background: Vec<_> = (0..8)
            .map(|_| {
                let generation = generation.clone();
                tokio::spawn(async move {
                    for _ in 0..400 {
                        generation.current().await;
                    }
                })
            })
            .collect();
        for _ in 0..100 {
            let committed: i64 = sqlx::query_scalar(
                "UPDATE content_generation SET value = value + 1 WHERE id = 1 RETURNING value",
            )
            .fetch_one(db.sqlite().unwrap_or_else(|| panic!("a SQLite database")))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            let seen = generation.current().await;
            assert!(seen >= Some(committed), "{seen:?} < {committed}");
        }
        for task in background {
            task.await.unwrap_or_else(|e| panic!("{e}"));
        }
    }

    /// The connection of its own sees each commit made through the pool
    /// at once: it never keeps an old read snapshot between reads.
    #[tokio::test]
    async fn the_direct_read_sees_every_commit_before_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = format!("sqlite://{}", dir.path().join("clinic.db").display());
        let db = app::server::db::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let direct = app::server::db::content_generation::Direct::open(&db)
            .unwrap_or_else(|| panic!("opened"));
        for _ in 0..50 {
            let committed: i64 = sqlx::query_scalar(
                "UPDATE content_generation SET value = value + 1 WHERE id = 1 RETURNING value",
            )
            .fetch_one(db.sqlite().unwrap_or_else(|| panic!("a SQLite database")))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(direct.read(), Some(committed));
        }
    }
}
