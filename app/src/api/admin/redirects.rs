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
    use crate::domain::redirect;
    use crate::domain::{DraftErrors, Field};
    use crate::server::auth::{audit, EditsContent};
    use crate::server::redirects;
    let staff = staff::<EditsContent>().await?;
    let (from, to) = redirect::check(&from, &to).map_err(ApiError::InvalidDraft)?;
    let db = state()?.db;
    if !redirects::add(&db, &from, &to, redirects::RedirectOrigin::Staff).await? {
        return Err(ApiError::InvalidDraft(DraftErrors::on(
            Field::From,
            format!("{from} already redirects somewhere: delete that one first."),
        )));
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
