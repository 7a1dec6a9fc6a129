//! Uploaded images: their keys, the sizes the server keeps, and the limits
//! an upload must meet (shown to staff before they pick a file).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 12 * 1024 * 1024;
/// Most pixels an upload may declare: beyond this a small file can still
/// expand to gigabytes when decoded (a "pixel bomb").
pub const MAX_PIXELS: u64 = 40_000_000;
/// Narrowest hero image: anything smaller looks blurred on a laptop.
pub const MIN_WIDTH: u32 = 960;
/// Widths stored for responsive `srcset`s; the largest is capped at the
/// last one, and no image is enlarged.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// Names an uploaded image: the first 128 bits of its bytes' SHA-256, in hex.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MediaKey(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("That is not an image on this site: upload it again.")]
pub struct BadMediaKey;

impl MediaKey {
    pub const LEN: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, BadMediaKey> {
        let ok = raw.len() == Self::LEN
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(BadMediaKey)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Address of one stored width.
    pub fn url(&self, width: u32) -> String {
        format!("/media/{}-{width}.jpg", self.0)
    }

    /// The smallest stored width, which every image has: for thumbnails.
    pub fn thumbnail_url(&self) -> String {
        self.url(WIDTHS[0])
    }
}

impl TryFrom<String> for MediaKey {
    type Error = BadMediaKey;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<MediaKey> for String {
    fn from(key: MediaKey) -> Self {
        key.0
    }
}

impl fmt::Display for MediaKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An image as stored: its largest size and every width kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredImage {
    pub key: MediaKey,
    pub width: u32,
    pub height: u32,
    /// Ascending; starts with `WIDTHS[0]` unless the image is narrower
    /// (an image in an article's text may be any width; a hero never is).
    pub widths: Vec<u32>,
}

impl StoredImage {
    /// The default `src`: the stored width closest to a laptop column.
    pub fn src(&self) -> String {
        let width = self
            .widths
            .iter()
            .copied()
            .filter(|w| *w <= WIDTHS[1])
            .max()
            .unwrap_or(WIDTHS[0]);
        self.key.url(width)
    }

    pub fn srcset(&self) -> String {
        self.widths
            .iter()
            .map(|w| format!("{} {w}w", self.key.url(*w)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Widths to keep for an image `width` pixels wide: the standard widths
    /// below it, and its own (capped at the largest standard width).
    pub fn widths_for(width: u32) -> Vec<u32> {
        let largest = width.min(WIDTHS[WIDTHS.len() - 1]);
        let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < largest).collect();
        widths.push(largest);
        widths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_32_lowercase_hex_digits() {
        assert!(MediaKey::parse(&"a1".repeat(16)).is_ok());
        for bad in [
            "",
            "A1",
            &"A1".repeat(16),
            &"g1".repeat(16),
            "../../etc/passwd",
        ] {
            assert_eq!(MediaKey::parse(bad), Err(BadMediaKey), "{bad:?}");
        }
    }

    #[test]
    fn widths_never_enlarge_and_cap_at_the_largest() {
        assert_eq!(StoredImage::widths_for(300), vec![300]);
        assert_eq!(StoredImage::widths_for(480), vec![480]);
        assert_eq!(StoredImage::widths_for(960), vec![480, 960]);
        assert_eq!(StoredImage::widths_for(1200), vec![480, 960, 1200]);
        assert_eq!(StoredImage::widths_for(4000), vec![480, 960, 1600]);
    }

    #[test]
    fn src_and_srcset_name_the_stored_files() {
        let key = MediaKey::parse(&"0f".repeat(16)).unwrap_or_else(|e| panic!("{e}"));
        let image = StoredImage {
            key: key.clone(),
            width: 1600,
            height: 900,
            widths: vec![480, 960, 1600],
        };
        assert_eq!(image.src(), format!("/media/{key}-960.jpg"));
        assert_eq!(
            image.srcset(),
            format!(
                "/media/{key}-480.jpg 480w, /media/{key}-960.jpg 960w, /media/{key}-1600.jpg 1600w"
            )
        );
    }
}
