//! The document's mark that a page is interactive.

use super::hydrate_later::nothing_left_to_hydrate;
use leptos::prelude::*;

/// Marks the document once the page's own code has taken over (effects run
/// only in the browser, after hydration): tests and styles wait for it.
/// The app shell hydrates first and a page's chunk after it, so the mark
/// belongs to the pages, not the shell. A part of the page that hydrates
/// later sets the mark itself when it is done.
#[component]
pub fn Hydrated() -> impl IntoView {
    Effect::new(|_| {
        if nothing_left_to_hydrate() {
            mark_hydrated();
        }
    });
}

pub(crate) fn mark_hydrated() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
