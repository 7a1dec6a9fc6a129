//! The practitioners patients book with: each one's name and bio as the
//! booking pages show them, the services they offer, whether they can be
//! booked, and their usual week, one day a line. Administrators only.

use super::draft_form::{text_field, DraftForm, TextField};
use crate::api::admin::schedule::{
    practitioner_setup, save_practitioner, AddTimeOff, ChangeDayHours, RemoveTimeOff,
    RestoreUsualDay, SaveBookingRules,
};
use crate::components::browser::{chosen_file, upload};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::media::MIN_WIDTH;
use crate::domain::practitioner_draft::{
    BookingRules, ChangedDay, EditedPractitioner, PractitionerDraft, PractitionerSetup, TimeOff,
    BIO_MAX, NAME_MAX, PHOTO_ALT_MAX,
};
use crate::domain::{Field, Locale};
use crate::routes;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AdminPractitioners() -> impl IntoView {
    // A new practitioner, once saved, is read back with the others.
    let added = RwSignal::new(0_u32);
    let add_off = ServerAction::<AddTimeOff>::new();
    let remove_off = ServerAction::<RemoveTimeOff>::new();
    let rules = ServerAction::<SaveBookingRules>::new();
    let change_day = ServerAction::<ChangeDayHours>::new();
    let restore_day = ServerAction::<RestoreUsualDay>::new();
    let setup = Resource::new(
        move || {
            (
                added.get(),
                add_off.version().get(),
                remove_off.version().get(),
                change_day.version().get(),
                restore_day.version().get(),
            )
        },
        |_| practitioner_setup(),
    );
    view! {
        <PageMeta title=Some("Practitioners".to_owned()) description="Who patients can book, and when."/>
        <h1>"Practitioners"</h1>
        <p>"Patients book the practitioners marked bookable, for the services ticked, in the hours written here (in the clinic's time zone). Time off and closures are changes to these weeks; appointments already booked stay as they are."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(setup.await, move |setup| {
                    let (time_off, booking_rules) = (setup.time_off.clone(), setup.rules);
                    let changed_days = setup.changed_days.clone();
                    let names: Vec<(i64, String)> = setup
                        .practitioners
                        .iter()
                        .filter_map(|p| p.id.map(|id| (id, p.draft.name.clone())))
                        .collect();
                    view! {
                        {setup_view(setup, added)}
                        {time_off_view(time_off, names.clone(), add_off, remove_off)}
                        {changed_days_view(changed_days, names, change_day, restore_day)}
                        {rules_view(booking_rules, rules)}
                    }
                })
            })}
        </Suspense>
    }
}

fn setup_view(setup: PractitionerSetup, added: RwSignal<u32>) -> impl IntoView {
    let PractitionerSetup {
        practitioners,
        services,
        ..
    } = setup;
    let new = EditedPractitioner {
        id: None,
        version: 0,
        draft: PractitionerDraft {
            active: true,
            languages: vec![Locale::En],
            hours: "Monday 9:00-12:00, 13:00-17:00".into(),
            ..PractitionerDraft::default()
        },
    };
    view! {
        {practitioners.into_iter().map(|p| editor(p, &services, None)).collect_view()}
        <h2>"Add a practitioner"</h2>
        {editor(new, &services, Some(added))}
    }
}

/// One practitioner's form; `added` is told when a new one is saved.
/// One step: one form's fields and markup, read top to bottom.
fn editor(
    edited: EditedPractitioner,
    services: &[(String, String)],
    added: Option<RwSignal<u32>>,
) -> impl IntoView {
    let id = edited.id;
    let key = id.map_or_else(|| "new".to_owned(), |id| id.to_string());
    let form = DraftForm::new(edited.draft.clone(), edited.version)
        .when_stale("Someone else saved this practitioner meanwhile: reload the page to see their changes; what you typed is still here.");
    let heading = if id.is_some() {
        edited.draft.name.clone()
    } else {
        String::new()
    };
    let name = TextField::line(
        format!("practitioner-{key}-name"),
        "Name, as patients see it",
        Field::Name,
        |d: &PractitionerDraft| d.name.clone(),
        |d, v| d.name = v,
    )
    .max(NAME_MAX);
    let bio = TextField::line(
        format!("practitioner-{key}-bio"),
        "Short bio",
        Field::About,
        |d: &PractitionerDraft| d.bio.clone(),
        |d, v| d.bio = v,
    )
    .rows(3)
    .max(BIO_MAX);
    let hours = TextField::line(
        format!("practitioner-{key}-hours"),
        "Usual week",
        Field::Hours,
        |d: &PractitionerDraft| d.hours.clone(),
        |d, v| d.hours = v,
    )
    .rows(7)
    .hint("One day a line, in the clinic's time zone, such as \"Monday 9:00-12:00, 13:00-17:00\" (24-hour clock; the gap is a break). A day not written is a day off.");
    let services_id = format!("practitioner-{key}-services");
    let services_error = form.error(Field::Specialties);
    let languages_id = format!("practitioner-{key}-languages");
    let languages_error = form.error(Field::Languages);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let message = if id.is_some() {
            "Saved: the booking pages offer these hours now.".to_owned()
        } else {
            "Added: they are listed above.".to_owned()
        };
        form.submit(
            move |draft, version| async move {
                let saved = save_practitioner(id, version, draft).await;
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
    let label = if id.is_some() {
        format!("Save {}", edited.draft.name)
    } else {
        "Add this practitioner".to_owned()
    };
    view! {
        <section class="practitioner" aria-label=if id.is_some() { heading.clone() } else { "New practitioner".to_owned() }>
            {id.is_some().then(|| view! { <h2>{heading.clone()}</h2> })}
            <form class="editor" on:submit=save>
                {form.notice_view()}
                {text_field(form, name)}
                {text_field(form, bio)}
                {Locale::En.others().map(|locale| {
                    let id = format!("practitioner-{key}-bio-{}", locale.code());
                    view! {
                        <div class="field">
                            <label for=id.clone()>{format!("Short bio in {} (optional: the English one shows where none is written)", locale.english_name())}</label>
                            <textarea id=id rows="3" lang=locale.code() maxlength=BIO_MAX
                                aria-describedby=format!("practitioner-{key}-other_names-error")
                                prop:value=move || form.draft.with(|d| d.bio_in(locale))
                                on:input=move |ev| form.draft.update(|d| d.set_bio_in(locale, event_target_value(&ev)))></textarea>
                        </div>
                    }
                }).collect_view()}
                <p class="field-error" id=format!("practitioner-{key}-other_names-error")>{form.error(Field::OtherNames)}</p>
                {photo_field(form, &key)}
                <fieldset class="field" aria-describedby=format!("{languages_id}-error")>
                    <legend>"Languages they see patients in"</legend>
                    {Locale::ALL.into_iter().map(|locale| view! {
                        <label class="choice">
                            <input type="checkbox" value=locale.code()
                                prop:checked=move || form.draft.with(|d| d.languages.contains(&locale))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.draft.update(|d| {
                                        d.languages.retain(|l| *l != locale);
                                        if on {
                                            d.languages.push(locale);
                                        }
                                    });
                                }/>
                            " " {locale.english_name()}
                        </label>
                    }).collect_view()}
                    <p class="field-error" id=format!("{languages_id}-error")>{languages_error}</p>
                </fieldset>
                <div class="field">
                    <label>
                        <input type="checkbox"
                            prop:checked=move || form.draft.with(|d| d.active)
                            on:change=move |ev| form.draft.update(|d| d.active = event_target_checked(&ev))/>
                        " Patients can book them online"
                    </label>
                </div>
                <fieldset class="field" aria-describedby=format!("{services_id}-error")>
                    <legend>"Services they offer"</legend>
                    {services.iter().map(|(slug, name)| {
                        let (slug, checked_slug) = (slug.clone(), slug.clone());
                        view! {
                            <label class="choice">
                                <input type="checkbox" value=slug.clone()
                                    prop:checked=move || form.draft.with(|d| d.services.contains(&checked_slug))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let slug = slug.clone();
                                        form.draft.update(|d| {
                                            d.services.retain(|s| *s != slug);
                                            if on {
                                                d.services.push(slug);
                                            }
                                        });
                                    }/>
                                " " {name.clone()}
                            </label>
                        }
                    }).collect_view()}
                    <p class="field-error" id=format!("{services_id}-error")>{services_error}</p>
                </fieldset>
                {text_field(form, hours)}
                <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>{label}</button>
            </form>
        </section>
    }
}

/// The practitioner's photo: uploaded at once, kept when the practitioner
/// is saved, with what it shows for people who can't see it.
fn photo_field(form: DraftForm<PractitionerDraft>, key: &str) -> impl IntoView {
    let (file_id, alt_id) = (
        format!("practitioner-{key}-photo"),
        format!("practitioner-{key}-photo_alt"),
    );
    let upload_error = RwSignal::new(None::<String>);
    let uploading = RwSignal::new(false);
    let has_photo = move || form.draft.with(|d| d.photo.is_some());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        uploading.set(true);
        upload_error.set(None);
        spawn_local(async move {
            match upload(file, routes::ADMIN_MEDIA_UPLOAD).await {
                Ok(stored) => form.draft.update(|d| d.photo = Some(stored.key)),
                Err(message) => upload_error.set(Some(message)),
            }
            uploading.set(false);
        });
    };
    let photo_error = form.error(Field::Photo);
    let photo_error = move || upload_error.get().or_else(photo_error);
    let alt_error = form.error(Field::PhotoAlt);
    view! {
        <fieldset class="field hero-field">
            <legend>"Photo " <span class="optional">"(optional)"</span></legend>
            {move || form.draft.with(|d| d.photo.clone()).map(|photo| view! {
                <p class="hero-thumb">
                    <img src=photo.thumbnail_url() alt="" width="120" height="120" class="booking-choice-photo"/>
                    <button class="button button-secondary" type="button" on:click=move |_| form.draft.update(|d| {
                        d.photo = None;
                        d.photo_alt.clear();
                    })>"Remove the photo"</button>
                </p>
            })}
            <label for=file_id.clone()>{move || if has_photo() { "Replace the photo" } else { "Choose a photo" }}</label>
            <p class="field-hint" id=format!("{file_id}-hint")>
                {format!("JPEG, PNG or WebP, at least {MIN_WIDTH} pixels wide. Location data in photos is removed.")}
            </p>
            <input id=file_id.clone() type="file" accept="image/jpeg,image/png,image/webp"
                aria-describedby=format!("{file_id}-hint {file_id}-error")
                aria-invalid=move || photo_error().is_some().to_string()
                on:change=on_change/>
            <p class="field-error" id=format!("{file_id}-error") role="alert">{photo_error}</p>
            <p aria-live="polite" class="field-hint">{move || uploading.get().then_some("Uploading and resizing…")}</p>
            <div class="field" hidden=move || !has_photo()>
                <label for=alt_id.clone()>"What the photo shows (for people who can't see it)"</label>
                <input id=alt_id.clone() type="text" maxlength=PHOTO_ALT_MAX autocomplete="off"
                    aria-describedby=format!("{alt_id}-error")
                    aria-invalid=move || alt_error().is_some().to_string()
                    prop:value=move || form.draft.with(|d| d.photo_alt.clone())
                    on:input=move |ev| form.draft.update(|d| d.photo_alt = event_target_value(&ev))/>
                <p class="field-error" id=format!("{alt_id}-error")>{alt_error}</p>
            </div>
        </fieldset>
    }
}

/// Days off and closures from today on, and the form that adds one.
fn time_off_view(
    time_off: Vec<TimeOff>,
    names: Vec<(i64, String)>,
    add: ServerAction<AddTimeOff>,
    remove: ServerAction<RemoveTimeOff>,
) -> impl IntoView {
    let error = move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
            .map(|e| e.to_string())
    };
    view! {
        <section aria-labelledby="time-off">
            <h2 id="time-off">"Time off and closures"</h2>
            <p class="field-hint">"Nobody can book these days online. Appointments already booked on them stay: the front desk moves them."</p>
            {if time_off.is_empty() {
                view! { <p>"None from today on."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="admin-table">
                            <caption class="visually-hidden">"Time off and closures, soonest first"</caption>
                            <thead><tr><th scope="col">"Who"</th><th scope="col">"From"</th><th scope="col">"To"</th><th scope="col">"Note"</th><th scope="col">"Remove"</th></tr></thead>
                            <tbody>
                                {time_off.into_iter().map(|t| {
                                    let who = t.who.clone().unwrap_or_else(|| "The whole clinic (closed)".into());
                                    let label = format!("Remove: {who}, {} to {}", t.first_day, t.last_day);
                                    view! {
                                        <tr>
                                            <th scope="row">{who}</th><td>{t.first_day}</td><td>{t.last_day}</td><td>{t.note}</td>
                                            <td>
                                                <ActionForm action=remove attr:class="inline-form">
                                                    <input type="hidden" name="id" value=t.id.to_string()/>
                                                    <button class="button button-small button-secondary" type="submit" aria-label=label>"Remove"</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>"Add time off or a closure"</h3>
            <ActionForm action=add attr:class="editor">
                <div class="field">
                    <label for="off-who">"Who"</label>
                    <select id="off-who" name="practitioner">
                        <option value="">"The whole clinic (closed)"</option>
                        {names.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="off-first">"First day"</label>
                    <input id="off-first" type="date" name="first_day" required/>
                </div>
                <div class="field">
                    <label for="off-last">"Last day"</label>
                    <input id="off-last" type="date" name="last_day" required/>
                </div>
                <div class="field">
                    <label for="off-note">"Note (staff only, optional)"</label>
                    <input id="off-note" name="note" maxlength="200"/>
                </div>
                <button class="button" type="submit">"Add"</button>
                <p class="field-error" role="alert">{error}</p>
            </ActionForm>
        </section>
    }
}

/// Days with other hours than usual, and the form that changes one.
fn changed_days_view(
    days: Vec<ChangedDay>,
    names: Vec<(i64, String)>,
    change: ServerAction<ChangeDayHours>,
    restore: ServerAction<RestoreUsualDay>,
) -> impl IntoView {
    let error = move || {
        change
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| restore.value().get().and_then(Result::err))
            .map(|e| e.to_string())
    };
    view! {
        <section aria-labelledby="changed-days">
            <h2 id="changed-days">"Days with other hours"</h2>
            <p class="field-hint">"On these days patients can book only the hours written here, instead of the usual week. Appointments already booked stay: the front desk moves them."</p>
            {if days.is_empty() {
                view! { <p>"None from today on."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="admin-table">
                            <caption class="visually-hidden">"Days with other hours, soonest first"</caption>
                            <thead><tr><th scope="col">"Who"</th><th scope="col">"Day"</th><th scope="col">"Hours"</th><th scope="col">"Note"</th><th scope="col">"Usual hours"</th></tr></thead>
                            <tbody>
                                {days.into_iter().map(|d| {
                                    let label = format!("Restore: {}, usual hours on {}", d.who, d.day);
                                    view! {
                                        <tr>
                                            <th scope="row">{d.who}</th><td>{d.day.clone()}</td><td>{d.hours}</td><td>{d.note}</td>
                                            <td>
                                                <ActionForm action=restore attr:class="inline-form">
                                                    <input type="hidden" name="practitioner" value=d.practitioner.to_string()/>
                                                    <input type="hidden" name="day" value=d.day/>
                                                    <button class="button button-small button-secondary" type="submit" aria-label=label>"Restore"</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>"Change one day's hours"</h3>
            <ActionForm action=change attr:class="editor">
                <div class="field">
                    <label for="day-who">"Whose hours change"</label>
                    <select id="day-who" name="practitioner" required>
                        {names.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="day-date">"Day"</label>
                    <input id="day-date" type="date" name="day" required/>
                </div>
                <div class="field">
                    <label for="day-hours">"Hours that day"</label>
                    <p class="field-hint" id="day-hours-hint">"In the clinic's time zone, such as \"9:00-12:00, 13:00-15:00\" (24-hour clock). For a whole day off, add time off above."</p>
                    <input id="day-hours" name="hours" required aria-describedby="day-hours-hint"/>
                </div>
                <div class="field">
                    <label for="day-note">"Note (staff only, optional)"</label>
                    <input id="day-note" name="note" maxlength="200"/>
                </div>
                <button class="button" type="submit">"Change the day"</button>
                <p class="field-error" role="alert">{error}</p>
            </ActionForm>
        </section>
    }
}

/// The clinic's booking rules.
fn rules_view(rules: BookingRules, save: ServerAction<SaveBookingRules>) -> impl IntoView {
    let answer = move || {
        match save.value().get() {
        Some(Ok(())) => Some(view! { <p class="form-notice" role="status">"Saved: the booking pages follow these rules now."</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any()),
        None => None,
    }
    };
    let number = |id: &'static str, name: &'static str, label: &'static str, value: i64| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" inputmode="numeric" min="0" name=name value=value.to_string() required/>
            </div>
        }
    };
    view! {
        <section aria-labelledby="booking-rules">
            <h2 id="booking-rules">"Booking rules"</h2>
            <ActionForm action=save attr:class="editor">
                {number("rules-notice", "rules[notice_minutes]", "Minimum notice (minutes)", rules.notice_minutes)}
                {number("rules-horizon", "rules[horizon_days]", "Bookable this many days ahead", rules.horizon_days)}
                {number("rules-cutoff", "rules[cutoff_hours]", "Patients may move or cancel until this many hours before", rules.cutoff_hours)}
                {number("rules-reminder", "rules[reminder_hours]", "Reminder this many hours before (0: none)", rules.reminder_hours)}
                <button class="button" type="submit">"Save the rules"</button>
                {answer}
            </ActionForm>
        </section>
    }
}
