//! The form's optional message, with a live count of what is left.

use super::state::FormState;
use crate::components::form::{described_by, FieldError, FieldHint};
use crate::domain::request::{Field, MESSAGE_MAX};
use leptos::prelude::*;

/// The message box (full form only). The count is shown, and read out by
/// screen readers only near and over the limit.
#[component]
pub fn MessageField(state: FormState, error: Signal<Option<String>>) -> impl IntoView {
    let message_count = move || state.message.with(|m| m.trim().chars().count());
    let counter_class = move || {
        if message_count() > MESSAGE_MAX {
            "counter over"
        } else {
            "counter"
        }
    };
    view! {
        <div class="field">
            <label for=Field::Message.id()>{Field::Message.label()}" "<span class="optional">"(optional)"</span></label>
            <FieldHint field=Field::Message>
                "Please don't include medical history: we'll ask what we need when we talk. Up to "
                {MESSAGE_MAX} " characters."
            </FieldHint>
            <textarea id=Field::Message.id() name=Field::Message.name() rows="5" autocomplete="off"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{} cr-message-count", described_by(Field::Message, true))
                prop:value=move || state.message.get() on:input=move |ev| state.message.set(event_target_value(&ev))
                on:blur=move |_| state.touch(Field::Message)>{textarea_text(&state.message.get_untracked())}</textarea>
            <p id="cr-message-count" class=counter_class>
                {message_count} " of " {MESSAGE_MAX} " characters"
            </p>
            <p class="visually-hidden" aria-live="polite">
                {move || {
                    let left = MESSAGE_MAX as i64 - message_count() as i64;
                    match left {
                        l if l < 0 => format!("{} characters over the limit", -l),
                        l if l <= 100 => format!("{l} characters left"),
                        _ => String::new(),
                    }
                }}
            </p>
            <FieldError field=Field::Message message=error/>
        </div>
    }
}

/// The initial text of a `<textarea>`, escaped by hand: Leptos writes
/// textarea children unescaped, so `</textarea>` in a replayed message would
/// end the element early. Browsers decode these entities back to the text.
fn textarea_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}
