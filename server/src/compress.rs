//! Brotli and gzip encodings of a response body, made once and reused: for
//! cached pages at their first render, for the app's files at build time.

use std::io::Write;

/// The best a browser accepts of brotli, gzip and the bytes as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// Reads `Accept-Encoding`; a coding with `q=0` is refused, not accepted.
    pub fn preferred(accept: Option<&str>) -> Self {
        let accepts = |name: &str| {
            accept.is_some_and(|list| {
                list.split(',').any(|item| {
                    let mut parts = item.split(';').map(str::trim);
                    parts.next().is_some_and(|c| c.eq_ignore_ascii_case(name))
                        && !parts.any(|p| {
                            p.strip_prefix("q=")
                                .and_then(|q| q.parse::<f32>().ok())
                                .is_some_and(|q| q == 0.0)
                        })
                })
            })
        };
        if accepts("br") {
            Self::Brotli
        } else if accepts("gzip") {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

/// Brotli at `quality` (0–11); 11 for files compressed once at build time.
pub fn brotli(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        // Writing to a Vec cannot fail.
        let _ = writer.write_all(bytes);
    }
    out
}

/// Gzip at its best level.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn browsers_get_brotli_then_gzip_and_refusals_are_respected() {
        assert_eq!(
            Encoding::preferred(Some("gzip, deflate, br, zstd")),
            Encoding::Brotli
        );
        assert_eq!(Encoding::preferred(Some("gzip")), Encoding::Gzip);
        assert_eq!(Encoding::preferred(Some("br;q=0, gzip")), Encoding::Gzip);
        assert_eq!(Encoding::preferred(Some("identity")), Encoding::Identity);
        assert_eq!(Encoding::preferred(None), Encoding::Identity);
    }

    #[test]
    fn both_encodings_round_trip() {
        let page = "<p>Low back pain</p>".repeat(200);
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(gzip(page.as_bytes()).as_slice())
            .read_to_string(&mut unzipped)
            .unwrap_or_default();
        assert_eq!(unzipped, page);
        let mut unbrotlied = String::new();
        brotli::Decompressor::new(brotli(page.as_bytes(), 5).as_slice(), 4096)
            .read_to_string(&mut unbrotlied)
            .unwrap_or_default();
        assert_eq!(unbrotlied, page);
    }
}
