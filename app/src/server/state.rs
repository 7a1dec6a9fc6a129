use super::auth::SessionLimits;
use super::consultations::ConsultationDesk;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::SqlitePool;

/// One state for the whole app: one pool, shared by every request.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: SqlitePool,
    pub desk: ConsultationDesk,
    pub session_limits: SessionLimits,
    /// Where uploaded images are stored (`<key>-<width>.jpg`).
    pub media_dir: std::path::PathBuf,
    /// The site's public address without a trailing slash (`PUBLIC_URL`).
    pub public_url: String,
}
