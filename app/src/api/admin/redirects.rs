//! The redirect table: editors and administrators.

use crate::api::ApiError;
use crate::domain::redirect::Redirect;
use leptos::prelude::*;

#[server(endpoint = "admin/redirects")]
pub async fn list_redirects() -> Result<Vec<Redirect>, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, redirects, respond, state};
    auth::require(Role::edits_content).await?;
    respond(redirects::list(&state()?.db).await)
}

#[server(endpoint = "admin/add_redirect")]
pub async fn add_redirect(from: String, to: String) -> Result<(), ApiError> {
    use crate::domain::article_draft::DraftErrors;
    use crate::domain::redirect;
    use crate::domain::staff::Role;
    use crate::server::error::with_status;
    use crate::server::{auth, redirects, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let invalid = |field: &str, message: String| {
        with_status(ApiError::InvalidDraft(DraftErrors(vec![(
            field.to_owned(),
            message,
        )])))
    };
    let (from, to) = redirect::check(&from, &to).map_err(|(field, m)| invalid(field, m))?;
    let db = state()?.db;
    if !respond(redirects::add(&db, &from, &to, "staff").await)? {
        return Err(invalid(
            "from",
            format!("{from} already redirects somewhere: delete that one first."),
        ));
    }
    respond(auth::audit::record(&db, member.id, "redirect.add", Some(&from)).await)
}

#[server(endpoint = "admin/delete_redirect")]
pub async fn delete_redirect(from: String) -> Result<(), ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, redirects, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let db = state()?.db;
    respond(redirects::delete(&db, &from).await)?;
    respond(auth::audit::record(&db, member.id, "redirect.delete", Some(&from)).await)
}
