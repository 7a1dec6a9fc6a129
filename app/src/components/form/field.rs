use crate::domain::request::{Field, FormWords};
use leptos::prelude::*;

/// The words of the form being shown, provided by the form around its
/// fields (the consultation form's, in its page's language).
pub fn use_form_words() -> StoredValue<FormWords> {
    use_context::<StoredValue<FormWords>>()
        .unwrap_or_else(|| StoredValue::new(FormWords::default()))
}

/// The error under a field, announced when it appears.
#[component]
pub fn FieldError(field: Field, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    let prefix = use_form_words().with_value(|w| format!("{} ", w.error));
    view! {
        <p class="field-error" id=format!("{}-error", field.id()) aria-live="polite">
            {move || message.get().map(|m| view! { <span class="visually-hidden">{prefix.clone()}</span>{m} })}
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
