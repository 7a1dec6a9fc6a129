//! Image uploads from the article editor, and serving the stored sizes.

mod encode;

use encode::{encode, key_for, ImageError};

use app::domain::media::MediaKey;
use app::domain::staff::Role;
use app::routes;
use app::server::auth::{audit, staff_for_session};
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
use tower_sessions::Session;

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

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (status, message.into()).into_response()
}

/// `POST /api/admin/media` with the image's bytes as the body: 201 and the
/// stored sizes, or 4xx with a sentence saying what to do.
async fn upload(
    State(state): State<AppState>,
    session: Session,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let member = match staff_for_session(&state.db, &session, state.session_limits).await {
        Ok(Some(member)) => member,
        Ok(None) => return refuse(StatusCode::UNAUTHORIZED, "Please sign in to continue."),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if !Role::edits_content(member.role) {
        return refuse(
            StatusCode::FORBIDDEN,
            "Only editors and administrators can upload images.",
        );
    }
    let bytes = match body {
        Ok(bytes) => bytes,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The image is larger than 12 MB. Save a smaller copy and upload that.",
            )
        }
        Err(rejection) => return refuse(rejection.status(), rejection.body_text()),
    };
    let key = key_for(&bytes);
    let stored = match media::find(&state.db, &key).await {
        Ok(Some(stored)) => stored,
        Ok(None) => match store(&state, &member, bytes).await {
            Ok(stored) => stored,
            Err(response) => return response,
        },
        Err(e) => {
            tracing::error!(error = %e, "media lookup");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    (StatusCode::CREATED, Json(stored)).into_response()
}

async fn store(
    state: &AppState,
    member: &app::domain::staff::StaffMember,
    bytes: Bytes,
) -> Result<app::domain::media::StoredImage, Response> {
    let encoded = tokio::task::spawn_blocking(move || encode(&bytes))
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())?;
    let encoded = match encoded {
        Ok(encoded) => encoded,
        Err(e @ ImageError::NotAnImage) => {
            return Err(refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, e.to_string()))
        }
        Err(e) => return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())),
    };
    if let Err(e) = write_files(&state.media_dir, &encoded.image.key, &encoded.files).await {
        tracing::error!(error = %e, dir = %state.media_dir.display(), "writing media");
        return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
    let recorded = media::record(&state.db, &encoded.image, member.id).await;
    let audited = audit::record(
        &state.db,
        member.id,
        "media.upload",
        Some(encoded.image.key.as_str()),
    )
    .await;
    if recorded.is_err() || audited.is_err() {
        return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
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
