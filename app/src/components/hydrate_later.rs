//! Parts of a page that hydrate in a browser task of their own.
//!
//! Chromium compiles wasm functions the first time they run, on the main
//! thread, so hydrating is mostly compiling, and hydrating the shell and a
//! page in one task was long enough for Lighthouse's phone model to count
//! it as blocking (figures: docs/performance.md). The header and the
//! footer each hydrate in a task after the one that adopts the rest of the
//! page. The server's HTML is the same either way, and hydrating adopts
//! the nodes as they are, so nothing moves.

use super::hydrated::{part_done, part_waits};
use leptos::prelude::*;

/// Renders `view` inside a `<div>`. On the server and on client-side
/// navigation it renders at once; while the page hydrates, the browser
/// adopts the `<div>` alone and hydrates `view` into it in the next task.
/// The view is built by the caller, in its place in the page: building
/// runs the components, which take the page's next resource and
/// `<Suspense>` ids in the order the server took them (building the header
/// late put the article's data under the wrong id, and the page rendered
/// twice).
pub fn hydrate_later(view: AnyView) -> AnyView {
    let hydrating = Owner::current_shared_context().is_some_and(|sc| sc.during_hydration());
    if !hydrating {
        return at_once(view);
    }
    part_waits();
    imp::hydrate_in_next_task(view, part_done)
}

fn at_once(view: AnyView) -> AnyView {
    view! { <div class="hydrate-later">{view}</div> }.into_any()
}

#[cfg(feature = "hydrate")]
pub(super) use imp::hydrate_into;

#[cfg(feature = "hydrate")]
mod imp {
    use crate::components::browser::next_task;
    use leptos::html::Div;
    use leptos::prelude::*;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{Position, PositionState, RenderHtml};
    use wasm_bindgen::JsCast;

    /// Hydrates `view` into the server's markup inside `element` (its
    /// first child on), and keeps the view's state, which holds its render
    /// effects and handlers, as long as the current owner (the page).
    pub fn hydrate_into(view: AnyView, element: web_sys::Element) {
        let state = view.hydrate::<true>(
            &Cursor::new(element.unchecked_into()),
            &PositionState::new(Position::FirstChild),
        );
        StoredValue::new_local(state);
    }

    /// Hydrates `view` into the `<div>` in the next task, then calls `done`.
    pub fn hydrate_in_next_task(view: AnyView, done: fn()) -> AnyView {
        let slot = NodeRef::<Div>::new();
        // Owned by the page, so the view's effects and handlers end with it.
        let owner = Owner::current();
        leptos::task::spawn_local(async move {
            next_task().await;
            let slot = slot.try_get_untracked().flatten();
            if let (Some(slot), Some(owner)) = (slot, owner) {
                owner.with(|| hydrate_into(view, slot.into()));
            }
            done();
        });
        view! { <div class="hydrate-later" node_ref=slot></div> }.into_any()
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    use leptos::prelude::AnyView;

    /// The server never hydrates (its shared context says so): never called.
    pub fn hydrate_in_next_task(view: AnyView, _done: fn()) -> AnyView {
        super::at_once(view)
    }
}
