//! What a page shows when its code could not be fetched.

use super::{Hydrated, PageMeta};
use crate::routes::use_address;
use leptos::prelude::*;

/// Shown in place of a page whose wasm module did not arrive (a dropped
/// connection on a phone): without it the click would do nothing. "Try
/// again" loads the same address from the server, which renders the page
/// whole (`rel="external"`: not a client-side navigation).
#[component]
pub fn CodeNotLoaded() -> impl IntoView {
    let here = use_address();
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
