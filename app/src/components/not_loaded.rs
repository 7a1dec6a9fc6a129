//! What a page shows when its code could not be fetched.

use super::{Hydrated, PageMeta};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Shown in place of a page whose wasm module did not arrive (a dropped
/// connection on a phone): without it the click would do nothing. "Try
/// again" loads the same address from the server, which renders the page
/// whole (`rel="external"`: not a client-side navigation).
#[component]
pub fn CodeNotLoaded() -> impl IntoView {
    let here = here();
    view! {
        <PageMeta title=Some("This page didn't load".to_owned()) description="The connection dropped while the page was on its way."/>
        <section class="wrap notice" role="alert">
            <h1>"Sorry, this page didn't load"</h1>
            <p>"The connection dropped while the page was on its way. Check that you are online, then try again."</p>
            <p><a href=here rel="external">"Try again"</a></p>
        </section>
        <Hydrated/>
    }
}

/// Shown in place of a part of a page (the consultation form) whose code
/// did not arrive after a client-side navigation.
#[component]
pub fn PartNotLoaded() -> impl IntoView {
    view! {
        <p class="notice" role="alert">
            "This part of the page didn't load: the connection dropped. "
            <a href=here() rel="external">"Try again"</a>
        </p>
    }
}

/// The current address, to load again from the server.
fn here() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move || {
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    }
}
