//! Where content answers in every language, read inside a change's
//! transaction before and after it, so an address the change moves keeps
//! answering: a patient's bookmark, a search result or another site's link
//! is sent on to the new address instead of meeting a 404.

use super::Tx;
use crate::domain::locale::Locale;
use crate::routes::Pages;
use crate::server::ServerError;

/// Content with public addresses.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Article(i64),
    Service(i64),
}

/// `owner`'s public addresses, one per language in [`Locale::ALL`]'s
/// order; none while an article is not published (it had no public
/// address to keep).
pub async fn public(tx: &mut Tx, owner: Owner) -> Result<Vec<String>, ServerError> {
    let (sql, id) = match owner {
        Owner::Article(id) => (
            "SELECT a.slug, t.locale, t.slug FROM articles a
             LEFT JOIN article_translations t ON t.article_id = a.id
             WHERE a.id = $1 AND a.status = 'published'",
            id,
        ),
        Owner::Service(id) => (
            "SELECT s.slug, t.locale, t.slug FROM services s
             LEFT JOIN service_translations t ON t.service_id = s.id
             WHERE s.id = $1",
            id,
        ),
    };
    let rows: Vec<(String, Option<String>, Option<String>)> =
        crate::on_tx!(tx, c => sqlx::query_as(sql).bind(id).fetch_all(c).await)?;
    let Some((english, _, _)) = rows.first() else {
        return Ok(Vec::new());
    };
    Ok(Locale::ALL
        .into_iter()
        .map(|locale| {
            // A language without its own address reads the English one
            // under its prefix.
            let slug = rows
                .iter()
                .find(|(_, code, _)| code.as_deref() == Some(locale.code()))
                .and_then(|(_, _, slug)| slug.as_deref())
                .filter(|_| locale != Locale::En)
                .unwrap_or(english);
            let pages = Pages(locale);
            let root = match owner {
                Owner::Article(_) => pages.articles_root(),
                Owner::Service(_) => pages.services(),
            };
            format!("{root}/{slug}")
        })
        .collect())
}

/// Sends each address of `before` that is not the same in `after` on to
/// its new one (both from [`public`]).
pub async fn keep_moved(
    tx: &mut Tx,
    before: &[String],
    after: &[String],
    at: &str,
) -> Result<(), ServerError> {
    for (from, to) in before.iter().zip(after) {
        if from != to {
            super::redirects::moved_in(tx, from, to, at).await?;
        }
    }
    Ok(())
}
