//! Every staff save of versioned content, in one shape: begun against the
//! version the editor opened (refused when someone saved since), written
//! by the module that owns the table, then kept with a revision of what
//! was saved and its audit entry, all in one transaction. A stale save is
//! refused, every saved version can be read again (`content_revisions`),
//! and the log never says more or less than what was kept.

use super::audit::{Audited, Entry};
use super::{Db, Tx};
use crate::server::ServerError;
use serde::Serialize;

/// What is being saved, and where its version is kept.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    /// Article `id`'s text in another language than English (English is
    /// the article's own save, with its revisions in `article_revisions`).
    ArticleText { id: i64, locale: &'a str },
    /// Service `id`'s page in another language than English.
    ServiceText { id: i64, locale: &'a str },
    /// A service's English page.
    Service { slug: &'a str },
    /// A category's name in another language than English.
    CategoryName { slug: &'a str, locale: &'a str },
    /// The clinic's words in another language than English.
    ClinicWords { locale: &'a str },
    /// The clinic's facts (and its words in English).
    ClinicFacts,
}

/// A value bound to the lookup's query.
enum Arg<'a> {
    Id(i64),
    Text(&'a str),
}

impl<'a> Key<'a> {
    /// The revision's kind of content.
    fn kind(self) -> &'static str {
        match self {
            Key::ArticleText { .. } => "article",
            Key::ServiceText { .. } | Key::Service { .. } => "service",
            Key::CategoryName { .. } => "category",
            Key::ClinicWords { .. } | Key::ClinicFacts => "clinic",
        }
    }

    fn locale(self) -> &'a str {
        match self {
            Key::ArticleText { locale, .. }
            | Key::ServiceText { locale, .. }
            | Key::CategoryName { locale, .. }
            | Key::ClinicWords { locale } => locale,
            Key::Service { .. } | Key::ClinicFacts => "en",
        }
    }

    /// The content's id and its current version (none: nothing saved in
    /// that language yet); no row when the content does not exist.
    fn lookup(self) -> (&'static str, Vec<Arg<'a>>) {
        match self {
            Key::ArticleText { id, locale } => (
                "SELECT a.id, t.version FROM articles a
                 LEFT JOIN article_translations t ON t.article_id = a.id AND t.locale = $2
                 WHERE a.id = $1",
                vec![Arg::Id(id), Arg::Text(locale)],
            ),
            Key::ServiceText { id, locale } => (
                "SELECT s.id, t.version FROM services s
                 LEFT JOIN service_translations t ON t.service_id = s.id AND t.locale = $2
                 WHERE s.id = $1",
                vec![Arg::Id(id), Arg::Text(locale)],
            ),
            Key::Service { slug } => (
                "SELECT id, version FROM services WHERE slug = $1",
                vec![Arg::Text(slug)],
            ),
            Key::CategoryName { slug, locale } => (
                "SELECT c.id, t.version FROM categories c
                 LEFT JOIN category_translations t ON t.slug = c.slug AND t.locale = $2
                 WHERE c.slug = $1",
                vec![Arg::Text(slug), Arg::Text(locale)],
            ),
            Key::ClinicWords { locale } => (
                "SELECT c.id, t.version FROM clinic c
                 LEFT JOIN clinic_translations t ON t.locale = $1
                 WHERE c.id = 1",
                vec![Arg::Text(locale)],
            ),
            Key::ClinicFacts => ("SELECT id, version FROM clinic WHERE id = 1", Vec::new()),
        }
    }
}

/// A save begun at the right version: write through [`Save::tx`] with
/// [`Save::version`], then [`Save::keep`] or [`Save::refuse`].
pub struct Save {
    audited: Audited,
    kind: &'static str,
    id: i64,
    locale: String,
    version: i64,
}

/// What [`begin`] found.
pub enum Begun {
    Open(Save),
    /// Someone saved it after the version the editor opened.
    Stale,
}

/// Begins saving `key` over `expected_version` (0: nothing saved in that
/// language yet). Content that does not exist is not found.
pub async fn begin(db: &Db, key: Key<'_>, expected_version: i64) -> Result<Begun, ServerError> {
    let mut audited = Audited::begin(db).await?;
    let (sql, args) = key.lookup();
    let found: Option<(i64, Option<i64>)> = crate::on_tx!(&mut audited.tx, c => {
        let mut query = sqlx::query_as(sql);
        for arg in &args {
            query = match *arg {
                Arg::Id(id) => query.bind(id),
                Arg::Text(text) => query.bind(text),
            };
        }
        query.fetch_optional(c).await
    })?;
    let Some((id, current)) = found else {
        audited.rollback().await?;
        return Err(ServerError::NotFound);
    };
    if current.unwrap_or(0) != expected_version {
        audited.rollback().await?;
        return Ok(Begun::Stale);
    }
    Ok(Begun::Open(Save {
        audited,
        kind: key.kind(),
        id,
        locale: key.locale().to_owned(),
        version: expected_version + 1,
    }))
}

impl Save {
    /// The transaction the change is written in.
    pub fn tx(&mut self) -> &mut Tx {
        &mut self.audited.tx
    }

    /// The content's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The version this save writes.
    pub fn version(&self) -> i64 {
        self.version
    }

    /// Keeps the change with a revision of `saved` (what staff wrote) and
    /// the audit entry `by`; returns the new version.
    pub async fn keep(
        mut self,
        saved: &impl Serialize,
        by: &Entry<'_>,
    ) -> Result<i64, ServerError> {
        let content = serde_json::to_string(saved)
            .map_err(|e| ServerError::Corrupt(format!("a revision: {e}")))?;
        crate::on_tx!(&mut self.audited.tx, c => sqlx::query(
            "INSERT INTO content_revisions (kind, content_id, locale, version, content, saved_by, saved_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(self.kind)
        .bind(self.id)
        .bind(&self.locale)
        .bind(self.version)
        .bind(content)
        .bind(by.staff_id)
        .bind(by.at)
        .execute(c).await.map(|done| done.rows_affected()))?;
        self.audited.commit(by).await?;
        Ok(self.version)
    }

    /// Keeps nothing: the change was refused after it began.
    pub async fn refuse(self) -> Result<(), ServerError> {
        self.audited.rollback().await
    }
}
