//! One integration-test binary: each test starts the real server on a free
//! port with a fresh SQLite file and talks to it over HTTP.

mod admin;
mod admin_helpers;
mod article_page;
mod articles;
mod audit_chain;
mod backups;
mod built_files;
mod caching;
mod content_api;
mod discovery;
mod editor;
mod encryption;
mod feeds;
mod health;
mod helpers;
mod media;
mod media_helpers;
mod not_found;
mod pages;
mod privacy;
mod publishing;
mod request_abuse;
mod request_helpers;
mod request_mail;
mod request_rules;
mod requests;
mod retention;
mod security;
mod seed;
mod services_editor;
mod sessions;
mod smtp_sink;
mod submissions;
mod two_factor;
mod wordpress;
