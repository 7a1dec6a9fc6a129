//! The redirect table: editors and administrators.

use crate::api::ApiError;
use crate::domain::redirect::Redirect;
use leptos::prelude::*;

#[server(endpoint = "admin/redirects")]
pub async fn list_redirects() -> Result<Vec<Redirect>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, redirects};
    staff::<EditsContent>().await?;
    Ok(redirects::list(&state()?.db).await?)
}

#[server(endpoint = "admin/add_redirect")]
pub async fn add_redirect(from: String, to: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::domain::article_draft::DraftErrors;
    use crate::domain::redirect;
    use crate::server::auth::{audit, EditsContent};
    use crate::server::redirects;
    let staff = staff::<EditsContent>().await?;
    let invalid = |field: &str, message: String| {
        ApiError::InvalidDraft(DraftErrors(vec![(field.to_owned(), message)]))
    };
    let (from, to) = redirect::check(&from, &to).map_err(|(field, m)| invalid(field, m))?;
    let db = state()?.db;
    if !redirects::add(&db, &from, &to, redirects::RedirectOrigin::Staff).await? {
        return Err(invalid(
            "from",
            format!("{from} already redirects somewhere: delete that one first."),
        ));
    }
    Ok(audit::record(&db, staff.member.id, "redirect.add", Some(&from)).await?)
}

#[server(endpoint = "admin/delete_redirect")]
pub async fn delete_redirect(from: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::{audit, EditsContent};
    use crate::server::redirects;
    let staff = staff::<EditsContent>().await?;
    let db = state()?.db;
    redirects::delete(&db, &from).await?;
    Ok(audit::record(&db, staff.member.id, "redirect.delete", Some(&from)).await?)
}
