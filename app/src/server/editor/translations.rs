//! Staff's translations of articles and service pages, read and saved one
//! way (`db::translations`): a stale save is refused, each save is kept as
//! a revision and recorded in the audit log in the same transaction.

use super::EditError;
use crate::domain::{Locale, PageTranslation, Translation, ValidPageTranslation};
use crate::server::content::now_utc;
use crate::server::db::audit::Entry;
use crate::server::db::translations::{self, Fields, TranslationSaved};
use crate::server::db::{self, Db};
use crate::server::{markdown, ServerError};

/// The languages besides English, each with what is saved in it (empty at
/// version 0 where nothing is yet).
pub(super) fn every_language<T: Default>(
    mut saved: impl FnMut(Locale) -> Option<(i64, T)>,
) -> Vec<Translation<T>> {
    Locale::ALL
        .into_iter()
        .filter(|l| *l != Locale::En)
        .map(|locale| {
            let (version, fields) = saved(locale).unwrap_or_default();
            Translation {
                locale,
                version,
                fields,
            }
        })
        .collect()
}

/// An article's translations; the address is empty where it keeps its
/// English one.
pub async fn of_article(
    db: &Db,
    id: i64,
) -> Result<Vec<Translation<PageTranslation>>, ServerError> {
    let rows = db::articles::translations_by_id(db, id).await?;
    Ok(every_language(|locale| {
        rows.iter().find(|r| r.locale == locale.code()).map(|r| {
            let fields = PageTranslation {
                slug: r.slug.clone().unwrap_or_default(),
                title: r.title.clone(),
                summary: r.summary.clone(),
                body_md: r.body_md.clone(),
            };
            (r.version, fields)
        })
    }))
}

pub async fn of_service(
    db: &Db,
    id: i64,
) -> Result<Vec<Translation<PageTranslation>>, ServerError> {
    let rows = db::services::translations_by_id(db, id).await?;
    Ok(every_language(|locale| {
        rows.iter().find(|r| r.locale == locale.code()).map(|r| {
            let fields = PageTranslation {
                slug: r.slug.clone(),
                title: r.name.clone(),
                summary: r.summary.clone(),
                body_md: r.body_md.clone(),
            };
            (r.version, fields)
        })
    }))
}

/// Who saves: staff member `staff_id`, now.
fn saver<'a>(staff_id: i64, at: &'a str, action: &'a str, subject: &'a str) -> Entry<'a> {
    Entry {
        staff_id,
        at,
        action,
        subject: Some(subject),
    }
}

fn saved(outcome: TranslationSaved, taken: EditError) -> Result<i64, EditError> {
    match outcome {
        TranslationSaved::Saved(version) => Ok(version),
        TranslationSaved::Conflict => Err(EditError::Conflict),
        TranslationSaved::SlugTaken => Err(taken),
    }
}

/// Saves article `id`'s translation (validated) if it is still at
/// `expected_version`; returns the new version.
pub async fn save_article(
    db: &Db,
    id: i64,
    locale: Locale,
    expected_version: i64,
    t: &ValidPageTranslation,
    staff_id: i64,
) -> Result<i64, EditError> {
    let body_html = markdown::render(&t.body_md);
    let fields = Fields::Article {
        slug: t.slug.as_ref().map(|s| s.as_str()),
        title: &t.title,
        summary: &t.summary,
        body_md: &t.body_md,
        body_html: &body_html,
    };
    let (at, subject) = (now_utc().to_stored(), format!("{id}/{}", locale.code()));
    let who = saver(staff_id, &at, "article.translate", &subject);
    let outcome =
        translations::save(db, id, locale.code(), expected_version, &fields, &who).await?;
    saved(outcome, EditError::SlugTaken)
}

/// Saves service `id`'s translation (validated) if it is still at
/// `expected_version`; returns the new version.
pub async fn save_service(
    db: &Db,
    id: i64,
    english_slug: &str,
    locale: Locale,
    expected_version: i64,
    t: &ValidPageTranslation,
    staff_id: i64,
) -> Result<i64, EditError> {
    let body_html = if t.body_md.trim().is_empty() {
        String::new()
    } else {
        markdown::render(&t.body_md)
    };
    // A service's translation always has its address (`Translated::Service`).
    let Some(slug) = &t.slug else {
        return Err(
            ServerError::Corrupt("a service translation without its address".into()).into(),
        );
    };
    let fields = Fields::Service {
        slug: slug.as_str(),
        name: &t.title,
        summary: &t.summary,
        body_md: &t.body_md,
        body_html: &body_html,
    };
    let (at, subject) = (
        now_utc().to_stored(),
        format!("{english_slug}/{}", locale.code()),
    );
    let who = saver(staff_id, &at, "service.translate", &subject);
    let outcome =
        translations::save(db, id, locale.code(), expected_version, &fields, &who).await?;
    saved(outcome, EditError::ServiceSlugTaken)
}
