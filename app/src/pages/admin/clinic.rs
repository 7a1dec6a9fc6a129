use super::draft_form::{text_field, DraftForm, TextField};
use crate::api::admin::clinic::{open_clinic, save_clinic};
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::clinic_draft::{ClinicDraft, EditedClinic};
use crate::domain::Field;
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
    let form = DraftForm::new(clinic.draft, clinic.version);
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
