use crate::api::admin::clinic::save_clinic;
use crate::api::ApiError;
use crate::components::{show_loaded, use_clinic, Loading, PageMeta};
use crate::domain::article_draft::DraftErrors;
use crate::domain::clinic_draft::ClinicDraft;
use crate::domain::ClinicInfo;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The clinic's facts as every page, search engines and link previews show them.
#[component]
pub fn AdminClinic() -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <PageMeta title=Some("Clinic details".to_owned()) description="The clinic's name, phone, address and hours."/>
        <h1>"Clinic details"</h1>
        <p>"Every page shows these, and search engines read them. Leave the address or hours empty to keep them off the site."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { show_loaded(clinic.await, clinic_form) })}
        </Suspense>
    }
}

/// (field, label, hint, rows: 0 for a one-line input)
const FIELDS: [(&str, &str, &str, u8); 11] = [
    ("name", "Name", "", 0),
    ("tagline", "Tagline", "", 0),
    ("description", "One-sentence description", "Also the home page's description in search results.", 2),
    ("about", "About", "", 3),
    ("area_served", "Area served", "e.g. Monmouth County, NJ", 0),
    ("phone", "Phone", "A US number.", 0),
    ("email", "E-mail", "", 0),
    ("address", "Street address", "One line; empty: not shown.", 0),
    ("hours", "Opening hours", "One line each, e.g. Mon–Fri 9 am – 6 pm. Empty: not shown.", 3),
    ("specialties", "Medical specialties", "One per line, as schema.org names them (Physiotherapy, Musculoskeletal, …): for search engines.", 3),
    ("social", "Social profiles", "One per line: Facebook | https://facebook.com/…", 3),
];

fn get_field(d: &ClinicDraft, field: &str) -> String {
    match field {
        "name" => d.name.clone(),
        "tagline" => d.tagline.clone(),
        "description" => d.description.clone(),
        "about" => d.about.clone(),
        "area_served" => d.area_served.clone(),
        "phone" => d.phone.clone(),
        "email" => d.email.clone(),
        "address" => d.address.clone(),
        "hours" => d.hours.clone(),
        "specialties" => d.specialties.clone(),
        _ => d.social.clone(),
    }
}

fn set_field(d: &mut ClinicDraft, field: &str, value: String) {
    let slot = match field {
        "name" => &mut d.name,
        "tagline" => &mut d.tagline,
        "description" => &mut d.description,
        "about" => &mut d.about,
        "area_served" => &mut d.area_served,
        "phone" => &mut d.phone,
        "email" => &mut d.email,
        "address" => &mut d.address,
        "hours" => &mut d.hours,
        "specialties" => &mut d.specialties,
        _ => &mut d.social,
    };
    *slot = value;
}

fn clinic_form(info: ClinicInfo) -> impl IntoView {
    let draft = RwSignal::new(ClinicDraft::from_info(&info));
    let errors = RwSignal::new(DraftErrors::default());
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        notice.set(None);
        errors.set(DraftErrors::default());
        spawn_local(async move {
            match save_clinic(draft.get_untracked()).await {
                Ok(()) => notice.set(Some("Saved: every page shows the new details.".into())),
                Err(ApiError::InvalidDraft(found)) => errors.set(found),
                Err(e) => notice.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="form-notice" role="status" hidden=move || notice.with(Option::is_none)>{move || notice.get()}</div>
        <form class="editor" on:submit=save>
            {FIELDS.iter().map(|&(field, label, hint, rows)| {
                let id = format!("clinic-{field}");
                let error_id = format!("{id}-error");
                let hint_id = format!("{id}-hint");
                let described = if hint.is_empty() { error_id.clone() } else { format!("{hint_id} {error_id}") };
                let error = move || errors.with(|e| e.get(field).map(str::to_owned));
                let invalid = move || error().is_some().to_string();
                let value = move || draft.with(|d| get_field(d, field));
                let input = move |ev| draft.update(|d| set_field(d, field, event_target_value(&ev)));
                let control = if rows == 0 {
                    view! { <input id=id.clone() type="text" autocomplete="off" aria-describedby=described
                        aria-invalid=invalid prop:value=value on:input=input/> }.into_any()
                } else {
                    view! { <textarea id=id.clone() rows=rows aria-describedby=described
                        aria-invalid=invalid prop:value=value on:input=input></textarea> }.into_any()
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{label}</label>
                        {(!hint.is_empty()).then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
                        {control}
                        <p class="field-error" id=error_id.clone()>{error}</p>
                    </div>
                }
            }).collect_view()}
            <p class="editor-actions">
                <button class="button" type="submit" aria-disabled=move || busy.get().to_string()>"Save"</button>
            </p>
        </form>
    }
}
