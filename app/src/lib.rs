//! The clinic's site: one Leptos app, rendered by the server (`ssr`) and
//! hydrated in the browser (`hydrate`).
// Deeply nested views make deep types.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;

pub use app::{shell, App, InlineStyles};

/// The browser's entry point: takes over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Release builds abort on a panic without a message (smaller wasm);
    // development builds, and a release build made with
    // WASM_PANIC_MESSAGES=1 (.ci/install-tools), say what and where.
    #[cfg(any(debug_assertions, panic_messages))]
    console_error_panic_hook::set_once();
    // Loads the current route's lazy chunks (the admin's) before hydrating.
    leptos::mount::hydrate_lazy(App);
}
