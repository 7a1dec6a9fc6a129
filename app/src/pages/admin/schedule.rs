use crate::api::admin::requests::get_request;
use crate::api::admin::schedule::{schedule, BookForCaller, MoveForCaller, SetAppointmentStatus};
use crate::api::ApiError;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::booking::PractitionerChoice;
use crate::domain::request::RequestDetail;
use crate::domain::schedule::{AppointmentStatus, SchedulePage, ScheduleQuery, StaffAppointment};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The front desk's schedule: a day or a week, for everyone or one
/// practitioner, as tables; the requests for a time waiting to be
/// confirmed; and booking for a caller.
#[component]
pub fn AdminSchedule() -> impl IntoView {
    let params = use_query_map();
    let query = move || {
        params.with(|q| ScheduleQuery {
            view: q.get("view"),
            date: q.get("date"),
            practitioner: q.get("practitioner").and_then(|p| p.parse().ok()),
        })
    };
    let set_status = ServerAction::<SetAppointmentStatus>::new();
    let book = ServerAction::<BookForCaller>::new();
    let moving = ServerAction::<MoveForCaller>::new();
    // Read again after a status change or a booking made; a refused
    // booking leaves the page (and what the desk typed) as it is.
    let booked = Memo::new(move |_| {
        book.value()
            .get()
            .and_then(Result::ok)
            .map(|done| done.reference.to_string())
    });
    let moved = Memo::new(move |_| {
        moving
            .value()
            .get()
            .is_some_and(|r| r.is_ok())
            .then(|| moving.version().get())
    });
    let page = Resource::new(
        move || {
            (
                query(),
                set_status.version().get(),
                booked.get(),
                moved.get(),
            )
        },
        |(q, ..)| schedule(q.view, q.date, q.practitioner),
    );
    // `?request=CR-…`: booking a consultation request's caller, their
    // details filled in from it (a read that is audited, as on its page).
    let request = Resource::new(
        move || params.with(|q| q.get("request")),
        |reference| async move {
            match reference {
                Some(reference) => get_request(reference).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <PageMeta title=Some("Schedule".to_owned()) description="The clinic's appointments."/>
        <h1>"Schedule"</h1>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let request = request.await;
                show_loaded(page.await, move |p| {
                    schedule_view(p, Actions { set_status, book, moving }, request)
                })
            })}
        </Transition>
    }
}

/// What the desk does on the schedule's page.
#[derive(Clone, Copy)]
struct Actions {
    set_status: ServerAction<SetAppointmentStatus>,
    book: ServerAction<BookForCaller>,
    moving: ServerAction<MoveForCaller>,
}

fn schedule_view(
    p: SchedulePage,
    actions: Actions,
    request: Option<RequestDetail>,
) -> impl IntoView {
    let Actions {
        set_status,
        book,
        moving,
    } = actions;
    let here = ScheduleQuery {
        view: Some(p.view.clone()),
        date: Some(p.date.clone()),
        practitioner: p.practitioner,
    };
    let link = |change: &dyn Fn(&mut ScheduleQuery)| {
        let mut q = here.clone();
        change(&mut q);
        q.href()
    };
    let week = p.view == "week";
    let status_error = move || {
        set_status
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    let practitioners = p.practitioners.clone();
    view! {
        <nav aria-label="Schedule period" class="schedule-nav">
            <ul class="pill-list">
                <li><a href=link(&|q| q.view = Some("day".into())) aria-current=(!week).then_some("page")>"Day"</a></li>
                <li><a href=link(&|q| q.view = Some("week".into())) aria-current=week.then_some("page")>"Week"</a></li>
            </ul>
            <ul class="pill-list">
                <li><a href=link(&|q| q.date = Some(p.previous.clone()))>{if week { "Previous week" } else { "Previous day" }}</a></li>
                <li><a href=link(&|q| q.date = Some(p.today.clone()))>"Today"</a></li>
                <li><a href=link(&|q| q.date = Some(p.next.clone()))>{if week { "Next week" } else { "Next day" }}</a></li>
            </ul>
        </nav>
        <nav aria-label="Practitioner" class="schedule-nav">
            <ul class="pill-list">
                <li><a href=link(&|q| q.practitioner = None) aria-current=p.practitioner.is_none().then_some("page")>"Everyone"</a></li>
                {p.practitioners.iter().map(|pr| {
                    let id = pr.id;
                    view! {
                        <li><a href=link(&|q| q.practitioner = Some(id)) aria-current=(p.practitioner == Some(id)).then_some("page")>{pr.name.clone()}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        <p class="field-error" role="alert">{status_error}</p>
        {move || moved_answer(moving)}
        {(!p.waiting.is_empty()).then(|| view! {
            <section aria-labelledby="schedule-waiting">
                <h2 id="schedule-waiting">"Waiting for confirmation"</h2>
                <p class="field-hint">"Patients asked for these times online. Confirm one to book it (it is checked again), or decline it; the patient is e-mailed either way."</p>
                {appointments_table("Requests for a time, oldest first", &p.waiting, true, actions, &practitioners)}
            </section>
        })}
        {p.days.iter().map(|day| {
            let heading = format!("{} ({} appointments)", day.label, day.appointments.len());
            view! {
                <section class="schedule-day" aria-label=day.label.clone()>
                    <h2>{heading}</h2>
                    {if day.appointments.is_empty() {
                        view! { <p>"No appointments."</p> }.into_any()
                    } else {
                        appointments_table(&format!("Appointments on {}, by time", day.label), &day.appointments, false, actions, &practitioners).into_any()
                    }}
                </section>
            }
        }).collect_view()}
        {book_form(&p, book, request)}
    }
}

/// What the last move came to.
fn moved_answer(moving: ServerAction<MoveForCaller>) -> Option<AnyView> {
    match moving.value().get()? {
        Ok(overridden) => Some(
            view! {
                <p class="notice" role="status">
                    "Moved: the schedule below shows the new time, and the patient is e-mailed it if they gave an address."
                    {overridden.map(|o| format!(" {o}"))}
                </p>
            }
            .into_any(),
        ),
        Err(e) => Some(view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any()),
    }
}

fn appointments_table(
    caption: &str,
    rows: &[StaffAppointment],
    with_day: bool,
    actions: Actions,
    practitioners: &[PractitionerChoice],
) -> impl IntoView {
    let set_status = actions.set_status;
    view! {
        <div class="table-wrap">
            <table class="admin-table schedule-table">
                <caption class="visually-hidden">{caption.to_owned()}</caption>
                <thead><tr>
                    <th scope="col">"Time"</th><th scope="col">"Practitioner"</th><th scope="col">"Appointment"</th>
                    <th scope="col">"Patient"</th><th scope="col">"Status"</th><th scope="col">"Actions"</th>
                </tr></thead>
                <tbody>
                    {rows.iter().map(|a| {
                        let reference = a.reference.to_string();
                        let when = if with_day {
                            format!("{}, {}", a.day, a.time)
                        } else {
                            a.time.clone()
                        };
                        let patient = if a.patient == "new" { "new patient" } else { "returning patient" };
                        view! {
                            <tr>
                                <th scope="row">{when}</th>
                                <td>{a.practitioner.clone()}</td>
                                <td>{a.kind.clone()}<br/><span class="field-hint">{reference.clone()}{if a.online { ", booked online" } else { ", booked by the front desk" }}</span></td>
                                <td>
                                    <strong>{a.name.clone()}</strong>", "{patient}<br/>
                                    <a href=format!("tel:{}", a.phone.chars().filter(char::is_ascii_digit).collect::<String>())>{a.phone.clone()}</a>
                                    {(!a.email.is_empty()).then(|| view! { <br/>{a.email.clone()} })}
                                    {(a.language != "English").then(|| view! { <br/>{format!("Booked in {}", a.language)} })}
                                    {(!a.message.is_empty()).then(|| view! { <p class="message">{a.message.clone()}</p> })}
                                </td>
                                <td>{a.status.label()}</td>
                                <td class="schedule-actions">
                                    // A request is answered in one place: the list above.
                                    {(!with_day && a.status == AppointmentStatus::Requested)
                                        .then(|| view! { <span class="field-hint">"Confirm or decline it under Waiting for confirmation."</span> })}
                                    {a.status.next().iter().filter(|_| with_day || a.status != AppointmentStatus::Requested).map(|(to, words)| {
                                        let label = format!("{words}: {}, {}, {}", a.name, a.day, a.time);
                                        let reference = reference.clone();
                                        view! {
                                            <ActionForm action=set_status attr:class="inline-form">
                                                <input type="hidden" name="reference" value=reference/>
                                                <input type="hidden" name="status" value=to.value()/>
                                                <button class="button button-small" type="submit" aria-label=label>{*words}</button>
                                            </ActionForm>
                                        }
                                    }).collect_view()}
                                    {(matches!(a.status, AppointmentStatus::Booked | AppointmentStatus::Requested)
                                        && (with_day || a.status != AppointmentStatus::Requested))
                                        .then(|| move_form(a, practitioners, actions.moving))}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Moving an appointment for a caller: another day, time or practitioner.
fn move_form(
    a: &StaffAppointment,
    practitioners: &[PractitionerChoice],
    moving: ServerAction<MoveForCaller>,
) -> impl IntoView {
    let id = format!("move-{}", a.reference);
    let current = a.practitioner_id;
    let (reference, date, clock) = (a.reference.to_string(), a.date.clone(), a.clock.clone());
    let options: Vec<(i64, String)> = practitioners
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    view! {
        <details class="move-form">
            <summary>"Move"<span class="visually-hidden">{format!(": {}, {}, {}", a.name, a.day, a.time)}</span></summary>
            <ActionForm action=moving attr:class="editor">
                <input type="hidden" name="moving[reference]" value=reference/>
                <div class="field">
                    <label for=format!("{id}-practitioner")>"Practitioner"</label>
                    <select id=format!("{id}-practitioner") name="moving[practitioner]">
                        {options.into_iter().map(|(pid, name)| view! {
                            <option value=pid.to_string() selected=pid == current>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{id}-date")>"New day"</label>
                    <input id=format!("{id}-date") type="date" name="moving[date]" value=date required/>
                </div>
                <div class="field">
                    <label for=format!("{id}-time")>"New time"</label>
                    <input id=format!("{id}-time") type="time" name="moving[time]" step="300" value=clock required/>
                </div>
                <div class="field">
                    <label><input type="checkbox" name="moving[outside_rules]" value="true"/>" Move outside the usual rules (the practitioner's hours, the notice)"</label>
                </div>
                <button class="button button-small" type="submit">"Move to this time"</button>
            </ActionForm>
        </details>
    }
}

/// Booking a caller. One step: the form's fields and markup, top to bottom.
fn book_form(
    p: &SchedulePage,
    book: ServerAction<BookForCaller>,
    request: Option<RequestDetail>,
) -> impl IntoView {
    let from_request = request
        .as_ref()
        .map(|r| r.reference.to_string())
        .unwrap_or_default();
    let (name, phone, email, new_patient) = request.as_ref().map_or_else(
        || (String::new(), String::new(), String::new(), true),
        |r| {
            (
                r.name.clone(),
                r.phone.to_string(),
                r.email.clone().unwrap_or_default(),
                r.patient == crate::domain::request::PatientStatus::New,
            )
        },
    );
    let asked_for = request.as_ref().map(|r| {
        format!(
            "Booking for consultation request {} ({}): it is marked scheduled once booked.",
            r.reference,
            r.service
                .clone()
                .unwrap_or_else(|| "no service chosen".into())
        )
    });
    let answer = move || {
        match book.value().get() {
        Some(Ok(done)) => Some(view! {
            <p class="notice" role="status">
                {format!("Booked: {}.", done.reference)}
                {done.overridden.map(|o| format!(" {o}"))}
            </p>
        }.into_any()),
        Some(Err(ApiError::Invalid(errors))) => Some(view! {
            <div class="field-error" role="alert">
                <p>"Check these details:"</p>
                <ul>{errors.iter().map(|(_, message)| view! { <li>{message.to_owned()}</li> }).collect_view()}</ul>
            </div>
        }.into_any()),
        Some(Err(e)) => Some(view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any()),
        None => None,
    }
    };
    let date = p.date.clone();
    let (services, practitioners) = (p.services.clone(), p.practitioners.clone());
    view! {
        <section aria-labelledby="schedule-book">
            <h2 id="schedule-book">"Book for a caller"</h2>
            <p class="field-hint">{format!("Times are in the clinic's zone ({}). The usual rules apply unless you tick the box; no one is ever booked over another appointment.", p.zone)}</p>
            {asked_for.map(|said| view! { <p class="notice">{said}</p> })}
            <ActionForm action=book attr:class="desk-booking">
                <input type="hidden" name="booking[request]" value=from_request/>
                <div class="field">
                    <label for="desk-type">"Appointment"</label>
                    <select id="desk-type" name="booking[type_id]" required>
                        {services.into_iter().map(|s| view! {
                            <optgroup label=s.name>
                                {s.types.into_iter().map(|t| view! {
                                    <option value=t.id.to_string()>{format!("{} ({} minutes)", t.name, t.minutes)}</option>
                                }).collect_view()}
                            </optgroup>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="desk-practitioner">"Practitioner"</label>
                    <select id="desk-practitioner" name="booking[practitioner]" required>
                        {practitioners.into_iter().map(|pr| view! {
                            <option value=pr.id.to_string()>{pr.name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="desk-date">"Day"</label>
                    <input id="desk-date" type="date" name="booking[date]" value=date required/>
                </div>
                <div class="field">
                    <label for="desk-time">"Time"</label>
                    <input id="desk-time" type="time" name="booking[time]" step="300" required/>
                </div>
                <div class="field">
                    <label for="desk-name">"Caller's full name"</label>
                    <input id="desk-name" name="booking[details][name]" autocomplete="off" required value=name/>
                </div>
                <div class="field">
                    <label for="desk-phone">"Phone"</label>
                    <input id="desk-phone" type="tel" name="booking[details][phone]" autocomplete="off" required value=phone/>
                </div>
                <div class="field">
                    <label for="desk-email">"E-mail (optional: the confirmation and their link go there)"</label>
                    <input id="desk-email" type="email" name="booking[details][email]" autocomplete="off" value=email/>
                </div>
                <fieldset class="field">
                    <legend>"Patient"</legend>
                    <label><input type="radio" name="booking[details][patient]" value="new" checked=new_patient/>" New"</label>
                    <label><input type="radio" name="booking[details][patient]" value="returning" checked=!new_patient/>" Returning"</label>
                </fieldset>
                <div class="field">
                    <label for="desk-message">"Note (optional)"</label>
                    <textarea id="desk-message" name="booking[details][message]" rows="2"></textarea>
                </div>
                <div class="field">
                    <label><input type="checkbox" name="booking[outside_rules]" value="true"/>" Book outside the usual rules (the practitioner's hours, the notice)"</label>
                </div>
                <button class="button" type="submit">"Book"</button>
                {answer}
            </ActionForm>
        </section>
    }
}
