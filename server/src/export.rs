//! `GET /admin/requests.csv`: every consultation request, for administrators.

use app::server::auth::{audit, staff_for_session};
use app::server::{inbox, AppState};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub async fn requests_csv(State(state): State<AppState>, session: Session) -> Response {
    let member = match staff_for_session(&state.db, &session, state.session_limits).await {
        Ok(Some(member)) => member,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "Please sign in to continue.").into_response()
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if !member.role.is_admin() {
        return (
            StatusCode::FORBIDDEN,
            "Only administrators can export requests.",
        )
            .into_response();
    }
    let rows = match inbox::export_rows(&state.db).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!(error = %e, "export");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut ok = writer.write_record(inbox::EXPORT_HEADER).is_ok();
    for row in rows {
        // A cell starting with = + - @ would run as a formula in a spreadsheet.
        let safe: Vec<String> = row
            .into_iter()
            .map(|cell| {
                if cell.starts_with(['=', '+', '-', '@']) {
                    format!("'{cell}")
                } else {
                    cell
                }
            })
            .collect();
        ok &= writer.write_record(&safe).is_ok();
    }
    let Ok(body) = writer.into_inner() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if !ok {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    if audit::record(&state.db, member.id, "consultation.export", None)
        .await
        .is_err()
    {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"consultation-requests.csv\"",
            ),
        ],
        body,
    )
        .into_response()
}
