//! Article categories' names in other languages: editors and
//! administrators.

use crate::api::ApiError;
use crate::domain::category_draft::{CategoryName, EditedCategory};
use crate::domain::{Locale, Slug};
use leptos::prelude::*;

#[server(endpoint = "admin/categories")]
pub async fn admin_categories() -> Result<Vec<EditedCategory>, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    Ok(editor::categories::list(&state()?.db).await?)
}

/// Names the category at `slug` in `locale`; `version` must be the one the
/// editor opened (0 before the first save), or the save is refused (409).
/// Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_category_name")]
pub async fn save_category_name(
    slug: Slug,
    locale: Locale,
    version: i64,
    name: CategoryName,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    let staff = staff::<EditsContent>().await?;
    if locale == Locale::En {
        // The English name is the category's own, written with its articles.
        return Err(ApiError::NotFound);
    }
    let valid = name.validate()?;
    let db = state()?.db;
    Ok(editor::categories::save_name(&db, &slug, locale, version, &valid, staff.member.id).await?)
}
