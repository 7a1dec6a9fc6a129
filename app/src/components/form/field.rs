use crate::domain::request::Field;
use leptos::prelude::*;

/// The error under a field, announced when it appears.
#[component]
pub fn FieldError(field: Field, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-error" id=format!("{}-error", field.id()) aria-live="polite">
            {move || message.get().map(|m| view! { <span class="visually-hidden">"Error: "</span>{m} })}
        </p>
    }
}

/// A hint under a field's label.
#[component]
pub fn FieldHint(field: Field, children: Children) -> impl IntoView {
    view! { <p class="field-hint" id=format!("{}-hint", field.id())>{children()}</p> }
}

/// `aria-describedby` of a control: its hint (if any) and its error.
pub fn described_by(field: Field, has_hint: bool) -> String {
    let id = field.id();
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}
