//! Public content: anyone may read it, so no session check. GET, so
//! responses can be cached.

use super::ApiError;
use crate::domain::{
    ArticleList, ArticleSummary, ArticleView, ClinicInfo, Service, ServiceSummary,
};
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Postcard};
use serde::{Deserialize, Serialize};

/// How many articles the home page shows.
pub const HOME_ARTICLES: i64 = 3;

/// What the home page lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeContent {
    pub services: Vec<ServiceSummary>,
    pub latest: Vec<ArticleSummary>,
}

#[server(input = GetUrl, output = Postcard, endpoint = "clinic")]
pub async fn get_clinic() -> Result<ClinicInfo, ApiError> {
    use crate::server::{content::clinic, respond, state};
    respond(clinic::for_pages(&state()?).await)
}

#[server(input = GetUrl, output = Postcard, endpoint = "home")]
pub async fn get_home() -> Result<HomeContent, ApiError> {
    use crate::server::{
        content::{articles, services},
        respond, state,
    };
    let db = state()?.db;
    let services = respond(services::list(&db).await)?;
    let latest = respond(articles::latest(&db, HOME_ARTICLES).await)?;
    Ok(HomeContent { services, latest })
}

#[server(input = GetUrl, output = Postcard, endpoint = "services")]
pub async fn list_services() -> Result<Vec<ServiceSummary>, ApiError> {
    use crate::server::{content::services, respond, state};
    respond(services::list(&state()?.db).await)
}

#[server(input = GetUrl, output = Postcard, endpoint = "service")]
pub async fn get_service(slug: String) -> Result<Service, ApiError> {
    use crate::domain::Slug;
    use crate::server::{content::services, respond, state, ServerError};
    let slug = respond(Slug::parse(&slug).map_err(|_| ServerError::NotFound))?;
    respond(services::get(&state()?.db, &slug).await)
}

#[server(input = GetUrl, output = Postcard, endpoint = "articles")]
pub async fn list_articles(
    category: Option<String>,
    page: Option<String>,
) -> Result<ArticleList, ApiError> {
    use crate::domain::{PageNumber, Slug};
    use crate::server::{content::articles, respond, state, ServerError};
    let category = match category.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => Some(respond(
            Slug::parse(raw).map_err(|_| ServerError::NotFound),
        )?),
    };
    let page = PageNumber::parse(page.as_deref());
    respond(articles::page(&state()?.db, category.as_ref(), page).await)
}

#[server(input = GetUrl, output = Postcard, endpoint = "article")]
pub async fn get_article(slug: String) -> Result<ArticleView, ApiError> {
    use crate::domain::Slug;
    use crate::server::{content::articles, respond, state, ServerError};
    let slug = respond(Slug::parse(&slug).map_err(|_| ServerError::NotFound))?;
    respond(articles::view(&state()?.db, &slug).await)
}
