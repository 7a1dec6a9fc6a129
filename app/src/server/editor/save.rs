//! Saving an article: a new one, or a new version checked against the one
//! it was based on, with a revision of what was saved.

use super::EditError;
use crate::domain::article_draft::ValidDraft;
use crate::domain::Slug;
use crate::server::content::now_utc;
use crate::server::db::{self, editor::ArticleSaved, Db};
use crate::server::{markdown, ServerError};

/// Creates (`id: None`) or updates an article. An update must name the
/// version it was based on: if someone saved since, it is refused.
pub async fn save(
    db: &Db,
    id: Option<i64>,
    expected_version: i64,
    draft: &ValidDraft,
    staff_id: i64,
) -> Result<(i64, i64), EditError> {
    let category_slug =
        Slug::from_title(&draft.category).map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let now = now_utc().to_stored();
    let summary = if draft.summary.is_empty() {
        markdown::summary(
            &draft.body_md,
            crate::server::content::articles::SUMMARY_MAX_CHARS,
        )
    } else {
        draft.summary.clone()
    };
    let hero = draft.hero.as_ref();
    let write = db::editor::ArticleWrite {
        slug: draft.slug.as_str(),
        title: &draft.title,
        summary: &summary,
        written_summary: &draft.summary,
        category_slug: category_slug.as_str(),
        category_name: &draft.category,
        body_md: &draft.body_md,
        body_html: &markdown::render(&draft.body_md),
        hero_src: hero.map(|h| h.key.as_str()),
        hero_alt: hero.map(|h| h.alt.as_str()),
        hero_decorative: hero.is_some_and(|h| h.decorative),
        seo_title: &draft.seo_title,
        seo_description: &draft.seo_description,
        saved_by: staff_id,
        now: &now,
    };
    match db::editor::save(db, id, expected_version, &write).await? {
        ArticleSaved::Saved { id, version } => Ok((id, version)),
        ArticleSaved::SlugTaken => Err(EditError::SlugTaken),
        ArticleSaved::ImageMissing => Err(EditError::ImageMissing),
        ArticleSaved::Conflict => Err(EditError::Conflict),
    }
}
