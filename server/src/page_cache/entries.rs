//! The pages the cache keeps, and the cap on the memory they take.

use crate::compress::Encoding;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

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
    /// Every answer's headers, made on the first answer and cloned after.
    heads: OnceLock<Heads>,
}

/// The headers of an answer from the cache: in each encoding, and a 304's.
/// Cloning a finished map is cheaper than building one per request (an
/// insert hashes its name and may grow the map: bench/ceiling).
pub(super) struct Heads {
    identity: HeaderMap,
    brotli: HeaderMap,
    gzip: HeaderMap,
    pub not_modified: HeaderMap,
}

impl Heads {
    /// The headers of the body in `encoding`, and that body.
    pub(super) fn pick<'a>(
        &'a self,
        bodies: &Bodies,
        encoding: Encoding,
    ) -> (&'a HeaderMap, Bytes) {
        match encoding {
            Encoding::Brotli => (&self.brotli, bodies.brotli.clone()),
            Encoding::Gzip => (&self.gzip, bodies.gzip.clone()),
            Encoding::Identity => (&self.identity, bodies.identity.clone()),
        }
    }
}

impl Entry {
    pub(super) fn new(
        generation: i64,
        content_type: HeaderValue,
        policy: Option<HeaderValue>,
        etag: HeaderValue,
        bodies: Bodies,
    ) -> Self {
        Self {
            generation,
            content_type,
            policy,
            etag,
            bodies,
            heads: OnceLock::new(),
        }
    }

    /// The answers' headers; `hsts` when the site is served over https.
    pub(super) fn heads(&self, hsts: bool) -> &Heads {
        self.heads.get_or_init(|| {
            let mut common = HeaderMap::with_capacity(12);
            common.insert(header::ETAG, self.etag.clone());
            common.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            common.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
            // The layers that would add these are skipped.
            crate::router::security_headers(&mut common, hsts);
            let not_modified = common.clone();
            common.insert(header::CONTENT_TYPE, self.content_type.clone());
            if let Some(policy) = &self.policy {
                common.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
            }
            let encoded = |coding: &'static str| {
                let mut headers = common.clone();
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
                headers
            };
            Heads {
                brotli: encoded("br"),
                gzip: encoded("gzip"),
                identity: common,
                not_modified,
            }
        })
    }
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
        Arc::new(Entry::new(
            1,
            HeaderValue::from_static("text/html"),
            None,
            HeaderValue::from_static("W/\"x\""),
            Bodies {
                identity: vec![b'x'; bytes].into(),
                brotli: vec![b'b'; bytes / 10].into(),
                gzip: vec![b'g'; bytes / 10].into(),
            },
        ))
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
