use super::state::FormState;
use crate::components::form::FieldError;
use crate::domain::request::{Field, ServiceChoice, Weekday};
use crate::domain::ServiceSummary;
use leptos::prelude::*;

/// Radio buttons in a fieldset whose legend is the question.
#[component]
pub fn ChoiceGroup(
    field: Field,
    choices: Vec<(&'static str, &'static str)>,
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
    view! {
        <fieldset class="field choice-group" id=id.clone() tabindex="-1"
            aria-invalid=move || error.with(Option::is_some).to_string()
            aria-describedby=format!("{id}-error")>
            <legend>
                {field.label()}
                {optional.then(|| view! { " " <span class="optional">"(optional)"</span> })}
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
    view! {
        <ChoiceFieldset field optional=true inline=true error>
                {Weekday::ALL.iter().map(|day| {
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
                            <label for=input_id>{day.label()}</label>
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
    view! {
        <div class="field">
            <label for=field.id()>{field.label()}</label>
            <select id=field.id() name=field.name() autocomplete="off"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{}-error", field.id())
                on:change=move |ev| { value.set(event_target_value(&ev)); state.touch(field); }>
                <option value=not_sure selected=move || value.with(|v| v.is_empty() || v == not_sure)>"Not sure yet"</option>
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
