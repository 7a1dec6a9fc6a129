//! A stand-in for an S3-compatible bucket, for tests: keeps objects in
//! memory and answers object_store's PUT and GET over real HTTP, path
//! style (`/<bucket>/<key>`). It checks no signature; it can be switched
//! off to play a bucket out of reach.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
pub struct S3Standin {
    pub port: u16,
    objects: Arc<Mutex<BTreeMap<String, Bytes>>>,
    down: Arc<AtomicBool>,
}

impl S3Standin {
    pub async fn start() -> Self {
        let (listener, port) = crate::support::helpers::local_listener().await;
        let standin = Self {
            port,
            ..Self::default()
        };
        let router = axum::Router::new()
            .route("/{bucket}/{*key}", put(store).get(fetch))
            .with_state(standin.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        standin
    }

    /// The settings a server needs for the bucket `s3://<bucket>/...`.
    pub fn settings(&self) -> Vec<(String, String)> {
        [
            ("aws_endpoint", format!("http://127.0.0.1:{}", self.port)),
            ("aws_allow_http", "true".to_owned()),
            ("aws_access_key_id", "clinic".to_owned()),
            ("aws_secret_access_key", "not-checked".to_owned()),
            ("aws_region", "us-east-1".to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
    }

    /// Every object's `<bucket>/<key>`.
    pub fn keys(&self) -> Vec<String> {
        self.objects
            .lock()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// While set, every request is answered 503, as a bucket out of reach.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "<Error><Code>SlowDown</Code></Error>",
    )
        .into_response()
}

async fn store(
    State(standin): State<S3Standin>,
    Path((bucket, key)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    if standin.down.load(Ordering::SeqCst) {
        return unavailable();
    }
    let etag = format!("\"{:x}\"", body.len());
    if let Ok(mut objects) = standin.objects.lock() {
        objects.insert(format!("{bucket}/{key}"), body);
    }
    let mut headers = HeaderMap::new();
    headers.insert(header::ETAG, etag.parse().unwrap_or_else(|e| panic!("{e}")));
    (StatusCode::OK, headers).into_response()
}

async fn fetch(
    State(standin): State<S3Standin>,
    Path((bucket, key)): Path<(String, String)>,
) -> Response {
    if standin.down.load(Ordering::SeqCst) {
        return unavailable();
    }
    let found = standin
        .objects
        .lock()
        .ok()
        .and_then(|o| o.get(&format!("{bucket}/{key}")).cloned());
    match found {
        None => (
            StatusCode::NOT_FOUND,
            "<Error><Code>NoSuchKey</Code></Error>",
        )
            .into_response(),
        Some(bytes) => (
            [
                (header::ETAG, format!("\"{:x}\"", bytes.len())),
                (
                    header::LAST_MODIFIED,
                    "Tue, 01 Dec 2026 00:00:00 GMT".to_owned(),
                ),
                (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            ],
            bytes,
        )
            .into_response(),
    }
}
