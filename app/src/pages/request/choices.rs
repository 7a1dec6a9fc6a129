use super::state::FormState;
use crate::components::form::{use_form_words, FieldError};
use crate::domain::request::{Field, FormWords, ServiceChoice, Weekday};
use crate::domain::ServiceSummary;
use leptos::prelude::*;

/// Radio buttons in a fieldset whose legend is the question.
#[component]
pub fn ChoiceGroup(
    field: Field,
    choices: Vec<(&'static str, String)>,
    value: RwSignal<String>,
    required: bool,
    error: Signal<Option<String>>,
    state: FormState,
) -> impl IntoView {
    let id = field.id();
    view! {
        <ChoiceFieldset field optional=!required inline=false error>
                {choices.into_iter().map(|(choice, label)| {
                    let input_id = format!("{id}-{choice}");
                    view! {
                        <div class="choice">
                            <input type="radio" id=input_id.clone() name=field.name() value=choice autocomplete="off"
                                required=required
                                checked=move || value.with(|v| v == choice)
                                on:change=move |_| { value.set(choice.to_owned()); state.touch(field); }/>
                            <label for=input_id>{label}</label>
                        </div>
                    }
                }).collect_view()}
        </ChoiceFieldset>
    }
}

/// A group of choices: a fieldset whose legend is the question, with the
/// group's error under it. Its id is the field's, for the error summary.
#[component]
fn ChoiceFieldset(
    field: Field,
    optional: bool,
    inline: bool,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let id = field.id();
    let words = use_form_words();
    view! {
        <fieldset class="field choice-group" id=id.clone() tabindex="-1"
            aria-invalid=move || error.with(Option::is_some).to_string()
            aria-describedby=format!("{id}-error")>
            <legend>
                {words.with_value(|w| label(w, field))}
                {optional.then(|| view! { " " <span class="optional">{words.with_value(|w| w.optional.clone())}</span> })}
            </legend>
            <div class=if inline { "choices choices-inline" } else { "choices" }>{children()}</div>
            <FieldError field message=error/>
        </fieldset>
    }
}

/// The days that suit the patient: any number of them.
#[component]
pub fn DayChoices(
    value: RwSignal<Vec<String>>,
    error: Signal<Option<String>>,
    state: FormState,
) -> impl IntoView {
    let field = Field::Days;
    let id = field.id();
    let words = use_form_words();
    view! {
        <ChoiceFieldset field optional=true inline=true error>
                {Weekday::ALL.iter().enumerate().map(|(index, day)| {
                    let day_value = day.value();
                    let input_id = format!("{id}-{day_value}");
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() name=field.name() value=day_value autocomplete="off"
                                checked=move || value.with(|v| v.iter().any(|d| d == day_value))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    value.update(|v| {
                                        v.retain(|d| d != day_value);
                                        if on { v.push(day_value.to_owned()); }
                                    });
                                    state.touch(field);
                                }/>
                            <label for=input_id>{words.with_value(|w| FormWords::nth(&w.weekdays, index))}</label>
                        </div>
                    }
                }).collect_view()}
        </ChoiceFieldset>
    }
}

/// The service the patient asks about, from the services the clinic offers.
#[component]
pub fn ServiceSelect(
    services: Vec<ServiceSummary>,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    state: FormState,
) -> impl IntoView {
    let field = Field::Service;
    let not_sure = ServiceChoice::NOT_SURE;
    let words = use_form_words();
    view! {
        <div class="field">
            <label for=field.id()>{words.with_value(|w| w.service.clone())}</label>
            <select id=field.id() name=field.name() autocomplete="off"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{}-error", field.id())
                on:change=move |ev| { value.set(event_target_value(&ev)); state.touch(field); }>
                <option value=not_sure selected=move || value.with(|v| v.is_empty() || v == not_sure)>{words.with_value(|w| w.not_sure.clone())}</option>
                {services.into_iter().map(|service| {
                    let slug = service.slug.to_string();
                    let current = slug.clone();
                    view! {
                        <option value=slug selected=move || value.with(|v| *v == current)>{service.name}</option>
                    }
                }).collect_view()}
            </select>
            <FieldError field message=error/>
        </div>
    }
}

/// A field's label in the form's language.
pub fn label(words: &FormWords, field: Field) -> String {
    match field {
        Field::Name => &words.name,
        Field::Phone => &words.phone,
        Field::Email => &words.email,
        Field::ContactMethod => &words.contact_method,
        Field::Service => &words.service,
        Field::Patient => &words.patient,
        Field::Days => &words.days,
        Field::TimeOfDay => &words.time,
        Field::Message => &words.message,
        Field::Consent => &words.consent,
    }
    .clone()
}
