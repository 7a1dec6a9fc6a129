//! Article categories' names in other languages, as staff edit them.

use super::translations::every_language;
use super::EditError;
use crate::domain::category_draft::{CategoryName, EditedCategory};
use crate::domain::{Locale, Slug};
use crate::server::content::{now_utc, stored_slug};
use crate::server::db::{self, audit::Entry, Db};

/// Every category with its name in each language besides English.
pub async fn list(db: &Db) -> Result<Vec<EditedCategory>, crate::server::ServerError> {
    let names = db::categories::names(db).await?;
    db::categories::list(db)
        .await?
        .into_iter()
        .map(|row| {
            let translations = every_language(|locale| {
                names
                    .iter()
                    .find(|n| n.slug == row.slug && n.locale == locale.code())
                    .map(|n| {
                        (
                            n.version,
                            CategoryName {
                                name: n.name.clone(),
                            },
                        )
                    })
            });
            Ok(EditedCategory {
                slug: stored_slug(&row.slug)?,
                name: row.name,
                translations,
            })
        })
        .collect()
}

/// Names the category at `slug` in `locale` (validated) if its name there
/// is still at `expected_version`; returns the new version.
pub async fn save_name(
    db: &Db,
    slug: &Slug,
    locale: Locale,
    expected_version: i64,
    name: &CategoryName,
    staff_id: i64,
) -> Result<i64, EditError> {
    let at = now_utc().to_stored();
    let subject = format!("{slug}/{}", locale.code());
    let by = Entry {
        staff_id,
        at: &at,
        action: "category.translate",
        subject: Some(&subject),
    };
    db::categories::save_name(
        db,
        slug.as_str(),
        locale.code(),
        expected_version,
        &name.name,
        &by,
    )
    .await?
    .ok_or(EditError::Conflict)
}
