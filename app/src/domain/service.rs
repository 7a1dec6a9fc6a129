use super::Slug;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub slug: Slug,
    pub name: String,
    pub summary: String,
}

/// A service page, its body already rendered and sanitised by the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub summary: ServiceSummary,
    pub body_html: String,
    /// Staff's choice for search results; empty: the name and summary.
    pub seo_title: String,
    pub seo_description: String,
}
