//! Turns uploaded bytes into the JPEGs we serve: checked by content, limited
//! before decoding, turned upright, re-encoded (dropping EXIF, including
//! location) at each responsive width.

use app::domain::media::{MediaKey, StoredImage, MAX_PIXELS, MIN_WIDTH};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// JPEG quality: visually clean for photos at a third of the size of 95.
const QUALITY: u8 = 80;

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("This file is not a JPEG, PNG or WebP image. Save it in one of those formats and try again.")]
    NotAnImage,
    #[error("The image is {width} × {height} pixels: more than the 40 million pixels this site accepts. Resize it and try again.")]
    TooManyPixels { width: u32, height: u32 },
    #[error("The image is {width} pixels wide; a hero image needs at least {MIN_WIDTH} so it stays sharp on large screens.")]
    TooNarrow { width: u32 },
    #[error("The image could not be read: the file may be damaged. Try saving it again.")]
    Unreadable,
}

/// What an image is for: a hero is shown across the page, so it is held to
/// a minimum width; an image inside an article's text is shown at its own
/// size, whatever that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Hero,
    Body,
}

impl Purpose {
    /// Whether an image `width` pixels wide may serve this purpose.
    pub fn check(self, width: u32) -> Result<(), ImageError> {
        match self {
            Purpose::Hero if width < MIN_WIDTH => Err(ImageError::TooNarrow { width }),
            _ => Ok(()),
        }
    }
}

/// The key an upload is stored under: the same bytes, the same key.
pub fn key_for(bytes: &[u8]) -> MediaKey {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    // 32 lowercase hex digits always parse.
    MediaKey::parse(&hex).unwrap_or_else(|_| unreachable!("hex digest"))
}

/// An image ready to write: its record and one JPEG per width.
pub struct Encoded {
    pub image: StoredImage,
    pub files: Vec<(u32, Vec<u8>)>,
}

/// CPU-heavy: call it off the async executor.
pub fn encode(bytes: &[u8], purpose: Purpose) -> Result<Encoded, ImageError> {
    let format = image::guess_format(bytes).map_err(|_| ImageError::NotAnImage)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(ImageError::NotAnImage);
    }
    // The header's size is checked before a single pixel is decoded.
    let mut header = ImageReader::with_format(Cursor::new(bytes), format);
    header.no_limits();
    let (width, height) = header
        .into_dimensions()
        .map_err(|_| ImageError::Unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::TooManyPixels { width, height });
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| ImageError::Unreadable)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut decoded = DynamicImage::from_decoder(decoder).map_err(|_| ImageError::Unreadable)?;
    decoded.apply_orientation(orientation);
    let upright = flatten(&decoded);
    let (width, height) = upright.dimensions();
    purpose.check(width)?;
    let widths = StoredImage::widths_for(width);
    let mut files = Vec::with_capacity(widths.len());
    let mut largest_height = height;
    for &w in &widths {
        let h = scaled_height(width, height, w);
        let resized = if w == width {
            upright.clone()
        } else {
            image::imageops::resize(&upright, w, h, FilterType::CatmullRom)
        };
        largest_height = h;
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
            .encode_image(&resized)
            .map_err(|_| ImageError::Unreadable)?;
        files.push((w, jpeg));
    }
    let largest = widths.last().copied().unwrap_or(width);
    Ok(Encoded {
        image: StoredImage {
            key: key_for(bytes),
            width: largest,
            height: largest_height,
            widths,
        },
        files,
    })
}

fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(h.max(1)).unwrap_or(u32::MAX)
}

/// JPEG has no transparency: transparent parts become white, not black.
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let c = u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a));
            u8::try_from(c / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, RgbaImage};

    fn png(width: u32, height: u32) -> Vec<u8> {
        let pixels = RgbaImage::from_pixel(width, height, image::Rgba([10, 120, 200, 0]));
        let mut out = Vec::new();
        image::codecs::png::PngEncoder::new(&mut out)
            .write_image(
                pixels.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgba8,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        out
    }

    #[test]
    fn stores_each_width_without_enlarging() {
        let encoded = encode(&png(1200, 600), Purpose::Hero).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(encoded.image.widths, vec![480, 960, 1200]);
        assert_eq!((encoded.image.width, encoded.image.height), (1200, 600));
        let sizes: Vec<(u32, u32)> = encoded
            .files
            .iter()
            .map(|(_, jpeg)| {
                let img = image::load_from_memory(jpeg).unwrap_or_else(|e| panic!("{e}"));
                (img.width(), img.height())
            })
            .collect();
        assert_eq!(sizes, vec![(480, 240), (960, 480), (1200, 600)]);
    }

    #[test]
    fn transparent_pixels_turn_white() {
        let encoded = encode(&png(960, 10), Purpose::Hero).unwrap_or_else(|e| panic!("{e}"));
        let img = image::load_from_memory(&encoded.files[0].1)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_rgb8();
        assert!(img.get_pixel(2, 2).0.iter().all(|c| *c > 245));
    }

    #[test]
    fn refuses_what_it_should() {
        assert_eq!(
            encode(b"GIF89a....", Purpose::Body).err(),
            Some(ImageError::NotAnImage)
        );
        assert_eq!(
            encode(b"%PDF-1.7", Purpose::Body).err(),
            Some(ImageError::NotAnImage)
        );
        assert_eq!(
            encode(&png(400, 300), Purpose::Hero).err(),
            Some(ImageError::TooNarrow { width: 400 })
        );
        let mut cut = png(1000, 500);
        cut.truncate(60);
        assert_eq!(
            encode(&cut, Purpose::Body).err(),
            Some(ImageError::Unreadable)
        );
    }

    #[test]
    fn an_image_in_the_text_is_kept_at_any_width_and_never_enlarged() {
        let encoded = encode(&png(300, 200), Purpose::Body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(encoded.image.widths, vec![300]);
        assert_eq!((encoded.image.width, encoded.image.height), (300, 200));
        assert_eq!(encoded.image.src(), encoded.image.key.url(300));
        let encoded = encode(&png(800, 400), Purpose::Body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(encoded.image.widths, vec![480, 800]);
    }

    #[test]
    fn the_key_depends_only_on_the_bytes() {
        assert_eq!(key_for(b"abc"), key_for(b"abc"));
        assert_ne!(key_for(b"abc"), key_for(b"abd"));
    }
}
