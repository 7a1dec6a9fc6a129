use crate::api::admin::requests::{get_request, AddRequestNote, SetRequestStatus};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::request::{Note, RequestDetail, RequestStatus, NOTE_MAX};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One request: every field, its status, and the front desk's notes.
#[component]
pub fn AdminRequest() -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.read().get("reference").unwrap_or_default();
    let set_status = ServerAction::<SetRequestStatus>::new();
    let add_note = ServerAction::<AddRequestNote>::new();
    let detail = Resource::new(
        move || {
            (
                reference(),
                set_status.version().get(),
                add_note.version().get(),
            )
        },
        |(reference, _, _)| get_request(reference),
    );
    view! {
        <PageMeta title=Some("Consultation request".to_owned()) description="A consultation request."/>
        <p><a href=routes::ADMIN_REQUESTS>"← All requests"</a></p>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(detail.await, move |d| detail_view(d, set_status, add_note))
            })}
        </Transition>
    }
}

fn detail_view(
    d: RequestDetail,
    set_status: ServerAction<SetRequestStatus>,
    add_note: ServerAction<AddRequestNote>,
) -> impl IntoView {
    let reference = d.reference.to_string();
    let days = if d.days.is_empty() {
        "Any day".to_owned()
    } else {
        d.days
            .iter()
            .map(|day| day.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <h1>{d.name.clone()}</h1>
        <p class="lead">"Request " <strong>{reference.clone()}</strong> ", received " {d.received.clone()}</p>
        {d.spam_reason.clone().map(|why| view! { <p class="form-notice">"Marked as suspected spam: " {why} "."</p> })}
        {d.failed_notifications.iter().map(|f| view! { <p class="form-notice">{f.clone()}</p> }).collect_view()}
        <dl class="contact-details">
            <dt>"Phone"</dt><dd><a href=d.phone.tel_href()>{d.phone.to_string()}</a></dd>
            <dt>"E-mail"</dt><dd>{match d.email.clone() {
                Some(email) => view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }.into_any(),
                None => "Not given".into_any(),
            }}</dd>
            <dt>"Contact by"</dt><dd>{d.contact_method.label()}</dd>
            <dt>"Language"</dt><dd>{d.locale.english_name()}</dd>
            <dt>"Service"</dt><dd>{d.service.clone().unwrap_or_else(|| "Not sure yet".into())}</dd>
            <dt>"Patient"</dt><dd>{d.patient.label()}</dd>
            <dt>"Days"</dt><dd>{days}</dd>
            <dt>"Time of day"</dt><dd>{d.time_of_day.label()}</dd>
            <dt>"Message"</dt><dd class="message">{if d.message.is_empty() { "None".to_owned() } else { d.message.clone() }}</dd>
        </dl>

        <p><a class="button button-secondary" href=format!("{}?request={reference}", routes::ADMIN_SCHEDULE)>"Book an appointment for this request"</a></p>

        {status_section(reference.clone(), d.status, d.deleted_on, set_status)}

        {notes_section(reference, d.notes, add_note)}
    }
}

/// The request's status, the form that changes it, and when it will be deleted.
fn status_section(
    reference: String,
    status: RequestStatus,
    deleted_on: Option<String>,
    set_status: ServerAction<SetRequestStatus>,
) -> impl IntoView {
    let status_error = move || {
        set_status
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <h2>"Status"</h2>
        <ActionForm action=set_status attr:class="inline-form">
            <input type="hidden" name="reference" value=reference/>
            <div class="field">
                <label for="request-status">"Status"</label>
                <select id="request-status" name="status">
                    {RequestStatus::ALL.iter().map(|s| view! {
                        <option value=s.value() selected=*s == status>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <button class="button" type="submit">"Save status"</button>
            <p class="field-error" role="alert">{status_error}</p>
        </ActionForm>
        {deleted_on.map(|day| view! {
            <p class="field-hint">"Closed and spam requests are deleted after a set time: this one will be deleted on " {day} "."</p>
        })}
    }
}

/// The front desk's notes, oldest first, and the form that adds one.
fn notes_section(
    reference: String,
    notes: Vec<Note>,
    add_note: ServerAction<AddRequestNote>,
) -> impl IntoView {
    let note_error = move || {
        add_note
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <h2>"Notes"</h2>
        {if notes.is_empty() {
            view! { <p>"No notes yet."</p> }.into_any()
        } else {
            view! {
                <ol class="notes">
                    {notes.into_iter().map(|n| view! {
                        <li><p class="byline">{n.author} ", " {n.at}</p><p class="message">{n.body}</p></li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        <ActionForm action=add_note>
            <input type="hidden" name="reference" value=reference/>
            <div class="field">
                <label for="request-note">"Add a note"</label>
                <textarea id="request-note" name="body" rows="3" maxlength=NOTE_MAX></textarea>
            </div>
            <button class="button" type="submit">"Add note"</button>
            <p class="field-error" role="alert">{note_error}</p>
        </ActionForm>
    }
}
