use leptos::prelude::*;

/// A modal dialog (the browser's `<dialog>`): while `open`, the rest of the
/// page is inert and Tab and Shift+Tab cycle inside it; Escape closes it;
/// closing, however it happens, returns focus to the element that had it.
/// On opening, focus goes to the child marked `autofocus` (else the first).
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    /// The id of the element that names the dialog.
    #[prop(into)]
    labelled_by: String,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The element to give the focus back to is marked in the document, not
    // held here: this component is also built on the server, where a
    // browser object cannot live.
    const OPENER: &str = "data-modal-opener";
    Effect::new(move |_| {
        use leptos::wasm_bindgen::JsCast;
        let wanted = open.get();
        let Some(el) = dialog.get() else { return };
        if wanted && !el.open() {
            if let Some(active) = document().active_element() {
                let _ = active.set_attribute(OPENER, "");
            }
            let _ = el.show_modal();
        } else if !wanted && el.open() {
            el.close();
            let selector = format!("[{OPENER}]");
            if let Some(opener) = document().query_selector(&selector).ok().flatten() {
                let _ = opener.remove_attribute(OPENER);
                if let Ok(opener) = opener.dyn_into::<leptos::web_sys::HtmlElement>() {
                    let _ = opener.focus();
                }
            }
        }
    });
    // Escape: the browser would close the dialog itself; closing through
    // `open` keeps one way out, which also returns focus.
    let on_cancel = move |ev: leptos::ev::Event| {
        ev.prevent_default();
        open.set(false);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        if let Some(el) = dialog.get_untracked() {
            trap_tab(&el, &ev);
        }
    };
    view! {
        <dialog node_ref=dialog class="modal" aria-labelledby=labelled_by
            on:cancel=on_cancel on:keydown=on_keydown>
            {children()}
        </dialog>
    }
}

/// Keeps Tab inside `dialog`: from its last control to its first, and
/// Shift+Tab from its first to its last.
fn trap_tab(dialog: &leptos::web_sys::HtmlDialogElement, ev: &leptos::ev::KeyboardEvent) {
    use leptos::wasm_bindgen::JsCast;
    let Ok(found) = dialog.query_selector_all(
        "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let controls: Vec<leptos::web_sys::HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &leptos::web_sys::HtmlElement| active.as_ref() == Some(el.as_ref());
    let wrap_to = if ev.shift_key() && at(first) {
        Some(last)
    } else if !ev.shift_key() && at(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        ev.prevent_default();
        let _ = target.focus();
    }
}
