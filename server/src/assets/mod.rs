//! The app's built files (`/pkg`: JS, wasm chunks, CSS). They are served
//! under a directory named for a hash of their contents, so browsers keep
//! them for a year (`immutable`) and a new build is a new address. Each is
//! compressed once at build time (`server precompress`) and sent as the
//! `.br` or `.gz` beside it. Earlier builds stay reachable at their own
//! addresses for pages opened before a deploy (`earlier_builds`).

pub mod earlier_builds;

use app::routes;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::services::ServeDir;

/// Files worth compressing; images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &["js", "wasm", "css", "svg", "json", "webmanifest", "txt"];

fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn is_derived(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("br" | "gz" | "partial")
    )
}

/// The files of `dir` and below, sorted, without the compressed copies.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if !is_derived(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A short hash of every file's name and bytes under `pkg`.
pub fn fingerprint(pkg: &Path) -> String {
    let mut hasher = Sha256::new();
    for path in files(pkg) {
        if let Ok(bytes) = std::fs::read(&path) {
            hasher.update(
                path.strip_prefix(pkg)
                    .unwrap_or(&path)
                    .as_os_str()
                    .as_encoded_bytes(),
            );
            hasher.update([0]);
            hasher.update(&bytes);
        }
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `/pkg/<hash>/…` from the files in `pkg`, and each earlier build kept
/// at its own hash.
pub fn routes(
    pkg: &Path,
    hash: &str,
    earlier: &[(String, std::path::PathBuf)],
) -> Router<app::server::AppState> {
    let served = |files: &Path| {
        tower::ServiceBuilder::new()
            .layer(axum::middleware::from_fn(immutable))
            .service(ServeDir::new(files).precompressed_br().precompressed_gzip())
    };
    earlier.iter().fold(
        Router::new().nest_service(&format!("{}/{hash}", routes::PKG), served(pkg)),
        |router, (old, files)| {
            router.nest_service(&format!("{}/{old}", routes::PKG), served(files))
        },
    )
}

/// A hashed file never changes; a missing one may appear with the next build.
async fn immutable(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if response.status().is_success() {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    response
}

/// Writes `name.br` and `name.gz` beside each compressible file under
/// `site_root`, where they are older than the file; returns how many files
/// were compressed and their bytes before and after brotli.
pub fn precompress(site_root: &Path) -> std::io::Result<(usize, u64, u64)> {
    let (mut count, mut before, mut after) = (0, 0, 0);
    for path in files(site_root).into_iter().filter(|p| is_compressible(p)) {
        let bytes = std::fs::read(&path)?;
        let modified = std::fs::metadata(&path)?.modified()?;
        for (ext, encode) in [
            (
                "br",
                (|b: &[u8]| crate::compress::brotli(b, 11)) as fn(&[u8]) -> Vec<u8>,
            ),
            ("gz", crate::compress::gzip),
        ] {
            let mut target = path.clone().into_os_string();
            target.push(format!(".{ext}"));
            let target = std::path::PathBuf::from(target);
            let fresh = std::fs::metadata(&target)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= modified);
            let encoded = if fresh {
                std::fs::read(&target)?
            } else {
                let encoded = encode(&bytes);
                // Written whole, then renamed: a server never sends half a file.
                let partial = target.with_extension(format!("{ext}.partial"));
                std::fs::write(&partial, &encoded)?;
                std::fs::rename(&partial, &target)?;
                encoded
            };
            if ext == "br" {
                after += encoded.len() as u64;
            }
        }
        count += 1;
        before += bytes.len() as u64;
    }
    Ok((count, before, after))
}

/// The site's own files outside `/pkg` (icons, `noscript.css`), by address.
#[derive(Clone, Default)]
pub struct PublicFiles(std::sync::Arc<std::collections::HashSet<String>>);

impl PublicFiles {
    pub fn scan(site_root: &Path, pkg: &Path) -> Self {
        let names = files(site_root)
            .into_iter()
            .filter(|p| !p.starts_with(pkg))
            .filter_map(|p| {
                let relative = p.strip_prefix(site_root).ok()?.to_str()?.to_owned();
                Some(format!("/{relative}"))
            })
            .collect();
        Self(std::sync::Arc::new(names))
    }
}

/// Icons keep their names across builds, so browsers keep them a day rather
/// than for ever: a repeat visit within the day fetches none of them.
pub async fn cache_public_files(
    axum::extract::State(public): axum::extract::State<PublicFiles>,
    request: Request,
    next: Next,
) -> Response {
    let listed = public.0.contains(request.uri().path());
    let mut response = next.run(request).await;
    if listed && response.status().is_success() {
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("public, max-age=86400"));
    }
    response
}
