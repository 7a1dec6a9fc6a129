//! How many passes each background worker has made. A worker that stalls
//! shows as a count that stops rising (`background_passes_total` on the
//! metrics listener), and a test that must see "nothing happens again"
//! waits for passes rather than for a length of time.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// One worker's count of finished passes.
#[derive(Clone, Debug)]
pub struct Passes {
    worker: &'static str,
    count: Arc<AtomicU64>,
}

impl Passes {
    fn new(worker: &'static str) -> Self {
        Self {
            worker,
            count: Arc::default(),
        }
    }

    /// Counts one finished pass, whatever it found.
    pub fn finished(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
        metrics::counter!("background_passes_total", "worker" => self.worker).increment(1);
    }

    pub fn worker(&self) -> &'static str {
        self.worker
    }

    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}

/// The workers every server runs.
#[derive(Clone, Debug)]
pub struct Workers {
    /// The e-mail queue (`notify`).
    pub mail: Passes,
    /// Scheduled publishing (`editor::publish`).
    pub publish: Passes,
}

impl Default for Workers {
    fn default() -> Self {
        Self {
            mail: Passes::new("mail"),
            publish: Passes::new("publish"),
        }
    }
}
