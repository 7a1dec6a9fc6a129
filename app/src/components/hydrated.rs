//! The document's mark that a page is interactive.

use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// Parts of the page still to hydrate in a later task
    /// ([`hydrate_later`](super::hydrate_later)); only ever non-zero in a
    /// browser.
    static LATER: Cell<usize> = const { Cell::new(0) };
    /// Whether a page (not only the shell) has hydrated: the header's part
    /// can finish while the page's code is still on its way.
    static PAGE_DONE: Cell<bool> = const { Cell::new(false) };
}

/// Marks the document once the page's own code has taken over (effects run
/// only in the browser, after hydration): tests and styles wait for it.
/// The app shell hydrates first and a page's chunk after it, so the mark
/// belongs to the pages, not the shell. While parts of the page wait to
/// hydrate later, the last of them sets the mark instead.
#[component]
pub fn Hydrated() -> impl IntoView {
    Effect::new(|_| {
        PAGE_DONE.set(true);
        mark_if_done();
    });
}

/// A part of the page will hydrate in a later task.
pub(crate) fn part_waits() {
    LATER.set(LATER.get() + 1);
}

/// A part that waited has hydrated (or its page is gone).
pub(crate) fn part_done() {
    LATER.set(LATER.get().saturating_sub(1));
    mark_if_done();
}

fn mark_if_done() {
    if PAGE_DONE.get() && LATER.get() == 0 {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    }
}
