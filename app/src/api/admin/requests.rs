use crate::api::ApiError;
use crate::domain::request::{RequestDetail, RequestList};
use leptos::prelude::*;

#[server(endpoint = "admin/inbox")]
pub async fn list_requests(status: Option<String>) -> Result<RequestList, ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::request::RequestStatus;
    use crate::server::auth::{audit, HandlesRequests};
    use crate::server::requests::handling;
    let staff = staff::<HandlesRequests>().await?;
    let state = state()?;
    let db = state.db;
    let filter = status
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(RequestStatus::parse);
    let page = handling::page(&db, &state.desk.vault, filter).await?;
    let subject = filter.map(RequestStatus::value);
    audit::record(&db, staff.member.id, "consultation.list", subject).await?;
    Ok(page)
}

#[server(endpoint = "admin/request")]
pub async fn get_request(reference: String) -> Result<RequestDetail, ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::request::Reference;
    use crate::server::auth::{audit, HandlesRequests};
    use crate::server::requests::handling;
    let staff = staff::<HandlesRequests>().await?;
    let reference = Reference::parse(&reference).ok_or(ApiError::NotFound)?;
    let state = state()?;
    let db = state.db;
    let desk = state.desk;
    let detail = handling::detail(&db, &desk.vault, &reference, desk.retention_days).await?;
    let subject = Some(reference.as_str());
    audit::record(&db, staff.member.id, "consultation.view", subject).await?;
    Ok(detail)
}

#[server(endpoint = "admin/request_status")]
pub async fn set_request_status(reference: String, status: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::request::{Reference, RequestStatus};
    use crate::server::auth::HandlesRequests;
    use crate::server::requests::handling;
    let staff = staff::<HandlesRequests>().await?;
    let reference = Reference::parse(&reference).ok_or(ApiError::NotFound)?;
    let status = RequestStatus::parse(&status)
        .ok_or_else(|| ApiError::BadRequest("unknown status".into()))?;
    let db = state()?.db;
    Ok(handling::set_status(&db, &reference, status, staff.member.id).await?)
}

#[server(endpoint = "admin/request_note")]
pub async fn add_request_note(reference: String, body: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::request::{Reference, NOTE_MAX};
    use crate::server::auth::HandlesRequests;
    use crate::server::requests::handling;
    let staff = staff::<HandlesRequests>().await?;
    let reference = Reference::parse(&reference).ok_or(ApiError::NotFound)?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > NOTE_MAX {
        return Err(ApiError::BadRequest(format!(
            "Write a note of 1 to {NOTE_MAX} characters."
        )));
    }
    let state = state()?;
    let db = state.db;
    Ok(handling::add_note(&db, &state.desk.vault, &reference, staff.member.id, body).await?)
}
