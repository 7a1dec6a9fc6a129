//! What everyone reads: pages, articles, feeds, search engines' view, caching, the seed, and the Spanish site.

pub mod article_page;
pub mod articles;
pub mod built_files;
pub mod caching;
pub mod content_api;
pub mod discovery;
pub mod feeds;
pub mod languages;
pub mod not_found;
pub mod pages;
pub mod security;
pub mod seed;
pub mod spanish;
