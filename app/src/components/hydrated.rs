//! The document's mark that a page is interactive.

use leptos::prelude::*;

/// Marks the document once the page's own code has taken over (effects run
/// only in the browser, after hydration): tests and styles wait for it.
/// The app shell hydrates first and a page's chunk after it, so the mark
/// belongs to the pages, not the shell.
#[component]
pub fn Hydrated() -> impl IntoView {
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
