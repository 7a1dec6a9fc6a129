//! One tab per language of a page in the editors (ARIA tabs: the arrow
//! keys move between them), one for each of the site's languages. Each
//! editor shows its panel for the tab chosen (`panel_id`), labelled by its
//! tab (`tab_id`).

use crate::domain::Locale;
use leptos::prelude::*;

/// The tab list; `tab` is the language shown.
pub fn language_tabs(tab: RwSignal<Locale>) -> impl IntoView {
    let button = move |locale: Locale| {
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let step = match ev.key().as_str() {
                "ArrowRight" => 1,
                "ArrowLeft" => Locale::ALL.len() - 1,
                _ => return,
            };
            let at = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
            let next = Locale::ALL[(at + step) % Locale::ALL.len()];
            tab.set(next);
            focus(&tab_id(next));
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
