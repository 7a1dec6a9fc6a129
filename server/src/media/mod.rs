//! Image uploads from the article editor, and serving the stored sizes.

mod encode;

pub use encode::{ImageError, Purpose};

use encode::{encode, key_for};

use app::api::ApiError;
use app::domain::media::{MediaKey, StoredImage};
use app::routes;
use app::server::auth::{audit, EditsContent, Staff};
use app::server::media_store::{self, MediaStore};
use app::server::{media, AppState};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path as AxumPath, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The upload route (the body limit is set by `body_limit`) and the stored
/// files, named by their content's hash so they can be cached for ever.
pub fn routes(media: &MediaStore) -> Router<AppState> {
    let upload_route = Router::new().route(
        routes::ADMIN_MEDIA_UPLOAD,
        post(upload).layer(DefaultBodyLimit::disable()),
    );
    let forever = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    match media {
        MediaStore::Dir(dir) => upload_route.nest_service(
            routes::MEDIA,
            tower::ServiceBuilder::new()
                .layer(forever)
                .service(ServeDir::new(dir)),
        ),
        MediaStore::Bucket(_) => upload_route.route(
            &format!("{}/{{name}}", routes::MEDIA),
            get(from_bucket).layer(forever),
        ),
    }
}

/// `GET /media/<key>-<width>.jpg` from the bucket: the stored bytes, 404
/// for a name that is not a stored file, 503 while the bucket is out of
/// reach.
async fn from_bucket(
    State(state): State<AppState>,
    AxumPath(name): AxumPath<String>,
) -> Result<Response, ApiError> {
    let (Some(name), MediaStore::Bucket(bucket)) = (media_store::file_name(&name), &state.media)
    else {
        return Err(ApiError::NotFound);
    };
    match bucket.get(name).await {
        Ok(Some(bytes)) => Ok(([(header::CONTENT_TYPE, "image/jpeg")], bytes).into_response()),
        Ok(None) => Err(ApiError::NotFound),
        Err(e) => {
            tracing::error!(error = %e, "reading an image from the bucket");
            Err(ApiError::MediaUnavailable)
        }
    }
}

/// `POST /api/admin/media` with the image's bytes as the body: 201 and the
/// stored sizes, or 4xx with a sentence saying what to do.
async fn upload(
    State(state): State<AppState>,
    staff: Staff<EditsContent>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let bytes = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(
                "The image is larger than 12 MB. Save a smaller copy and upload that.".into(),
            )
        } else {
            ApiError::BadRequest(rejection.body_text())
        }
    })?;
    // The editor uploads hero images.
    let stored = keep(
        &state.db,
        &state.media,
        bytes,
        Purpose::Hero,
        Some(staff.member.id),
    )
    .await
    .map_err(|e| match e {
        KeepError::Image(e @ ImageError::NotAnImage) => {
            ApiError::UnsupportedMediaType(e.to_string())
        }
        KeepError::Image(other) => ApiError::UnusableImage(other.to_string()),
        KeepError::Stored(e) => ApiError::from(e),
        KeepError::Files(e) => {
            tracing::error!(error = %e, store = %state.media.describe(), "writing media");
            ApiError::MediaUnavailable
        }
    })?;
    let subject = Some(stored.key.as_str());
    audit::record(&state.db, staff.member.id, "media.upload", subject).await?;
    Ok((StatusCode::CREATED, Json(stored)).into_response())
}

/// Why an image could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum KeepError {
    #[error(transparent)]
    Image(#[from] ImageError),
    #[error("writing the image's files: {0}")]
    Files(#[from] std::io::Error),
    #[error(transparent)]
    Stored(#[from] app::server::ServerError),
}

/// Checks, re-encodes and stores an image (an upload in the editor, or one
/// moved from WordPress): its sizes as files, then its record. The same
/// bytes are stored once, and held to `purpose` whichever way they came.
pub async fn keep(
    db: &app::server::db::Db,
    media: &MediaStore,
    bytes: Bytes,
    purpose: Purpose,
    uploaded_by: Option<i64>,
) -> Result<StoredImage, KeepError> {
    if let Some(stored) = media::find(db, &key_for(&bytes)).await? {
        purpose.check(stored.width)?;
        return Ok(stored);
    }
    let encoded = tokio::task::spawn_blocking(move || encode(&bytes, purpose))
        .await
        .map_err(|e| KeepError::Files(std::io::Error::other(e)))??;
    write_files(media, &encoded.image.key, &encoded.files).await?;
    media::record(db, &encoded.image, uploaded_by).await?;
    Ok(encoded.image)
}

/// Every size of one image; the record is written after them, so a
/// recorded image has all its files.
async fn write_files(
    media: &MediaStore,
    key: &MediaKey,
    files: &[(u32, Vec<u8>)],
) -> std::io::Result<()> {
    for (width, jpeg) in files {
        media
            .put(&format!("{key}-{width}.jpg"), jpeg.clone())
            .await?;
    }
    Ok(())
}
