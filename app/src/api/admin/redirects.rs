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
    use crate::server::auth::EditsContent;
    use crate::server::redirects;
    let staff = staff::<EditsContent>().await?;
    let (from, to) = redirect::check(&from, &to).map_err(ApiError::InvalidDraft)?;
    let db = state()?.db;
    if !redirects::add_by_staff(&db, &from, &to, staff.member.id).await? {
        return Err(ApiError::InvalidDraft(DraftErrors::on(
            Field::From,
            format!("{from} already redirects somewhere: delete that one first."),
        )));
    }
    Ok(())
}

#[server(endpoint = "admin/delete_redirect")]
pub async fn delete_redirect(from: String) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::redirects;
    let staff = staff::<EditsContent>().await?;
    let db = state()?.db;
    Ok(redirects::delete_by_staff(&db, &from, staff.member.id).await?)
}
