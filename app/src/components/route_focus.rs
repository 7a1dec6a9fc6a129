use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// After a client-side navigation, moves focus to the new page's heading,
/// so a screen reader announces the page (as it would the title after a
/// full load) and the next Tab starts from the content. The heading
/// arrives with the page's data, so it is awaited (the old page's heading
/// does not count); a page without one focuses `<main>`.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            let old = heading().map(|h| {
                let text = h.text_content();
                (h, text)
            });
            focus_new_heading(old, 0);
        }
        path
    });
}

/// How often, and how many times, the new heading is looked for (5 s).
const POLL_MS: u64 = 50;
const POLLS: u32 = 100;

fn heading() -> Option<leptos::web_sys::Element> {
    document().query_selector("main h1").ok().flatten()
}

/// `old`: the heading (and its text) when the address changed. A page of
/// the same kind may keep the element and change its text.
fn focus_new_heading(old: Option<(leptos::web_sys::Element, Option<String>)>, tries: u32) {
    use leptos::wasm_bindgen::JsCast;
    let found = heading().filter(|h| match &old {
        Some((element, text)) => element != h || *text != h.text_content(),
        None => true,
    });
    let target = match found {
        Some(h) => Some(h),
        None if tries >= POLLS => document().get_element_by_id("main"),
        None => {
            set_timeout(
                move || focus_new_heading(old, tries + 1),
                std::time::Duration::from_millis(POLL_MS),
            );
            return;
        }
    };
    if let Some(target) = target.and_then(|t| t.dyn_into::<leptos::web_sys::HtmlElement>().ok()) {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
    }
}
