//! One tab per language of a page in the editors (ARIA tabs: the arrow
//! keys move between them). Each editor shows its panel for the tab chosen:
//! `id="panel-en"` and `id="panel-es"`, labelled by their tab.

use crate::domain::Locale;
use leptos::prelude::*;

/// The tab list; `tab` is the language shown.
pub fn language_tabs(tab: RwSignal<Locale>) -> impl IntoView {
    let button = move |locale: Locale| {
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                let next = locale.other();
                tab.set(next);
                focus(&tab_id(next));
            }
        };
        view! {
            <button type="button" role="tab" id=tab_id(locale) aria-controls=panel_id(locale)
                aria-selected=move || (tab.get() == locale).to_string()
                tabindex=move || if tab.get() == locale { "0" } else { "-1" }
                on:click=move |_| tab.set(locale) on:keydown=on_key>{locale.english_name()}</button>
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Language">
            {Locale::ALL.into_iter().map(button).collect_view()}
        </div>
    }
}

pub fn tab_id(locale: Locale) -> String {
    format!("tab-{}", locale.code())
}

pub fn panel_id(locale: Locale) -> String {
    format!("panel-{}", locale.code())
}

fn focus(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(button) = document()
        .get_element_by_id(id)
        .and_then(|b| b.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}
