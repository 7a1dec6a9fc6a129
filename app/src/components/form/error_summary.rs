use crate::domain::request::FieldErrors;
use leptos::html::Div;
use leptos::prelude::*;

/// "There is a problem": every error, each linking to its field. Focused
/// when a submit fails, so screen readers read it first: by the page's code,
/// or, in the page the server sends back to a browser without JavaScript,
/// by `autofocus`.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Option<FieldErrors>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    let empty = move || errors.with(|e| e.as_ref().is_none_or(FieldErrors::is_empty));
    let heading = super::use_form_words().with_value(|w| w.problem.clone());
    view! {
        <div class="error-summary" tabindex="-1" node_ref=node_ref
            role="alert" aria-labelledby="error-summary-title"
            autofocus=move || !empty() hidden=empty>
            {move || errors.get().filter(|e| !e.is_empty()).map(|errors| view! {
                <h2 id="error-summary-title">{heading.clone()}</h2>
                <ul>
                    {errors.iter().map(|(field, message)| {
                        let id = field.id();
                        view! {
                            <li><a href=format!("#{id}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_field(&id);
                            }>{message.to_owned()}</a></li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

/// Moves focus to a field (the first choice of a group), as following the
/// link without the router would.
fn focus_field(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let Some(target) = document().get_element_by_id(id) else {
        return;
    };
    let control = if target.tag_name().eq_ignore_ascii_case("fieldset") {
        target
            .query_selector("input")
            .ok()
            .flatten()
            .unwrap_or(target)
    } else {
        target
    };
    if let Ok(control) = control.dyn_into::<leptos::web_sys::HtmlElement>() {
        control.scroll_into_view();
        let _ = control.focus();
    }
}
