//! `GET /admin/requests.csv`: every consultation request, for administrators.

use app::api::ApiError;
use app::server::auth::{audit, Administers, Staff};
use app::server::requests::handling;
use app::server::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

pub async fn requests_csv(
    State(state): State<AppState>,
    staff: Staff<Administers>,
) -> Result<Response, ApiError> {
    let rows = handling::export_rows(&state.db, &state.desk.vault).await?;
    let body = to_csv(rows).map_err(|e| {
        tracing::error!(error = %e, "writing the export");
        ApiError::Internal
    })?;
    audit::record(&state.db, staff.member.id, "consultation.export", None).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"consultation-requests.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

fn to_csv(rows: Vec<Vec<String>>) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(handling::EXPORT_HEADER)?;
    for row in rows {
        // A cell starting with = + - @ would run as a formula in a spreadsheet.
        writer.write_record(row.into_iter().map(|cell| {
            if cell.starts_with(['=', '+', '-', '@']) {
                format!("'{cell}")
            } else {
                cell
            }
        }))?;
    }
    Ok(writer.into_inner()?)
}
