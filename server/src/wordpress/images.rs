//! A WordPress site's images, moved with its posts: each is read from a copy
//! of `wp-content/uploads` (`--uploads DIR`) or fetched from the old site
//! (`--fetch`), then checked and re-encoded exactly as an upload in the
//! editor (sizes for every screen, EXIF gone). An image that cannot be
//! found or used is reported, never fatal.

use crate::media::Purpose;
use app::domain::media::StoredImage;
use app::server::db::Db;
use app::server::media_store::MediaStore;
use axum::body::Bytes;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Larger files are not taken (the editor's upload limit).
const MAX_BYTES: u64 = 12 * 1024 * 1024;
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Where images come from.
pub enum Source {
    /// Nowhere: images keep pointing at the old site (and are reported).
    Off,
    /// A copy of the old site's `wp-content/uploads` folder.
    Uploads(PathBuf),
    /// The old site itself, while it still answers.
    Fetch(reqwest::Client),
}

impl Source {
    pub fn fetch() -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .user_agent("clinic-site import-wordpress")
            .build()?;
        Ok(Self::Fetch(client))
    }
}

/// The images taken so far, by their old address (each is taken once).
pub struct Images {
    source: Source,
    media: MediaStore,
    taken: HashMap<String, Result<StoredImage, String>>,
}

impl Images {
    pub fn new(source: Source, media: MediaStore) -> Self {
        Self {
            source,
            media,
            taken: HashMap::new(),
        }
    }

    /// The image at the old address `url`, stored here; `Err` says why not.
    pub async fn take(&mut self, db: &Db, url: &str) -> Result<StoredImage, String> {
        if let Some(done) = self.taken.get(url) {
            return done.clone();
        }
        let result = match self.bytes(url).await {
            // Any width: whether it can be a hero is the caller's question.
            Ok(bytes) => crate::media::keep(db, &self.media, bytes, Purpose::Body, None)
                .await
                .map_err(|e| e.to_string()),
            Err(why) => Err(why),
        };
        self.taken.insert(url.to_owned(), result.clone());
        result
    }

    /// The file's bytes: the full-size original first (WordPress names its
    /// smaller copies `name-300x200.jpg`), then the address as written.
    async fn bytes(&self, url: &str) -> Result<Bytes, String> {
        let mut tried = Vec::new();
        for candidate in original_first(url) {
            let found = match &self.source {
                Source::Off => return Err("not taken: give --uploads DIR or --fetch".to_owned()),
                Source::Uploads(dir) => read_upload(dir, &candidate).await,
                Source::Fetch(client) => fetch(client, &candidate).await,
            };
            match found {
                Ok(bytes) => return Ok(bytes),
                Err(why) => tried.push(why),
            }
        }
        Err(tried.join("; "))
    }
}

/// `…/desk-300x200.jpg` -> [`…/desk.jpg`, `…/desk-300x200.jpg`].
fn original_first(url: &str) -> Vec<String> {
    let (stem, extension) = url.rsplit_once('.').unwrap_or((url, ""));
    let original = stem.rsplit_once('-').and_then(|(name, size)| {
        let (w, h) = size.split_once('x')?;
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        (digits(w) && digits(h) && !name.ends_with('/')).then(|| format!("{name}.{extension}"))
    });
    original.into_iter().chain([url.to_owned()]).collect()
}

/// The file an upload's address names inside a copy of `wp-content/uploads`.
fn upload_path(dir: &Path, url: &str) -> Option<PathBuf> {
    const UPLOADS: &str = "/wp-content/uploads/";
    let at = url.find(UPLOADS)? + UPLOADS.len();
    let relative = url[at..].split(['?', '#']).next()?;
    let relative = PathBuf::from(super::fields::percent_decode(relative));
    // Only plain names below the folder: nothing climbs out of it.
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(relative))
}

async fn read_upload(dir: &Path, url: &str) -> Result<Bytes, String> {
    let path =
        upload_path(dir, url).ok_or_else(|| format!("{url} is not under wp-content/uploads"))?;
    let size = tokio::fs::metadata(&path)
        .await
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > MAX_BYTES {
        return Err(format!("{} is larger than 12 MB", path.display()));
    }
    tokio::fs::read(&path)
        .await
        .map(Bytes::from)
        .map_err(|e| format!("{}: {e}", path.display()))
}

async fn fetch(client: &reqwest::Client, url: &str) -> Result<Bytes, String> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!("{url} is not a web address"));
    }
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !response.status().is_success() {
        return Err(format!("{url}: {}", response.status()));
    }
    if response.content_length().is_some_and(|n| n > MAX_BYTES) {
        return Err(format!("{url} is larger than 12 MB"));
    }
    let bytes = response.bytes().await.map_err(|e| format!("{url}: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("{url} is larger than 12 MB"));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_smaller_copy_is_taken_from_its_original() {
        assert_eq!(
            original_first("https://old.example/wp-content/uploads/2024/01/desk-300x200.jpg"),
            [
                "https://old.example/wp-content/uploads/2024/01/desk.jpg",
                "https://old.example/wp-content/uploads/2024/01/desk-300x200.jpg"
            ]
        );
        assert_eq!(
            original_first("https://old.example/wp-content/uploads/back-pain.jpg"),
            ["https://old.example/wp-content/uploads/back-pain.jpg"]
        );
    }

    #[test]
    fn uploads_are_read_only_from_below_the_folder() {
        let dir = Path::new("/srv/uploads");
        assert_eq!(
            upload_path(
                dir,
                "https://old.example/wp-content/uploads/2024/01/my%20desk.jpg?v=2"
            ),
            Some(PathBuf::from("/srv/uploads/2024/01/my desk.jpg"))
        );
        for url in [
            "https://old.example/wp-content/uploads/../../etc/passwd",
            "https://old.example/wp-content/uploads/%2e%2e/secret.jpg",
            "https://old.example/wp-content/uploads//etc/passwd",
            "https://old.example/images/desk.jpg",
        ] {
            assert_eq!(upload_path(dir, url), None, "{url}");
        }
    }
}
