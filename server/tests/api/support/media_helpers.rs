use crate::support::helpers::TestApp;
use image::{ImageEncoder, RgbImage};
use reqwest::header::CONTENT_TYPE;

/// A photo-like JPEG (a gradient, so it compresses like a real one).
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

/// The same JPEG carrying an EXIF block with a GPS position, as phones write.
pub fn jpeg_with_location(width: u32, height: u32) -> Vec<u8> {
    let plain = jpeg(width, height);
    let payload = b"Exif\0\0MM\0*\0\0\0\x08GPSLatitude 40.7128 N GPSLongitude 74.0060 W";
    let length = u16::try_from(payload.len() + 2).unwrap_or(u16::MAX);
    let mut out = plain[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A tiny, valid JPEG whose header claims 60,000 × 60,000 pixels: decoding
/// it would need ~10 GB.
pub fn pixel_bomb() -> Vec<u8> {
    let mut bytes = jpeg(16, 16);
    // Start-of-frame (baseline): FF C0, length (2), precision (1), height (2), width (2).
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .unwrap_or_else(|| panic!("no SOF0 marker"));
    let size = 60_000u16.to_be_bytes();
    bytes[sof + 5..sof + 7].copy_from_slice(&size);
    bytes[sof + 7..sof + 9].copy_from_slice(&size);
    bytes
}

impl TestApp {
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        content_type: &str,
        bytes: Vec<u8>,
    ) -> reqwest::Response {
        client
            .post(self.url("/api/admin/media"))
            .header(CONTENT_TYPE, content_type)
            .body(bytes)
            .send()
            .await
            .unwrap_or_else(|e| panic!("upload: {e}"))
    }
}
