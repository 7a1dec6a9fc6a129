//! The appointment types patients choose from, service by service: each
//! one's name in every language, its length and buffers, who may book it,
//! and whether it is booked at once or confirmed by the front desk.
//! Administrators only.

use super::draft_form::{text_field, DraftForm, TextField};
use crate::api::admin::appointment_types::{appointment_types, save_appointment_type};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::appointment_type_draft::{
    AppointmentTypeDraft, EditedType, TypeSetup, BUFFER_MAX, MINUTES_MAX, MINUTES_MIN,
    TYPE_NAME_MAX,
};
use crate::domain::{Field, Locale};
use leptos::prelude::*;

#[component]
pub fn AdminAppointmentTypes() -> impl IntoView {
    // A new type, once saved, is read back with the others.
    let added = RwSignal::new(0_u32);
    let setup = Resource::new(move || added.get(), |_| appointment_types());
    view! {
        <PageMeta title=Some("Appointment types".to_owned()) description="What patients can book, how long it takes, and who confirms it."/>
        <h1>"Appointment types"</h1>
        <p>"Patients choose one of these after the service. A change applies to new bookings at once; appointments already booked keep their times."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(setup.await, move |setup| types_view(setup, added))
            })}
        </Suspense>
    }
}

fn types_view(setup: TypeSetup, added: RwSignal<u32>) -> impl IntoView {
    let TypeSetup { types, services } = setup;
    let first = services
        .first()
        .map(|(slug, _)| slug.clone())
        .unwrap_or_default();
    let new = EditedType {
        id: None,
        version: 0,
        draft: AppointmentTypeDraft::new_for(&first),
    };
    view! {
        {services.iter().map(|(slug, service)| {
            let of_service: Vec<EditedType> = types.iter().filter(|t| t.draft.service == *slug).cloned().collect();
            view! {
                <section aria-label=service.clone()>
                    <h2>{service.clone()}</h2>
                    {if of_service.is_empty() {
                        view! { <p>"No appointment types: patients cannot book this service online."</p> }.into_any()
                    } else {
                        of_service.into_iter().map(|t| editor(t, &services, service, None)).collect_view().into_any()
                    }}
                </section>
            }
        }).collect_view()}
        <h2>"Add an appointment type"</h2>
        {editor(new, &services, "", Some(added))}
    }
}

/// One type's form, under the service called `service`; `added` is told
/// when a new one is saved.
/// One step: one form's fields and markup, read top to bottom.
fn editor(
    edited: EditedType,
    services: &[(String, String)],
    service: &str,
    added: Option<RwSignal<u32>>,
) -> impl IntoView {
    let id = edited.id;
    let key = id.map_or_else(|| "new".to_owned(), |id| id.to_string());
    let form = DraftForm::new(edited.draft.clone(), edited.version)
        .when_stale("Someone else saved this type meanwhile: reload the page to see their changes; what you typed is still here.");
    let name = TextField::line(
        format!("type-{key}-name"),
        "Name in English",
        Field::Name,
        |d: &AppointmentTypeDraft| d.name.clone(),
        |d, v| d.name = v,
    )
    .max(TYPE_NAME_MAX)
    .hint("Such as \"Follow-up\" or \"New patient evaluation\"; the booking pages add the length.");
    let minutes = TextField::line(
        format!("type-{key}-minutes"),
        "Length (minutes)",
        Field::Duration,
        |d: &AppointmentTypeDraft| d.minutes.clone(),
        |d, v| d.minutes = v,
    )
    .max(3)
    .hint(format!(
        "A multiple of 5, from {MINUTES_MIN} to {MINUTES_MAX}."
    ));
    let before = TextField::line(
        format!("type-{key}-before"),
        "Kept free before (minutes)",
        Field::Buffers,
        |d: &AppointmentTypeDraft| d.before.clone(),
        |d, v| d.before = v,
    )
    .max(3)
    .hint(format!(
        "0 to {BUFFER_MAX}: time to prepare, which no other appointment takes."
    ));
    let after = TextField::line(
        format!("type-{key}-after"),
        "Kept free after (minutes)",
        Field::Buffers,
        |d: &AppointmentTypeDraft| d.after.clone(),
        |d, v| d.after = v,
    )
    .max(3)
    .hint(format!(
        "0 to {BUFFER_MAX}: time to write notes or clean the room."
    ));
    let service_id = format!("type-{key}-service");
    let service_error = form.error(Field::Specialties);
    let names_error = form.error(Field::OtherNames);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let message = if id.is_some() {
            "Saved: new bookings use it now.".to_owned()
        } else {
            "Added: it is listed under its service.".to_owned()
        };
        form.submit(
            move |draft, version| async move {
                let saved = save_appointment_type(id, version, draft).await;
                if saved.is_ok() {
                    if let Some(added) = added {
                        added.update(|n| *n += 1);
                    }
                }
                saved
            },
            message,
        );
    };
    // Several services may each have a "Free consultation": the form's
    // name says whose.
    let (heading, form_name, label) = if id.is_some() {
        let name = edited.draft.name.clone();
        (
            name.clone(),
            format!("{name} ({service})"),
            format!("Save {name} ({service})"),
        )
    } else {
        let new = "New appointment type".to_owned();
        (new.clone(), new, "Add this type".to_owned())
    };
    view! {
        <form class="editor" aria-label=form_name on:submit=save>
            {id.is_some().then(|| view! { <h3>{heading.clone()}</h3> })}
            {form.notice_view()}
            <div class="field">
                <label for=service_id.clone()>"Service"</label>
                <select id=service_id.clone() aria-describedby=format!("{service_id}-error")
                    on:change=move |ev| form.draft.update(|d| d.service = event_target_value(&ev))>
                    {services.iter().map(|(slug, name)| {
                        let (slug, chosen) = (slug.clone(), slug.clone());
                        view! {
                            <option value=slug prop:selected=move || form.draft.with(|d| d.service == chosen)>{name.clone()}</option>
                        }
                    }).collect_view()}
                </select>
                <p class="field-error" id=format!("{service_id}-error")>{service_error}</p>
            </div>
            {text_field(form, name)}
            {Locale::En.others().map(|locale| {
                let input_id = format!("type-{key}-name-{}", locale.code());
                view! {
                    <div class="field">
                        <label for=input_id.clone()>{format!("Name in {}", locale.english_name())}</label>
                        <input id=input_id.clone() type="text" autocomplete="off" lang=locale.code() maxlength=TYPE_NAME_MAX
                            aria-describedby=format!("type-{key}-other_names-error")
                            prop:value=move || form.draft.with(|d| d.name_in(locale))
                            on:input=move |ev| form.draft.update(|d| d.set_name_in(locale, event_target_value(&ev)))/>
                    </div>
                }
            }).collect_view()}
            <p class="field-error" id=format!("type-{key}-other_names-error")>{names_error}</p>
            {text_field(form, minutes)}
            {text_field(form, before)}
            {text_field(form, after)}
            {choice(form, &key, "patients", "Who may book it", &[("both", "New and returning patients"), ("new", "New patients only"), ("returning", "Returning patients only")], |d| d.patients.clone(), |d, v| d.patients = v)}
            {choice(form, &key, "mode", "How it is booked", &[("instant", "At once: the time is the patient's when they confirm"), ("request", "On request: the front desk confirms or declines it, and the patient is e-mailed either way")], |d| d.mode.clone(), |d, v| d.mode = v)}
            <div class="field">
                <label>
                    <input type="checkbox"
                        prop:checked=move || form.draft.with(|d| d.active)
                        on:change=move |ev| form.draft.update(|d| d.active = event_target_checked(&ev))/>
                    " Patients can book it online"
                </label>
            </div>
            <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>{label}</button>
        </form>
    }
}

/// A set of radio buttons for one of the draft's fields.
fn choice(
    form: DraftForm<AppointmentTypeDraft>,
    key: &str,
    name: &'static str,
    legend: &'static str,
    options: &[(&'static str, &'static str)],
    get: fn(&AppointmentTypeDraft) -> String,
    set: fn(&mut AppointmentTypeDraft, String),
) -> impl IntoView {
    let group = format!("type-{key}-{name}");
    view! {
        <fieldset class="field">
            <legend>{legend}</legend>
            {options.iter().map(|(value, label)| {
                let value = *value;
                view! {
                    <label class="choice">
                        <input type="radio" name=group.clone() value=value
                            prop:checked=move || form.draft.with(|d| get(d) == value)
                            on:change=move |_| form.draft.update(|d| set(d, value.to_owned()))/>
                        " " {*label}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
