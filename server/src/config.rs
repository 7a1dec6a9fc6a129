use anyhow::Context;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;

/// Everything the server reads from its environment (see the README).
#[derive(Clone)]
pub struct Config {
    /// Address, site root and asset names: `LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...
    pub leptos: LeptosOptions,
    /// `DATABASE_URL`: the SQLite file, created if missing.
    pub database_url: String,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/clinic.db";

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let leptos = leptos::config::get_configuration(None)
            .context("reading LEPTOS_* settings")?
            .leptos_options;
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned());
        Ok(Self {
            leptos,
            database_url,
        })
    }

    /// The same settings listening on another address (tests use port 0).
    pub fn with_addr(mut self, addr: SocketAddr) -> Self {
        self.leptos.site_addr = addr;
        self
    }
}
