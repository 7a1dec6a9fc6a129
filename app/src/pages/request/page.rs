use super::RequestFormView;
use crate::components::PageMeta;
use leptos::prelude::*;

const DESCRIPTION: &str = "Ask us to contact you about an appointment or a free consultation: chiropractic, physical therapy, occupational therapy, scoliosis treatments or acupuncture.";

#[component]
pub fn RequestPage() -> impl IntoView {
    let setup = super::use_form_setup();
    view! {
        <PageMeta
            title=Some("Request a consultation".to_owned())
            description=DESCRIPTION
            seo=crate::domain::seo::PageSeo::page("Request a consultation", DESCRIPTION, crate::routes::CONSULTATION)
        />
        <div class="wrap section narrow">
            <h1>"Request a consultation"</h1>
            <p class="lead">
                "Give us a call or schedule online for an appointment or free consultation. "
                "Tell us how to reach you and we'll contact you to find a time."
            </p>
            <RequestFormView setup/>
        </div>
    }
}
