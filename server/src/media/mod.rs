//! Image uploads from the article editor, and serving the stored sizes.

mod encode;

pub use encode::ImageError;

use encode::{encode, key_for};

use app::api::ApiError;
use app::domain::media::{MediaKey, StoredImage};
use app::routes;
use app::server::auth::{audit, EditsContent, Staff};
use app::server::{media, AppState};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The upload route (the body limit is set by `body_limit`) and the stored
/// files, named by their content's hash so they can be cached for ever.
pub fn routes(media_dir: &Path) -> Router<AppState> {
    Router::new()
        .route(
            routes::ADMIN_MEDIA_UPLOAD,
            post(upload).layer(DefaultBodyLimit::disable()),
        )
        .nest_service(
            routes::MEDIA,
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(ServeDir::new(media_dir)),
        )
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
    let stored = keep(&state.db, &state.media_dir, bytes, Some(staff.member.id))
        .await
        .map_err(|e| match e {
            KeepError::Image(e @ ImageError::NotAnImage) => {
                ApiError::UnsupportedMediaType(e.to_string())
            }
            KeepError::Image(other) => ApiError::UnusableImage(other.to_string()),
            KeepError::Stored(e) => ApiError::from(e),
            KeepError::Files(e) => {
                tracing::error!(error = %e, dir = %state.media_dir.display(), "writing media");
                ApiError::Internal
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
/// bytes are stored once.
pub async fn keep(
    db: &app::server::db::Db,
    media_dir: &Path,
    bytes: Bytes,
    uploaded_by: Option<i64>,
) -> Result<StoredImage, KeepError> {
    if let Some(stored) = media::find(db, &key_for(&bytes)).await? {
        return Ok(stored);
    }
    let encoded = tokio::task::spawn_blocking(move || encode(&bytes))
        .await
        .map_err(|e| KeepError::Files(std::io::Error::other(e)))??;
    write_files(media_dir, &encoded.image.key, &encoded.files).await?;
    media::record(db, &encoded.image, uploaded_by).await?;
    Ok(encoded.image)
}

/// Each file is written under a temporary name and renamed, so a reader
/// never sees half an image.
async fn write_files(dir: &Path, key: &MediaKey, files: &[(u32, Vec<u8>)]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    for (width, jpeg) in files {
        let name = format!("{key}-{width}.jpg");
        let tmp: PathBuf = dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, jpeg).await?;
        tokio::fs::rename(&tmp, dir.join(&name)).await?;
    }
    Ok(())
}
