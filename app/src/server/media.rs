//! Uploaded images as the app knows them: which exist and in which sizes.
//! Decoding and re-encoding the bytes is the server binary's job.

use crate::domain::media::{MediaKey, StoredImage};
use crate::server::content::now_utc;
use crate::server::db::{self, media::MediaRow, Db};
use crate::server::ServerError;

pub fn from_row(row: MediaRow) -> Result<StoredImage, ServerError> {
    let corrupt = || ServerError::Corrupt(format!("media row {:?}", row.key));
    let widths = row
        .widths
        .split(',')
        .map(|w| w.parse::<u32>().map_err(|_| corrupt()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(StoredImage {
        key: MediaKey::parse(&row.key).map_err(|_| corrupt())?,
        width: u32::try_from(row.width).map_err(|_| corrupt())?,
        height: u32::try_from(row.height).map_err(|_| corrupt())?,
        widths,
    })
}

pub async fn find(db: &Db, key: &MediaKey) -> Result<Option<StoredImage>, ServerError> {
    db::media::find(db, key.as_str())
        .await?
        .map(from_row)
        .transpose()
}

/// Records an image whose files are already written. Uploading the same
/// bytes twice keeps the first record.
/// `uploaded_by`: the member who uploaded it (`None`: imported).
pub async fn record(
    db: &Db,
    image: &StoredImage,
    uploaded_by: Option<i64>,
) -> Result<(), ServerError> {
    let widths = image
        .widths
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let row = MediaRow {
        key: image.key.as_str().to_owned(),
        width: i64::from(image.width),
        height: i64::from(image.height),
        widths,
    };
    db::media::record(db, &row, uploaded_by, &now_utc().to_stored()).await
}
