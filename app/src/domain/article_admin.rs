//! Articles as the admin lists them and opens them in the editor.

use super::article_draft::ArticleDraft;
use serde::{Deserialize, Serialize};

/// Where an article stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleState {
    Draft,
    Scheduled,
    Published,
}

impl ArticleState {
    pub const ALL: [Self; 3] = [Self::Draft, Self::Scheduled, Self::Published];

    /// The value stored in the database.
    pub fn value(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.value() == raw)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Scheduled => "Scheduled",
            Self::Published => "Published",
        }
    }
}

/// One line of the admin's article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    pub category: String,
    pub state: ArticleState,
    /// When it went or goes public, on the clinic's clock.
    pub when: Option<String>,
}

/// The admin's article list, filtered, and every category to filter by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleTable {
    pub rows: Vec<ArticleRow>,
    pub categories: Vec<String>,
}

/// An article open in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedArticle {
    pub id: i64,
    /// Sent back with a save: a save against an older version is refused.
    pub version: i64,
    pub state: ArticleState,
    pub when: Option<String>,
    pub draft: ArticleDraft,
    /// Saved versions, newest first: (version, saved at, by whom).
    pub revisions: Vec<(i64, String, String)>,
    /// The article in each language besides English, empty where not yet
    /// written. Loaded with the article: a load of its own inside the
    /// editor could run twice during a server render and leave the page's
    /// data out of step with the page.
    pub translations: Vec<super::Translation<super::PageTranslation>>,
}
