//! Public content: anyone may read it, so no session check. GET, so
//! responses can be cached.

use super::ApiError;
use crate::domain::{
    ArticleList, ArticleSummary, ArticleView, ClinicInfo, Locale, Service, ServiceSummary,
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

/// The clinic's facts, with the shell's words in `locale` (English when
/// not given).
#[server(input = GetUrl, output = Postcard, endpoint = "clinic")]
pub async fn get_clinic(#[server(default)] locale: Locale) -> Result<ClinicInfo, ApiError> {
    use crate::server::content::clinic;
    let state = super::server::state()?;
    let read = clinic::for_pages(&state, locale);
    let mut info = state
        .last_read
        .clinic(locale, read)
        .await
        .map_err(ApiError::from)
        // The frame of the page being rendered is missing: the whole page
        // is unavailable, not only its header.
        .inspect_err(|e| {
            if *e == ApiError::Unavailable {
                crate::api::set_page_status(e);
            }
        })?;
    info.text = crate::server::i18n::shell_text(locale, &info);
    Ok(info)
}

#[server(input = GetUrl, output = Postcard, endpoint = "home")]
pub async fn get_home(#[server(default)] locale: Locale) -> Result<HomeContent, ApiError> {
    use crate::server::content::{articles, services};
    let db = super::server::state()?.db;
    let services = services::list(&db, locale).await?;
    let latest = articles::latest(&db, locale, HOME_ARTICLES).await?;
    Ok(HomeContent { services, latest })
}

#[server(input = GetUrl, output = Postcard, endpoint = "services")]
pub async fn list_services(
    #[server(default)] locale: Locale,
) -> Result<Vec<ServiceSummary>, ApiError> {
    use crate::server::content::services;
    Ok(services::list(&super::server::state()?.db, locale).await?)
}

/// A service page by its address in `locale` (or in any language).
#[server(input = GetUrl, output = Postcard, endpoint = "service")]
pub async fn get_service(
    #[server(default)] locale: Locale,
    slug: String,
) -> Result<Service, ApiError> {
    use crate::domain::Slug;
    use crate::server::content::services;
    let slug = Slug::parse(&slug).map_err(|_| ApiError::NotFound)?;
    Ok(services::get(&super::server::state()?.db, locale, &slug).await?)
}

#[server(input = GetUrl, output = Postcard, endpoint = "articles")]
pub async fn list_articles(
    #[server(default)] locale: Locale,
    category: Option<String>,
    page: Option<String>,
) -> Result<ArticleList, ApiError> {
    use crate::domain::{PageNumber, Slug};
    use crate::server::content::articles;
    let category = match category.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(raw) => Some(Slug::parse(raw).map_err(|_| ApiError::NotFound)?),
    };
    let page = PageNumber::parse(page.as_deref());
    let db = super::server::state()?.db;
    Ok(articles::page(&db, locale, category.as_ref(), page).await?)
}

#[server(input = GetUrl, output = Postcard, endpoint = "article")]
pub async fn get_article(
    #[server(default)] locale: Locale,
    slug: String,
) -> Result<ArticleView, ApiError> {
    use crate::domain::Slug;
    use crate::server::content::articles;
    let slug = Slug::parse(&slug).map_err(|_| ApiError::NotFound)?;
    let db = super::server::state()?.db;
    Ok(articles::view(&db, locale, &slug).await?)
}
