//! The `media` table: which uploaded images exist and in which sizes.
//! Decoding and re-encoding the bytes is the server binary's job.

use crate::domain::media::{MediaKey, StoredImage};
use crate::server::content::now_utc;
use crate::server::ServerError;
use sqlx::SqlitePool;

/// Columns `row` reads, for queries that join `media m`.
pub const COLUMNS: &str = "m.key, m.width, m.height, m.widths";

pub type Row = (String, i64, i64, String);

pub fn from_row((key, width, height, widths): Row) -> Result<StoredImage, ServerError> {
    let corrupt = || ServerError::Corrupt(format!("media row {key:?}"));
    let widths = widths
        .split(',')
        .map(|w| w.parse::<u32>().map_err(|_| corrupt()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(StoredImage {
        key: MediaKey::parse(&key).map_err(|_| corrupt())?,
        width: u32::try_from(width).map_err(|_| corrupt())?,
        height: u32::try_from(height).map_err(|_| corrupt())?,
        widths,
    })
}

pub async fn find(db: &SqlitePool, key: &MediaKey) -> Result<Option<StoredImage>, ServerError> {
    sqlx::query_as::<_, Row>(&format!("SELECT {COLUMNS} FROM media m WHERE m.key = ?"))
        .bind(key.as_str())
        .fetch_optional(db)
        .await?
        .map(from_row)
        .transpose()
}

/// Records an image whose files are already written. Uploading the same
/// bytes twice keeps the first record.
pub async fn record(
    db: &SqlitePool,
    image: &StoredImage,
    staff_id: i64,
) -> Result<(), ServerError> {
    let widths = image
        .widths
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    sqlx::query(
        "INSERT INTO media (key, width, height, widths, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
    )
    .bind(image.key.as_str())
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(widths)
    .bind(staff_id)
    .bind(now_utc().to_stored())
    .execute(db)
    .await?;
    Ok(())
}
