//! The pages the cache keeps, and the cap on the memory they take.

use crate::compress::Encoding;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};
use std::collections::HashMap;
use std::sync::Arc;

/// A page's body as rendered and in the encodings made for it (empty where
/// an encoding was not made).
pub(super) struct Bodies {
    pub identity: Bytes,
    pub brotli: Bytes,
    pub gzip: Bytes,
}

impl Bodies {
    /// The body in `encoding`, with the `Content-Encoding` header it needs.
    pub(super) fn pick(&self, encoding: Encoding, headers: &mut HeaderMap) -> Bytes {
        let (coding, body) = match encoding {
            Encoding::Brotli => (Some("br"), &self.brotli),
            Encoding::Gzip => (Some("gzip"), &self.gzip),
            Encoding::Identity => (None, &self.identity),
        };
        if let Some(coding) = coding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        body.clone()
    }

    fn size(&self) -> usize {
        self.identity.len() + self.brotli.len() + self.gzip.len()
    }
}

pub(super) struct Entry {
    pub generation: i64,
    pub content_type: HeaderValue,
    /// The page's Content-Security-Policy (its inline code's hashes).
    pub policy: Option<HeaderValue>,
    pub etag: HeaderValue,
    pub bodies: Bodies,
}

#[derive(Default)]
pub(super) struct Entries {
    pages: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

impl Entries {
    /// The page kept under `key`, if it was rendered at `generation`.
    pub(super) fn get(&self, key: &str, generation: i64) -> Option<Arc<Entry>> {
        self.pages
            .get(key)
            .filter(|e| e.generation == generation)
            .cloned()
    }

    /// The page kept under `key`, whatever generation it was rendered at.
    pub(super) fn latest(&self, key: &str) -> Option<Arc<Entry>> {
        self.pages.get(key).cloned()
    }

    /// Keeps `entry`, starting over first if it would take the cache past
    /// `cap` bytes.
    pub(super) fn keep(&mut self, key: String, entry: Arc<Entry>, cap: usize) {
        let size = entry.bodies.size();
        if self.bytes + size > cap {
            self.pages.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        if let Some(old) = self.pages.insert(key, entry) {
            self.bytes -= old.bodies.size();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Bodies, Entries, Entry};
    use axum::http::HeaderValue;
    use std::sync::Arc;

    fn page(bytes: usize) -> Arc<Entry> {
        Arc::new(Entry {
            generation: 1,
            content_type: HeaderValue::from_static("text/html"),
            policy: None,
            etag: HeaderValue::from_static("W/\"x\""),
            bodies: Bodies {
                identity: vec![b'x'; bytes].into(),
                brotli: vec![b'b'; bytes / 10].into(),
                gzip: vec![b'g'; bytes / 10].into(),
            },
        })
    }

    fn counted(entries: &Entries) -> usize {
        entries.pages.values().map(|e| e.bodies.size()).sum()
    }

    #[test]
    fn the_cache_never_holds_more_than_its_cap() {
        let mut entries = Entries::default();
        for n in 0..100 {
            entries.keep(format!("/articles?x={n}"), page(10_000), 50_000);
            assert!(entries.bytes <= 50_000, "{} bytes", entries.bytes);
            assert_eq!(entries.bytes, counted(&entries));
        }
        // The same address again replaces its entry rather than adding one.
        entries.keep("/".into(), page(1_000), 50_000);
        entries.keep("/".into(), page(2_000), 50_000);
        assert_eq!(entries.bytes, counted(&entries));
    }
}
