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
    use crate::domain::staff::Role;
    use crate::server::{auth, editor, respond, state};
    auth::require(Role::edits_content).await?;
    respond(
        editor::list(
            &state()?.db,
            &search,
            category.as_deref().unwrap_or_default(),
        )
        .await,
    )
}

#[server(endpoint = "admin/article")]
pub async fn open_article(id: i64) -> Result<EditedArticle, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, editor, respond, state};
    auth::require(Role::edits_content).await?;
    respond(editor::get(&state()?.db, id).await)
}

/// Saves a draft. `id: None` creates the article; otherwise `version` must
/// be the version the editor opened, or the save is refused (409).
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/save_article")]
pub async fn save_article(
    id: Option<i64>,
    version: i64,
    draft: ArticleDraft,
) -> Result<(i64, i64), ApiError> {
    use crate::domain::article_draft::DraftErrors;
    use crate::domain::staff::Role;
    use crate::server::editor::{self, EditError};
    use crate::server::error::with_status;
    use crate::server::{auth, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let valid = draft
        .validate()
        .map_err(|e| with_status(ApiError::InvalidDraft(e)))?;
    let db = state()?.db;
    let saved = match editor::save(&db, id, version, &valid, member.id).await {
        Ok(saved) => saved,
        Err(EditError::Conflict) => return Err(with_status(ApiError::Conflict)),
        Err(EditError::SlugTaken) => {
            let errors = DraftErrors(vec![(
                "slug".into(),
                "Another article already uses this address.".into(),
            )]);
            return Err(with_status(ApiError::InvalidDraft(errors)));
        }
        Err(EditError::ImageMissing) => {
            let errors = DraftErrors(vec![(
                "hero".into(),
                "This image is no longer on the server: upload it again.".into(),
            )]);
            return Err(with_status(ApiError::InvalidDraft(errors)));
        }
        Err(EditError::Server(e)) => return respond(Err(e)),
    };
    respond(auth::audit::record(&db, member.id, "article.save", Some(valid.slug.as_str())).await)?;
    Ok(saved)
}

/// The body as the public page will show it, rendered and sanitised by the
/// server (no Markdown code ships to patients' browsers).
#[server(input = leptos::server_fn::codec::Json, endpoint = "admin/preview")]
pub async fn preview_article(body_md: String) -> Result<String, ApiError> {
    use crate::domain::staff::Role;
    crate::server::auth::require(Role::edits_content).await?;
    Ok(crate::server::markdown::render(&body_md))
}

/// `state`: `published` (now), `scheduled` (at `at`, RFC 3339), or `draft`.
#[server(endpoint = "admin/article_state")]
pub async fn set_article_state(id: i64, state: String, at: Option<String>) -> Result<(), ApiError> {
    use crate::domain::article_admin::ArticleState;
    use crate::domain::staff::Role;
    use crate::server::content::Timestamp;
    use crate::server::error::with_status;
    use crate::server::{auth, editor, respond};
    let member = auth::require(Role::edits_content).await?;
    let new_state = ArticleState::parse(&state)
        .ok_or_else(|| with_status(ApiError::BadRequest("unknown state".into())))?;
    let at = match (new_state, at.as_deref().filter(|a| !a.is_empty())) {
        (ArticleState::Scheduled, Some(raw)) => {
            Some(Timestamp::parse_stored(raw).map_err(|_| {
                with_status(ApiError::BadRequest(
                    "Choose a date and time to publish.".into(),
                ))
            })?)
        }
        (ArticleState::Scheduled, None) => {
            return Err(with_status(ApiError::BadRequest(
                "Choose a date and time to publish.".into(),
            )))
        }
        _ => None,
    };
    let db = crate::server::state()?.db;
    respond(editor::set_state(&db, id, new_state, at).await)?;
    respond(
        auth::audit::record(
            &db,
            member.id,
            &format!("article.{state}"),
            Some(&id.to_string()),
        )
        .await,
    )?;
    Ok(())
}

#[server(endpoint = "admin/delete_article")]
pub async fn delete_article(id: i64) -> Result<(), ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, editor, respond, state};
    let member = auth::require(Role::edits_content).await?;
    let db = state()?.db;
    respond(editor::delete(&db, id).await)?;
    respond(auth::audit::record(&db, member.id, "article.delete", Some(&id.to_string())).await)?;
    Ok(())
}

#[server(endpoint = "admin/article_revision")]
pub async fn article_revision(id: i64, version: i64) -> Result<ArticleDraft, ApiError> {
    use crate::domain::staff::Role;
    use crate::server::{auth, editor, respond, state};
    auth::require(Role::edits_content).await?;
    respond(editor::revision(&state()?.db, id, version).await)
}
