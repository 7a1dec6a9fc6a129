//! How large a request body may be, by path: the public forms are small,
//! an article can be long, an image larger still. Beyond the limit: 413.

use app::api::ApiError;
use app::domain::media::MAX_UPLOAD_BYTES;
use app::routes;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

/// The consultation form and sign-in are far smaller.
pub const PUBLIC_LIMIT: usize = 32 * 1024;
/// An article's Markdown (100,000 characters, up to 4 bytes each) sent as JSON.
pub const ADMIN_LIMIT: usize = 1024 * 1024;
/// The upload limit plus room for headers of a multipart client.
const UPLOAD_LIMIT: usize = MAX_UPLOAD_BYTES + 64 * 1024;

fn limit_for(path: &str) -> (usize, &'static str) {
    if path == routes::ADMIN_MEDIA_UPLOAD {
        (
            UPLOAD_LIMIT,
            "The image is larger than 12 MB. Save a smaller copy (a photo 2000 pixels wide is plenty) and upload that.",
        )
    } else if routes::is_admin_api(path) {
        (
            ADMIN_LIMIT,
            "This is more text than an article can hold (1 MB).",
        )
    } else {
        (
            PUBLIC_LIMIT,
            "This request is larger than this site accepts.",
        )
    }
}

pub async fn limit_body(request: Request, next: Next) -> Response {
    let (limit, message) = limit_for(request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return ApiError::TooLarge(message.to_owned()).into_response();
    }
    // A body without a declared length is cut off at the limit while read;
    // axum's extractors then answer 413 too.
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts, Body::new(Limited::new(body, limit)));
    next.run(request).await
}
