use crate::api::ApiError;
use crate::domain::consultation::{InboxPage, RequestDetail};
use leptos::prelude::*;

#[server(endpoint = "admin/inbox")]
pub async fn inbox(status: Option<String>) -> Result<InboxPage, ApiError> {
    use crate::domain::consultation::RequestStatus;
    use crate::domain::staff::Role;
    use crate::server::{auth, inbox, respond, state};
    let member = auth::require(Role::handles_requests).await?;
    let db = state()?.db;
    let filter = status
        .as_deref()
        .filter(|s| !s.is_empty())
        .and_then(RequestStatus::parse);
    let page = respond(inbox::page(&db, filter).await)?;
    respond(
        auth::audit::record(
            &db,
            member.id,
            "consultation.list",
            filter.map(RequestStatus::value),
        )
        .await,
    )?;
    Ok(page)
}

#[server(endpoint = "admin/request")]
pub async fn get_request(reference: String) -> Result<RequestDetail, ApiError> {
    use crate::domain::consultation::Reference;
    use crate::domain::staff::Role;
    use crate::server::{auth, inbox, respond, state, ServerError};
    let member = auth::require(Role::handles_requests).await?;
    let reference = respond(Reference::parse(&reference).ok_or(ServerError::NotFound))?;
    let db = state()?.db;
    let detail = respond(inbox::detail(&db, &reference).await)?;
    respond(
        auth::audit::record(
            &db,
            member.id,
            "consultation.view",
            Some(reference.as_str()),
        )
        .await,
    )?;
    Ok(detail)
}

#[server(endpoint = "admin/request_status")]
pub async fn set_request_status(reference: String, status: String) -> Result<(), ApiError> {
    use crate::domain::consultation::{Reference, RequestStatus};
    use crate::domain::staff::Role;
    use crate::server::{auth, inbox, respond, state, ServerError};
    let member = auth::require(Role::handles_requests).await?;
    let reference = respond(Reference::parse(&reference).ok_or(ServerError::NotFound))?;
    let status = RequestStatus::parse(&status).ok_or_else(|| {
        crate::server::error::with_status(ApiError::BadRequest("unknown status".into()))
    })?;
    let db = state()?.db;
    respond(inbox::set_status(&db, &reference, status).await)?;
    let subject = format!("{reference} -> {}", status.value());
    respond(auth::audit::record(&db, member.id, "consultation.status", Some(&subject)).await)?;
    Ok(())
}

#[server(endpoint = "admin/request_note")]
pub async fn add_request_note(reference: String, body: String) -> Result<(), ApiError> {
    use crate::domain::consultation::{Reference, NOTE_MAX};
    use crate::domain::staff::Role;
    use crate::server::{auth, inbox, respond, state, ServerError};
    let member = auth::require(Role::handles_requests).await?;
    let reference = respond(Reference::parse(&reference).ok_or(ServerError::NotFound))?;
    let body = body.trim();
    if body.is_empty() || body.chars().count() > NOTE_MAX {
        return Err(crate::server::error::with_status(ApiError::BadRequest(
            format!("Write a note of 1 to {NOTE_MAX} characters."),
        )));
    }
    let db = state()?.db;
    respond(inbox::add_note(&db, &reference, member.id, body).await)?;
    respond(
        auth::audit::record(
            &db,
            member.id,
            "consultation.note",
            Some(reference.as_str()),
        )
        .await,
    )?;
    Ok(())
}
