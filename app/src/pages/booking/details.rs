use crate::api::booking::BookingReplay;
use crate::components::form::{described_by, ErrorSummary, FieldError, FieldHint};
use crate::components::Words;
use crate::domain::booking::{BookingStep, FreeTimeView};
use crate::domain::request::{
    Field, FieldErrors, FormWords, PatientStatus, EMAIL_MAX, MESSAGE_MAX, NAME_MAX,
};
use crate::domain::Msg;
use leptos::html::Div;
use leptos::prelude::*;

/// The last step: the patient's details, posted as a plain form to the
/// booking page (`server/src/booking_post.rs`), with the time chosen in
/// hidden fields. A refused booking comes back here with every typed
/// value and the errors beside their fields (`replay`).
/// One step: one form's markup, each field with its label, hint and error,
/// in the order a patient reads them.
#[component]
pub fn DetailsForm(
    step: BookingStep,
    /// The time chosen; `None` when it was taken meanwhile, and the form
    /// offers the nearest free ones (`replay.nearest`) instead.
    time: Option<FreeTimeView>,
    replay: BookingReplay,
    kind: i64,
) -> impl IntoView {
    let w = Words::here();
    let words = step.words.clone().unwrap_or_default();
    provide_context(StoredValue::new(words.clone()));
    let say = |text: &String| text.clone();
    let errors = replay.errors.clone();
    let error = {
        let errors = errors.clone();
        move |field: Field| Signal::stored(errors.get(field).map(str::to_owned))
    };
    let invalid = {
        let errors = errors.clone();
        move |field: Field| errors.get(field).is_some().to_string()
    };
    let summary: Signal<Option<FieldErrors>> =
        Signal::stored((!errors.is_empty()).then(|| errors.clone()));
    let details = replay.details.clone();
    // The first available: whoever is free at that time when it is booked.
    let practitioner = step.with.flatten().map(|id| id.to_string());
    let patients: Vec<(&'static str, String)> = PatientStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, p)| (p.value(), FormWords::nth(&words.patients, i)))
        .collect();
    let patient_id = Field::Patient.id();
    let summary_ref = NodeRef::<Div>::new();
    view! {
        <form class="booking-form" method="post" action=w.pages().book() novalidate>
            <input type="hidden" name="token" value=step.token.clone().unwrap_or_default()/>
            <input type="hidden" name="type_id" value=kind.to_string()/>
            {match time {
                Some(time) => view! { <input type="hidden" name="start" value=time.start.to_string()/> }.into_any(),
                None => nearest_times(w, &replay.nearest).into_any(),
            }}
            {practitioner.map(|id| view! { <input type="hidden" name="practitioner" value=id/> })}
            <div class="hp" aria-hidden="true">
                <label for="cr-website">{say(&words.honeypot)}</label>
                <input id="cr-website" type="text" name="website" tabindex="-1" autocomplete="off" value=""/>
            </div>
            <ErrorSummary errors=summary node_ref=summary_ref/>
            {replay.notice.clone().map(|notice| view! {
                <div class="form-notice" role="alert">{notice}</div>
            })}
            <div class="field">
                <label for=Field::Name.id()>{say(&words.name)}</label>
                <input id=Field::Name.id() name="name" type="text" autocomplete="name" maxlength=NAME_MAX
                    required aria-required="true" aria-invalid=invalid(Field::Name)
                    aria-describedby=described_by(Field::Name, false) value=details.name.clone()/>
                <FieldError field=Field::Name message=error(Field::Name)/>
            </div>
            <div class="field">
                <label for=Field::Phone.id()>{say(&words.phone)}</label>
                <FieldHint field=Field::Phone>{say(&words.phone_hint)}</FieldHint>
                <input id=Field::Phone.id() name="phone" type="tel" inputmode="tel" autocomplete="tel"
                    required aria-required="true" aria-invalid=invalid(Field::Phone)
                    aria-describedby=described_by(Field::Phone, true) value=details.phone.clone()/>
                <FieldError field=Field::Phone message=error(Field::Phone)/>
            </div>
            <div class="field">
                <label for=Field::Email.id()>{say(&words.email)}</label>
                <input id=Field::Email.id() name="email" type="email" autocomplete="email" maxlength=EMAIL_MAX
                    required aria-required="true" aria-invalid=invalid(Field::Email)
                    aria-describedby=described_by(Field::Email, false) value=details.email.clone()/>
                <FieldError field=Field::Email message=error(Field::Email)/>
            </div>
            <fieldset class="field" id=patient_id.clone() aria-describedby=described_by(Field::Patient, false)>
                <legend>{say(&words.patient)}</legend>
                {patients.into_iter().map(|(value, label)| {
                    let id = format!("{patient_id}-{value}");
                    let checked = details.patient == value;
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name="patient" value=value required checked=checked
                                aria-invalid=invalid(Field::Patient)/>
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
                <FieldError field=Field::Patient message=error(Field::Patient)/>
            </fieldset>
            <div class="field">
                <label for=Field::Message.id()>{say(&words.message)}" "<span class="optional">{say(&words.optional)}</span></label>
                <FieldHint field=Field::Message>{say(&words.message_hint)}</FieldHint>
                <textarea id=Field::Message.id() name="message" rows="4" maxlength=MESSAGE_MAX
                    aria-invalid=invalid(Field::Message) aria-describedby=described_by(Field::Message, true)>
                    {details.message.clone()}
                </textarea>
                <FieldError field=Field::Message message=error(Field::Message)/>
            </div>
            <div class="field field-check">
                <input id=Field::Consent.id() name="consent" type="checkbox" value="yes" autocomplete="off"
                    required aria-required="true" aria-invalid=invalid(Field::Consent)
                    aria-describedby=described_by(Field::Consent, false) checked=!details.consent.is_empty()/>
                <label for=Field::Consent.id()>{say(&words.consent)}</label>
                <FieldError field=Field::Consent message=error(Field::Consent)/>
            </div>
            <button class="button" type="submit">{w.t(Msg::BookingConfirm)}</button>
            <p class="form-privacy">
                {say(&words.privacy)}" "<a href=w.pages().privacy()>{say(&words.privacy_link)}</a>
            </p>
        </form>
    }
}

/// The nearest free times, to choose one of inside the form (a time taken
/// meanwhile): each labelled with all of it.
fn nearest_times(w: Words, times: &[FreeTimeView]) -> impl IntoView {
    view! {
        <fieldset class="field booking-nearest">
            <legend>{w.t(Msg::BookingNearest)}</legend>
            {times.iter().enumerate().map(|(i, t)| {
                let id = format!("booking-nearest-{i}");
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="start" value=t.start.to_string() required/>
                        <label for=id>{t.label.clone()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
