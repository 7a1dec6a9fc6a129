use super::auth::SessionLimits;
use super::db::Db;
use super::requests::RequestDesk;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;

/// One state for the whole app: one pool, shared by every request.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub desk: RequestDesk,
    pub session_limits: SessionLimits,
    /// Where uploaded images are stored (`<key>-<width>.jpg`).
    pub media: super::media_store::MediaStore,
    /// The site's public address without a trailing slash (`PUBLIC_URL`).
    pub public_url: String,
    /// The built stylesheet, when it could be read, for the pages' heads.
    pub styles: Option<crate::app::InlineStyles>,
    /// The frame's and the form's data as last read, for an outage.
    pub last_read: super::content::LastRead,
    /// The background workers' passes, for metrics and tests.
    pub workers: super::workers::Workers,
}

impl AppState {
    /// The site is public over HTTPS (`PUBLIC_URL`): browsers are told to
    /// use nothing else (HSTS).
    pub fn serves_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// What every render adds to the state's own context.
    pub fn provide_render_context(&self) {
        if let Some(styles) = &self.styles {
            leptos::prelude::provide_context(styles.clone());
        }
    }
}
