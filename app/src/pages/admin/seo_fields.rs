use crate::domain::article_draft::{SUMMARY_MAX, TITLE_MAX};
use leptos::prelude::*;

/// Optional overrides of what search results and shared links show.
#[component]
pub fn SeoFields(
    /// Prefix of the inputs' ids: "article", "service".
    prefix: &'static str,
    #[prop(into)] title: Signal<String>,
    on_title: Callback<String>,
    #[prop(into)] description: Signal<String>,
    on_description: Callback<String>,
    #[prop(into)] title_error: Signal<Option<String>>,
    #[prop(into)] description_error: Signal<Option<String>>,
) -> impl IntoView {
    let title_id = format!("{prefix}-seo-title");
    let description_id = format!("{prefix}-seo-description");
    view! {
        <details class="field" open=move || !title.get().is_empty() || !description.get().is_empty()>
            <summary>"Search results and shared links"</summary>
            <p class="field-hint">"Leave empty to use the title and summary. About 60 characters of a title and 155 of a description show in search results."</p>
            <div class="field">
                <label for=title_id.clone()>"Search title"</label>
                <input id=title_id.clone() type="text" maxlength=TITLE_MAX autocomplete="off"
                    aria-describedby=format!("{title_id}-error")
                    aria-invalid=move || title_error.get().is_some().to_string()
                    prop:value=move || title.get() on:input=move |ev| on_title.run(event_target_value(&ev))/>
                <p class="field-error" id=format!("{title_id}-error")>{move || title_error.get()}</p>
            </div>
            <div class="field">
                <label for=description_id.clone()>"Search description"</label>
                <textarea id=description_id.clone() rows="2" maxlength=SUMMARY_MAX
                    aria-describedby=format!("{description_id}-error")
                    aria-invalid=move || description_error.get().is_some().to_string()
                    prop:value=move || description.get() on:input=move |ev| on_description.run(event_target_value(&ev))></textarea>
                <p class="field-error" id=format!("{description_id}-error")>{move || description_error.get()}</p>
            </div>
        </details>
    }
}
