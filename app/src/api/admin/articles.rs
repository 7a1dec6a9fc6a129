//! Writing and publishing articles: editors and administrators.

use crate::api::ApiError;
use crate::domain::article_admin::{ArticleTable, EditedArticle};
use crate::domain::article_draft::ArticleDraft;
use leptos::prelude::*;

#[server(endpoint = "admin/articles")]
pub async fn admin_articles(
    search: String,
    category: Option<String>,
) -> Result<ArticleTable, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    let category = category.as_deref().unwrap_or_default();
    Ok(editor::list(&state()?.db, &search, category).await?)
}

#[server(endpoint = "admin/article")]
pub async fn open_article(id: i64) -> Result<EditedArticle, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    Ok(editor::get(&state()?.db, id).await?)
}

/// Saves a draft. `id: None` creates the article; otherwise `version` must
/// be the version the editor opened, or the save is refused (409).
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_article")]
pub async fn save_article(
    id: Option<i64>,
    version: i64,
    draft: ArticleDraft,
) -> Result<(i64, i64), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    let valid = draft.validate()?;
    // Its audit entry is written in the save's own transaction.
    Ok(editor::save(&state()?.db, id, version, &valid, staff.member.id).await?)
}

/// The body as the public page will show it, rendered and sanitised by the
/// server (no Markdown code ships to patients' browsers).
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/preview")]
pub async fn preview_article(body_md: String) -> Result<String, ApiError> {
    use crate::server::auth::EditsContent;
    crate::api::server::staff::<EditsContent>().await?;
    Ok(crate::server::markdown::render(&body_md))
}

/// `state`: `published` (now), `scheduled` (at `at`, RFC 3339), or `draft`.
#[server(endpoint = "admin/article_state")]
pub async fn set_article_state(id: i64, state: String, at: Option<String>) -> Result<(), ApiError> {
    use crate::api::server::staff;
    use crate::domain::article_admin::ArticleState;
    use crate::server::auth::EditsContent;
    use crate::server::content::Timestamp;
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    let new_state =
        ArticleState::parse(&state).ok_or_else(|| ApiError::BadRequest("unknown state".into()))?;
    let no_time = || ApiError::BadRequest("Choose a date and time to publish.".into());
    let at = match (new_state, at.as_deref().filter(|a| !a.is_empty())) {
        (ArticleState::Scheduled, Some(raw)) => {
            Some(Timestamp::parse_stored(raw).map_err(|_| no_time())?)
        }
        (ArticleState::Scheduled, None) => return Err(no_time()),
        _ => None,
    };
    let db = crate::api::server::state()?.db;
    Ok(editor::set_state(&db, id, new_state, at, staff.member.id).await?)
}

#[server(endpoint = "admin/delete_article")]
pub async fn delete_article(id: i64) -> Result<(), ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::editor;
    let staff = staff::<EditsContent>().await?;
    let db = state()?.db;
    Ok(editor::delete(&db, id, staff.member.id).await?)
}

#[server(endpoint = "admin/article_revision")]
pub async fn article_revision(id: i64, version: i64) -> Result<ArticleDraft, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::{auth::EditsContent, editor};
    staff::<EditsContent>().await?;
    Ok(editor::revision(&state()?.db, id, version).await?)
}

/// Saves an article's translation into `locale`: its title, summary and
/// text, and optionally its own address in that language (the English
/// address answers 302 to it there); without one, the English address
/// under the language's prefix.
/// `version` must be the one the editor opened (0 before the first save),
/// or the save is refused (409). Returns the new version.
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_article_translation")]
pub async fn save_article_translation(
    id: i64,
    locale: crate::domain::Locale,
    version: i64,
    translation: crate::domain::PageTranslation,
) -> Result<i64, ApiError> {
    use crate::api::server::{staff, state};
    use crate::server::auth::EditsContent;
    use crate::server::editor::translations;
    let staff = staff::<EditsContent>().await?;
    if locale == crate::domain::Locale::En {
        // The English article is the article itself (`save_article`).
        return Err(ApiError::NotFound);
    }
    let valid = translation.validate(crate::domain::Translated::Article)?;
    let db = state()?.db;
    Ok(translations::save_article(&db, id, locale, version, &valid, staff.member.id).await?)
}
