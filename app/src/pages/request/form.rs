use super::choices::{label, ChoiceGroup, DayChoices, ServiceSelect};
use super::message::MessageField;
use super::setup::FormSetupData;
use super::state::FormState;
use crate::api::request::{submit_request, FormReplay, FormSetup, HONEYPOT, TOKEN};
use crate::api::ApiError;
use crate::components::browser::form_entries;
use crate::components::form::{described_by, ErrorSummary, FieldError, FieldHint};
use crate::components::{show_loaded, Loading};
use crate::domain::request::FormWords;
use crate::domain::request::{
    ContactMethod, Field, FieldErrors, PatientStatus, TimeOfDay, EMAIL_MAX, NAME_MAX,
};
use crate::domain::Locale;
use crate::domain::{ServiceSummary, Slug};
use leptos::ev::SubmitEvent;
use leptos::html::{Div, Form};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::hooks::use_navigate;

/// The consultation form. Without JavaScript it posts to `/consultation`
/// and the server answers with errors in place or the confirmation; with
/// JavaScript it checks each field as the patient leaves it and sends JSON
/// to the same rules. (Not `<ActionForm>`: its no-JavaScript error path puts
/// the form's values in the URL, and these are health data.)
#[component]
pub fn RequestFormView(
    /// From [`use_form_setup`](super::use_form_setup), called at the top of
    /// the page component.
    setup: FormSetupData,
    /// The short version for service pages: no days, times or message.
    #[prop(optional)]
    compact: bool,
    #[prop(optional)] preselect: Option<Slug>,
) -> impl IntoView {
    view! {
        <Suspense fallback=Loading>
            {move || {
                let preselect = preselect.clone();
                Suspend::new(async move {
                    show_loaded(setup.await, move |(setup, replay)| {
                        let made = FormMade { setup, replay, compact, preselect };
                        let data = made.encode();
                        let FormMade { setup, replay, compact, preselect } = made;
                        view! {
                            <div class="hydrate-later" data-request-form=data>
                                {form_body(setup, replay, compact, preselect)}
                            </div>
                        }
                    })
                })
            }}
        </Suspense>
    }
}

/// What the form is built from: written into the page by the server, read
/// by the form's module in the browser (postcard, percent-encoded: its
/// words stay readable text, which the page's compression finds).
#[derive(serde::Serialize, serde::Deserialize)]
struct FormMade {
    setup: FormSetup,
    replay: Option<FormReplay>,
    compact: bool,
    preselect: Option<Slug>,
}

impl FormMade {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn decode(data: &str) -> Option<FormMade> {
        use codee::Decoder;
        let bytes: Vec<u8> = percent_encoding::percent_decode_str(data).collect();
        codee::binary::PostcardCodec::decode(&bytes).ok()
    }

    fn encode(&self) -> String {
        use codee::Encoder;
        use percent_encoding::{percent_encode, AsciiSet, CONTROLS};
        // Controls, `%` and every byte above ASCII are escaped; the HTML
        // attribute escapes the rest.
        const ESCAPED: &AsciiSet = &CONTROLS.add(b'%');
        let bytes = codee::binary::PostcardCodec::encode(self).unwrap_or_default();
        percent_encode(&bytes, ESCAPED).to_string()
    }
}

#[cfg(feature = "hydrate")]
pub use browser::adopt_forms;

#[cfg(feature = "hydrate")]
mod browser {
    use super::form_module;
    use wasm_bindgen::JsCast;

    /// The attribute [`RequestFormView`](super::RequestFormView) marks a
    /// form with, carrying its [`FormMade`].
    const FORM_DATA: &str = "data-request-form";

    /// Gives every consultation form in `page` (the server's markup) its
    /// code on first use ([`on_first_use`](crate::components::on_first_use)).
    pub fn adopt_forms(page: &web_sys::Element) {
        let Ok(forms) = page.query_selector_all(&format!("[{FORM_DATA}]")) else {
            return;
        };
        for index in 0..forms.length() {
            let Some(part) = forms
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            // Read by the form's module: its decoding (the form's words
            // and services) stays out of the main module.
            let Some(data) = part.get_attribute(FORM_DATA) else {
                continue;
            };
            crate::components::on_first_use(part, move || form_module(data));
        }
    }
}

/// The form's code, in a wasm module of its own (`request_form`): most of
/// the code a patient's page could need, fetched when a patient first
/// touches the form.
/// `None` if the page's data for it cannot be read: the form then stays as
/// the server sent it, and posts the way it does without JavaScript.
#[leptos::wasm_split::wasm_split(request_form, wasm_split_path = ::leptos::wasm_split, fallible)]
fn form_module(data: String) -> Result<Option<AnyView>, SplitLoaderError> {
    Ok(FormMade::decode(&data).map(|made| {
        let FormMade {
            setup,
            replay,
            compact,
            preselect,
        } = made;
        form_body(setup, replay, compact, preselect).into_any()
    }))
}

/// Sending the form and what came back: the errors and notice shown, and
/// where focus goes.
#[derive(Clone, Copy)]
struct Sending {
    /// The patient pressed "Send request": every error shows.
    submitted: RwSignal<bool>,
    /// What the server found (a replay, or the JavaScript path's answer).
    server_errors: RwSignal<FieldErrors>,
    /// A message for the whole form (rate limit, a failure on our side).
    notice: RwSignal<Option<String>>,
    pending: RwSignal<bool>,
    summary_ref: NodeRef<Div>,
    notice_ref: NodeRef<Div>,
}

impl Sending {
    fn new(replay: Option<&FormReplay>) -> Self {
        Self {
            submitted: RwSignal::new(replay.is_some_and(|r| !r.errors.is_empty())),
            server_errors: RwSignal::new(replay.map(|r| r.errors.clone()).unwrap_or_default()),
            notice: RwSignal::new(replay.and_then(|r| r.notice.clone())),
            pending: RwSignal::new(false),
            summary_ref: NodeRef::new(),
            notice_ref: NodeRef::new(),
        }
    }

    /// Shows what the server said, in the form's language, and moves focus
    /// to it.
    fn failed(self, error: ApiError, words: StoredValue<FormWords>) {
        self.pending.set(false);
        match error {
            ApiError::Invalid(errors) => {
                self.server_errors.set(errors);
                request_animation_frame(move || focus(self.summary_ref));
            }
            other => {
                self.notice
                    .set(Some(words.with_value(|w| other.said_in(w))));
                request_animation_frame(move || focus(self.notice_ref));
            }
        }
    }
}

/// The submit handler of the JavaScript path: checks in the browser first,
/// then sends to the same rules on the server.
fn on_submit(
    state: FormState,
    local: Memo<FieldErrors>,
    sending: Sending,
    token: String,
    locale: Locale,
) -> impl Fn(SubmitEvent) {
    let navigate = use_navigate();
    let pages = crate::components::Words::here().pages();
    let words = crate::components::form::use_form_words();
    move |ev: SubmitEvent| {
        ev.prevent_default();
        if sending.pending.get_untracked() {
            return;
        }
        sending.submitted.set(true);
        sending.server_errors.set(FieldErrors::default());
        sending.notice.set(None);
        if !local.with_untracked(FieldErrors::is_empty) {
            request_animation_frame(move || focus(sending.summary_ref));
            return;
        }
        sending.pending.set(true);
        let (form, token, website) = (
            state.snapshot(),
            token.clone(),
            state.website.get_untracked(),
        );
        let navigate = navigate.clone();
        spawn_local(async move {
            match submit_request(form, token, website, locale).await {
                Ok(reference) => navigate(&pages.consultation_sent(&reference), Default::default()),
                Err(error) => sending.failed(error, words),
            }
        });
    }
}

/// Each field's error once it should show (left, or the form sent), the
/// browser's own finding first; and the summary of all of them.
fn shown_errors(
    state: FormState,
    local: Memo<FieldErrors>,
    sending: Sending,
) -> (
    impl Fn(Field) -> Signal<Option<String>> + Copy,
    Signal<Option<FieldErrors>>,
) {
    let Sending {
        submitted,
        server_errors,
        ..
    } = sending;
    let error = move |field: Field| {
        Signal::derive(move || {
            let show = submitted.get() || state.touched.with(|t| t.contains(&field));
            show.then(|| local.with(|l| l.get(field).map(str::to_owned)))
                .flatten()
                .or_else(|| server_errors.with(|s| s.get(field).map(str::to_owned)))
        })
    };
    let summary = Signal::derive(move || {
        submitted.get().then(|| {
            let mut all = local.get();
            for (field, message) in server_errors.get().iter() {
                if all.get(field).is_none() {
                    all.add(field, message);
                }
            }
            all
        })
    });
    (error, summary)
}

// One step: the form's fields in the order patients fill them in.
fn form_body(
    setup: FormSetup,
    replay: Option<FormReplay>,
    compact: bool,
    preselect: Option<Slug>,
) -> impl IntoView {
    let mut initial = replay.as_ref().map(|r| r.form.clone()).unwrap_or_default();
    if replay.is_none() {
        initial.service = preselect.map(String::from).unwrap_or_default();
    }
    let state = FormState::new(&initial);
    let token = replay
        .as_ref()
        .map(|r| r.token.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or(setup.token);
    let slugs: Vec<Slug> = setup.services.iter().map(|s| s.slug.clone()).collect();
    // The form's words, for its fields, and for its rules as the patient
    // types: in the page's language.
    let words = StoredValue::new(setup.words);
    provide_context(words);
    let local = Memo::new(move |_| {
        words
            .with_value(|w| state.snapshot().validate(&slugs, &w.rules))
            .err()
            .unwrap_or_default()
    });
    let sending = Sending::new(replay.as_ref());
    let form_ref = NodeRef::<Form>::new();
    // Runs once, in the browser, when the form has become the app's; the
    // mark tells tests (and styles) the form checks and sends itself now.
    Effect::new(move |_| {
        if let Some(form) = form_ref.get_untracked() {
            let entries = form_entries(&form);
            state.adopt(&entries, compact);
            let focused = document()
                .active_element()
                .and_then(|e| e.get_attribute("name"));
            state.touch_filled(&entries, focused.as_deref());
            let _ = form.set_attribute("data-hydrated", "");
        }
    });
    let (error, summary) = shown_errors(state, local, sending);
    let Sending {
        pending,
        notice,
        summary_ref,
        notice_ref,
        ..
    } = sending;

    let submit = on_submit(state, local, sending, token.clone(), setup.locale);
    let say = move |pick: fn(&FormWords) -> &String| words.with_value(|w| pick(w).clone());
    // The form posts to, and confirms on, its page's language's addresses.
    let pages = crate::components::Words::here().pages();

    view! {
        <form class="consultation-form" method="post" action=pages.consultation() novalidate
            on:submit=submit node_ref=form_ref
            aria-describedby="form-emergency">
            <input type="hidden" name=TOKEN value=token/>
            <div class="hp" aria-hidden="true">
                <label for="cr-website">{say(|w| &w.honeypot)}</label>
                <input id="cr-website" type="text" name=HONEYPOT tabindex="-1" autocomplete="off"
                    value=move || state.website.get() on:input=move |ev| state.website.set(event_target_value(&ev))/>
            </div>
            <ErrorSummary errors=summary node_ref=summary_ref/>
            <div class="form-notice" role="alert" tabindex="-1" node_ref=notice_ref hidden=move || notice.with(Option::is_none)>
                {move || notice.get()}
            </div>
            <p class="emergency" id="form-emergency">
                <strong>{say(|w| &w.not_emergency)}</strong>" "{say(|w| &w.urgent)}
            </p>

            {fields(state, error, setup.services, compact, words)}

            <button class="button" type="submit" aria-disabled=move || pending.get().to_string()>
                {move || if pending.get() { say(|w| &w.sending) } else { say(|w| &w.send) }}
            </button>
            <p class="form-privacy">
                {say(|w| &w.privacy)}" "
                <a href=pages.privacy()>{say(|w| &w.privacy_link)}</a>
            </p>
        </form>
    }
}

/// The patient's answers, each with its label, hint and error.
fn fields(
    state: FormState,
    error: impl Fn(Field) -> Signal<Option<String>> + Copy + Send + Sync + 'static,
    services: Vec<ServiceSummary>,
    compact: bool,
    words: StoredValue<FormWords>,
) -> impl IntoView {
    let invalid = move |field: Field| move || error(field).with(Option::is_some).to_string();
    let say = move |pick: fn(&FormWords) -> &String| words.with_value(|w| pick(w).clone());
    let label = move |field: Field| words.with_value(|w| label(w, field));
    // Each choice's value with its words, in the domain's order.
    let choices = move |values: Vec<&'static str>, pick: fn(&FormWords) -> &Vec<String>| {
        values
            .into_iter()
            .enumerate()
            .map(|(i, value)| (value, words.with_value(|w| FormWords::nth(pick(w), i))))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="field">
            <label for=Field::Name.id()>{label(Field::Name)}</label>
            <input id=Field::Name.id() name=Field::Name.name() type="text" autocomplete="name" maxlength=NAME_MAX
                required aria-required="true" aria-invalid=invalid(Field::Name) aria-describedby=described_by(Field::Name, false)
                value=move || state.name.get() on:input=move |ev| state.name.set(event_target_value(&ev))
                on:blur=move |_| state.touch(Field::Name)/>
            <FieldError field=Field::Name message=error(Field::Name)/>
        </div>

        <div class="field">
            <label for=Field::Phone.id()>{label(Field::Phone)}</label>
            <FieldHint field=Field::Phone>{say(|w| &w.phone_hint)}</FieldHint>
            <input id=Field::Phone.id() name=Field::Phone.name() type="tel" inputmode="tel" autocomplete="tel"
                required aria-required="true" aria-invalid=invalid(Field::Phone) aria-describedby=described_by(Field::Phone, true)
                value=move || state.phone.get() on:input=move |ev| state.phone.set(event_target_value(&ev))
                on:blur=move |_| state.touch(Field::Phone)/>
            <FieldError field=Field::Phone message=error(Field::Phone)/>
        </div>

        <ChoiceGroup field=Field::ContactMethod choices=choices(ContactMethod::ALL.iter().map(|c| c.value()).collect(), |w| &w.contact_methods)
            value=state.contact_method required=true error=error(Field::ContactMethod) state/>

        <div class="field">
            <label for=Field::Email.id()>{label(Field::Email)}" "<span class="optional">{say(|w| &w.email_needed)}</span></label>
            <FieldHint field=Field::Email>{say(|w| &w.email_hint)}</FieldHint>
            <input id=Field::Email.id() name=Field::Email.name() type="email" autocomplete="email" maxlength=EMAIL_MAX
                aria-invalid=invalid(Field::Email) aria-describedby=described_by(Field::Email, true)
                value=move || state.email.get() on:input=move |ev| state.email.set(event_target_value(&ev))
                on:blur=move |_| state.touch(Field::Email)/>
            <FieldError field=Field::Email message=error(Field::Email)/>
        </div>

        <ServiceSelect services value=state.service error=error(Field::Service) state/>

        <ChoiceGroup field=Field::Patient choices=choices(PatientStatus::ALL.iter().map(|c| c.value()).collect(), |w| &w.patients)
            value=state.patient required=true error=error(Field::Patient) state/>

        {(!compact).then(|| view! {
            <DayChoices value=state.days error=error(Field::Days) state/>
            <ChoiceGroup field=Field::TimeOfDay choices=choices(TimeOfDay::ALL.iter().map(|c| c.value()).collect(), |w| &w.times)
                value=state.time_of_day required=false error=error(Field::TimeOfDay) state/>
            <MessageField state error=error(Field::Message)/>
        })}

        <div class="field field-check">
            <input id=Field::Consent.id() name=Field::Consent.name() type="checkbox" value="yes" autocomplete="off"
                required aria-required="true" aria-invalid=invalid(Field::Consent) aria-describedby=described_by(Field::Consent, false)
                checked=move || state.consent.get()
                on:change=move |ev| { state.consent.set(event_target_checked(&ev)); state.touch(Field::Consent); }/>
            <label for=Field::Consent.id()>{say(|w| &w.consent)}</label>
            <FieldError field=Field::Consent message=error(Field::Consent)/>
        </div>
    }
}

fn focus(node: NodeRef<Div>) {
    if let Some(el) = node.get_untracked() {
        let _ = el.focus();
    }
}
