use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// After a client-side navigation, moves focus to the new page's heading,
/// so a screen reader announces the page (as it would the title after a
/// full load) and the next Tab starts from the content. The heading
/// arrives with the page's data, so it is awaited (the old page's heading
/// does not count); a page without one focuses `<main>`. A page of steps
/// (online booking) marks the current step's heading `data-route-focus`:
/// it takes focus instead, also when only the address's query changed
/// (the next step of the same page).
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if let Some((path, search)) = previous {
            let target = if path != now.0 {
                Some(Target::Page)
            } else if search != now.1 {
                Some(Target::Step)
            } else {
                None
            };
            if let Some(target) = target {
                let old = heading(target).map(|h| {
                    let text = h.text_content();
                    (h, text)
                });
                focus_new_heading(target, old, 0);
            }
        }
        now
    });
}

/// What a navigation changed: the page, or only the step it is at.
#[derive(Clone, Copy)]
enum Target {
    Page,
    Step,
}

/// How often, and how many times, the new heading is looked for (5 s).
const POLL_MS: u64 = 50;
const POLLS: u32 = 100;

fn heading(target: Target) -> Option<leptos::web_sys::Element> {
    let find = |selector: &str| document().query_selector(selector).ok().flatten();
    match target {
        Target::Page => find("main [data-route-focus]").or_else(|| find("main h1")),
        Target::Step => find("main [data-route-focus]"),
    }
}

/// `old`: the heading (and its text) when the address changed. A page of
/// the same kind may keep the element and change its text.
fn focus_new_heading(
    target: Target,
    old: Option<(leptos::web_sys::Element, Option<String>)>,
    tries: u32,
) {
    use leptos::wasm_bindgen::JsCast;
    let found = heading(target).filter(|h| match &old {
        Some((element, text)) => element != h || *text != h.text_content(),
        None => true,
    });
    let target_element = match (found, target) {
        (Some(h), _) => Some(h),
        (None, Target::Page) if tries >= POLLS => document().get_element_by_id("main"),
        (None, Target::Step) if tries >= POLLS => None,
        (None, _) => {
            set_timeout(
                move || focus_new_heading(target, old, tries + 1),
                std::time::Duration::from_millis(POLL_MS),
            );
            return;
        }
    };
    if let Some(element) =
        target_element.and_then(|t| t.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
    }
}
