use crate::domain::consultation::FieldErrors;
use leptos::html::Div;
use leptos::prelude::*;

/// "There is a problem": every error, each linking to its field. Focused
/// when a submit fails, so screen readers read it first.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Option<FieldErrors>>,
    node_ref: NodeRef<Div>,
) -> impl IntoView {
    view! {
        <div class="error-summary" tabindex="-1" node_ref=node_ref
            role="alert" aria-labelledby="error-summary-title"
            hidden=move || errors.with(|e| e.as_ref().is_none_or(FieldErrors::is_empty))>
            {move || errors.get().filter(|e| !e.is_empty()).map(|errors| view! {
                <h2 id="error-summary-title">"There is a problem with your request"</h2>
                <ul>
                    {errors.iter().map(|(field, message)| view! {
                        <li><a href=format!("#{}", field.id())>{message.to_owned()}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
