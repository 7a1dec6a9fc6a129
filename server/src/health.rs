//! Probes for a load balancer or a supervisor: `GET /healthz` (the process
//! answers) and `GET /readyz` (the database takes a write). Plain text,
//! never cached, no detail a stranger could use.

use app::routes;
use app::server::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(routes::HEALTHZ, get(alive))
        .route(routes::READYZ, get(ready))
}

const PLAIN: [(header::HeaderName, &str); 2] = [
    (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
    (header::CACHE_CONTROL, "no-store"),
];

async fn alive() -> impl IntoResponse {
    (PLAIN, "ok\n")
}

async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    let now = app::server::content::now_utc().to_stored();
    match app::server::db::health::touch(&state.db, &now).await {
        Ok(()) => (StatusCode::OK, PLAIN, "ready\n"),
        Err(e) => {
            tracing::error!(error = %e, "readiness: the database refused a write");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                PLAIN,
                "not ready: the database does not take writes\n",
            )
        }
    }
}
