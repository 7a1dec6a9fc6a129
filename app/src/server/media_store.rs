//! Where uploaded images' files are kept: a folder (with several app
//! servers, a volume every one of them mounts), or an S3-compatible bucket
//! through `object_store`. Files are named `<key>-<width>.jpg`, by their
//! content's hash, and never change.

use crate::domain::media::{MediaKey, WIDTHS};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone)]
pub enum MediaStore {
    Dir(PathBuf),
    Bucket(Bucket),
}

#[derive(Clone)]
pub struct Bucket {
    store: Arc<dyn ObjectStore>,
    /// The folder in the bucket (`s3://bucket/<prefix>`), maybe empty.
    prefix: String,
    /// `s3://bucket/prefix`, for messages.
    url: String,
}

impl MediaStore {
    /// The bucket `url` names (`s3://bucket[/folder]`), reached with
    /// `options`: object_store's S3 settings (`aws_endpoint`,
    /// `aws_access_key_id`, ...), read from `AWS_*` variables at start.
    pub fn bucket(url: &str, options: &[(String, String)]) -> anyhow::Result<Self> {
        let Some(rest) = url.strip_prefix("s3://") else {
            anyhow::bail!("MEDIA_STORE={url:?}: expected s3://bucket or s3://bucket/folder (an S3-compatible bucket), or leave it unset for MEDIA_DIR");
        };
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            anyhow::bail!("MEDIA_STORE={url:?} names no bucket");
        }
        let mut builder = AmazonS3Builder::new().with_bucket_name(bucket);
        for (name, value) in options {
            // As object_store's own `from_env`: AWS_* names it has no
            // setting for (AWS_PROFILE, ...) are someone else's.
            match name.parse::<AmazonS3ConfigKey>() {
                Ok(key) => builder = builder.with_config(key, value),
                Err(_) => {
                    tracing::warn!(variable = %name.to_uppercase(), "not an S3 setting; ignored")
                }
            }
        }
        let store = builder
            .build()
            .map_err(|e| anyhow::anyhow!("MEDIA_STORE={url:?}: {e}"))?;
        Ok(Self::Bucket(Bucket {
            store: Arc::new(store),
            prefix: prefix.trim_matches('/').to_owned(),
            url: url.to_owned(),
        }))
    }

    /// Keeps one file; a reader never sees half of it (a folder's file is
    /// renamed into place; a bucket's object appears whole).
    pub async fn put(&self, name: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        match self {
            Self::Dir(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let tmp = dir.join(format!(".{name}.tmp"));
                tokio::fs::write(&tmp, bytes).await?;
                tokio::fs::rename(&tmp, dir.join(name)).await
            }
            Self::Bucket(bucket) => bucket
                .store
                .put(&bucket.path(name), PutPayload::from(bytes))
                .await
                .map(|_| ())
                .map_err(|e| bucket.failed(e)),
        }
    }

    /// Where files go, for messages: a folder's path or the bucket's URL.
    pub fn describe(&self) -> String {
        match self {
            Self::Dir(dir) => dir.display().to_string(),
            Self::Bucket(bucket) => bucket.url.clone(),
        }
    }
}

impl Bucket {
    /// One file's bytes; `None` if there is no such file. (A folder's
    /// files are served straight from the folder.)
    pub async fn get(&self, name: &str) -> std::io::Result<Option<bytes::Bytes>> {
        match self.store.get(&self.path(name)).await {
            Ok(found) => found.bytes().await.map(Some).map_err(|e| self.failed(e)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(self.failed(e)),
        }
    }

    fn failed(&self, e: object_store::Error) -> std::io::Error {
        std::io::Error::other(format!("{}: {e}", self.url))
    }

    fn path(&self, name: &str) -> ObjectPath {
        if self.prefix.is_empty() {
            ObjectPath::from(name)
        } else {
            ObjectPath::from(format!("{}/{name}", self.prefix))
        }
    }
}

/// A stored file's name (`<key>-<width>.jpg`), if `name` is one: only
/// such names are looked up in a bucket.
pub fn file_name(name: &str) -> Option<&str> {
    let (key, width) = name.strip_suffix(".jpg")?.rsplit_once('-')?;
    MediaKey::parse(key).ok()?;
    WIDTHS.contains(&width.parse::<u32>().ok()?).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stored_file_names_are_looked_up() {
        let key = "0123456789abcdef0123456789abcdef";
        let good = format!("{key}-{}.jpg", WIDTHS[0]);
        assert_eq!(file_name(&good), Some(good.as_str()));
        for bad in [
            format!("{key}-7.jpg"),
            format!("{key}-{}.png", WIDTHS[0]),
            format!("../{key}-{}.jpg", WIDTHS[0]),
            "x-480.jpg".to_owned(),
            String::new(),
        ] {
            assert_eq!(file_name(&bad), None, "{bad}");
        }
    }

    #[test]
    fn a_media_store_url_must_be_an_s3_bucket() {
        for bad in ["file:///srv/media", "s3://", "gs://bucket"] {
            assert!(MediaStore::bucket(bad, &[]).is_err(), "{bad}");
        }
    }
}
