//! The form's optional message, with a live count of what is left.

use super::state::FormState;
use crate::components::form::{described_by, use_form_words, FieldError, FieldHint};
use crate::domain::request::{Field, MESSAGE_MAX};
use leptos::prelude::*;

/// The message box (full form only). The count is shown, and read out by
/// screen readers only near and over the limit.
#[component]
pub fn MessageField(state: FormState, error: Signal<Option<String>>) -> impl IntoView {
    let words = use_form_words();
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
            <label for=Field::Message.id()>{words.with_value(|w| w.message.clone())}" "<span class="optional">{words.with_value(|w| w.optional.clone())}</span></label>
            <FieldHint field=Field::Message>{words.with_value(|w| w.message_hint.clone())}</FieldHint>
            <textarea id=Field::Message.id() name=Field::Message.name() rows="5" autocomplete="off"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{} cr-message-count", described_by(Field::Message, true))
                prop:value=move || state.message.get() on:input=move |ev| state.message.set(event_target_value(&ev))
                on:blur=move |_| state.touch(Field::Message)>{textarea_text(&state.message.get_untracked())}</textarea>
            <p id="cr-message-count" class=counter_class>
                {move || words.with_value(|w| w.message_count.replace("{count}", &message_count().to_string()))}
            </p>
            <p class="visually-hidden" aria-live="polite">
                {move || {
                    let left = MESSAGE_MAX as i64 - message_count() as i64;
                    match left {
                        l if l < 0 => words.with_value(|w| w.message_over.replace("{over}", &(-l).to_string())),
                        l if l <= 100 => words.with_value(|w| w.message_left.replace("{left}", &l.to_string())),
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
