use super::draft_form::{text_field, DraftForm, TextField};
use super::language_tabs::{language_tabs, panel_id, tab_id};
use super::translation_editor::STALE;
use crate::api::admin::clinic::{open_clinic, save_clinic, save_clinic_translation};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::clinic_draft::{ClinicDraft, ClinicText, EditedClinic};
use crate::domain::{Field, Locale, Translation};
use leptos::prelude::*;

/// The clinic's facts as every page, search engines and link previews show them.
#[component]
pub fn AdminClinic() -> impl IntoView {
    let clinic = Resource::new(|| (), |()| open_clinic());
    view! {
        <PageMeta title=Some("Clinic details".to_owned()) description="The clinic's name, phone, address and hours."/>
        <h1>"Clinic details"</h1>
        <p>"Every page shows these, and search engines read them. Leave the address or hours empty to keep them off the site."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { show_loaded(clinic.await, clinic_form) })}
        </Suspense>
    }
}

/// A field's (id suffix, label, hint, rows: 0 for one line), read and
/// written with the two functions.
type ClinicField = (
    Field,
    &'static str,
    &'static str,
    u32,
    fn(&ClinicDraft) -> String,
    fn(&mut ClinicDraft, String),
);

const FIELDS: [ClinicField; 11] = [
    (Field::Name, "Name", "", 0, |d| d.name.clone(), |d, v| d.name = v),
    (Field::Tagline, "Tagline", "", 0, |d| d.tagline.clone(), |d, v| d.tagline = v),
    (Field::Description, "One-sentence description", "Also the home page's description in search results.", 2,
        |d| d.description.clone(), |d, v| d.description = v),
    (Field::About, "About", "", 3, |d| d.about.clone(), |d, v| d.about = v),
    (Field::AreaServed, "Area served", "e.g. Monmouth County, NJ", 0, |d| d.area_served.clone(), |d, v| d.area_served = v),
    (Field::Phone, "Phone", "A US number.", 0, |d| d.phone.clone(), |d, v| d.phone = v),
    (Field::Email, "E-mail", "", 0, |d| d.email.clone(), |d, v| d.email = v),
    (Field::Address, "Street address", "One line; empty: not shown.", 0, |d| d.address.clone(), |d, v| d.address = v),
    (Field::Hours, "Opening hours", "One line each, e.g. Mon–Fri 9 am – 6 pm. Empty: not shown.", 3,
        |d| d.hours.clone(), |d, v| d.hours = v),
    (Field::Specialties, "Medical specialties", "One per line, as schema.org names them (Physiotherapy, Musculoskeletal, …): for search engines.", 3,
        |d| d.specialties.clone(), |d, v| d.specialties = v),
    (Field::Social, "Social profiles", "One per line: Facebook | https://facebook.com/…", 3, |d| d.social.clone(), |d, v| d.social = v),
];

fn clinic_form(clinic: EditedClinic) -> impl IntoView {
    let tab = RwSignal::new(Locale::En);
    view! {
        {language_tabs(tab)}
        <div role="tabpanel" id=panel_id(Locale::En) aria-labelledby=tab_id(Locale::En) hidden=move || tab.get() != Locale::En>
            {facts_form(clinic.draft, clinic.version)}
        </div>
        {clinic.translations.into_iter().map(|saved| {
            let locale = saved.locale;
            view! {
                <div role="tabpanel" id=panel_id(locale) aria-labelledby=tab_id(locale) hidden=move || tab.get() != locale>
                    {text_form(saved)}
                </div>
            }
        }).collect_view()}
    }
}

/// The facts as written, in English.
fn facts_form(draft: ClinicDraft, version: i64) -> impl IntoView {
    let form = DraftForm::new(draft, version);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(
            |draft, version| save_clinic(version, draft),
            "Saved: every page shows the new details.".to_owned(),
        );
    };
    view! {
        {form.notice_view()}
        <form class="editor" on:submit=save>
            {FIELDS.into_iter().map(|(field, label, hint, rows, get, set)| {
                let mut spec = TextField::line(format!("clinic-{}", field.name()), label, field, get, set).rows(rows);
                if !hint.is_empty() {
                    spec = spec.hint(hint);
                }
                text_field(form, spec)
            }).collect_view()}
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>"Save"</button>
            </p>
        </form>
    }
}

/// The five fields of the clinic's words in `locale`.
fn text_fields(locale: Locale) -> [TextField<ClinicText>; 5] {
    let language = locale.english_name();
    let code = locale.code();
    let spec = |name: &str,
                label: &str,
                field: Field,
                get: fn(&ClinicText) -> String,
                set: fn(&mut ClinicText, String),
                rows: u32| {
        TextField::line(
            format!("clinic-{code}-{name}"),
            format!("{label} in {language}"),
            field,
            get,
            set,
        )
        .rows(rows)
        .lang(code)
    };
    [
        spec(
            "tagline",
            "Tagline",
            Field::Tagline,
            |d| d.tagline.clone(),
            |d, v| d.tagline = v,
            0,
        ),
        spec(
            "description",
            "One-sentence description",
            Field::Description,
            |d| d.description.clone(),
            |d, v| d.description = v,
            2,
        ),
        spec(
            "about",
            "About",
            Field::About,
            |d| d.about.clone(),
            |d, v| d.about = v,
            3,
        ),
        spec(
            "area_served",
            "Area served",
            Field::AreaServed,
            |d| d.area_served.clone(),
            |d, v| d.area_served = v,
            0,
        ),
        spec(
            "hours",
            "Opening hours",
            Field::Hours,
            |d| d.hours.clone(),
            |d, v| d.hours = v,
            3,
        )
        .hint(format!(
            "One line each. Empty: the English hours on the {language} pages."
        )),
    ]
}

/// The words patients read in another language (the rest is the same in
/// every language).
fn text_form(saved: Translation<ClinicText>) -> impl IntoView {
    let locale = saved.locale;
    let language = locale.english_name();
    let form = DraftForm::new(saved.fields, saved.version).when_stale(STALE);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(
            move |text, version| save_clinic_translation(locale, version, text),
            format!("Saved: the {language} pages show it now."),
        );
    };
    let fields = text_fields(locale);
    view! {
        <p>"The name, phone, e-mail, address, specialties and links are the same in every language."</p>
        {form.notice_view()}
        <form class="editor" on:submit=save>
            {fields.into_iter().map(|spec| text_field(form, spec)).collect_view()}
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || form.busy.get().to_string()>{format!("Save {language}")}</button>
            </p>
        </form>
    }
}
