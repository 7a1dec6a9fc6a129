#![recursion_limit = "256"]
//! The clinic site's server: configuration, startup and telemetry, as a
//! library so tests start exactly what production runs.

mod assets;
pub mod backup;
mod body_limit;
mod booking_post;
pub mod cli;
mod compress;
pub mod config;
mod content_policy;
pub mod data_key;
mod discovery;
mod etag;
mod export;
mod form_post;
mod guard;
mod health;
mod media;
pub mod metrics;
pub mod migrate;
mod outage;
mod page_cache;
mod redirects;
mod request_post;
mod router;
pub mod startup;
pub mod telemetry;
pub mod wordpress;
