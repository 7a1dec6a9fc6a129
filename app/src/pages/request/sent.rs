use crate::components::{use_clinic, PageMeta};
use crate::domain::request::Reference;
use crate::routes::{self, ReferenceParams};
use leptos::prelude::*;
use leptos_router::hooks::use_params;

/// After a request is stored: its reference and what happens next.
#[component]
pub fn RequestSent() -> impl IntoView {
    let params = use_params::<ReferenceParams>();
    let reference = move || {
        params
            .read()
            .as_ref()
            .ok()
            .and_then(|p| p.reference.as_deref().and_then(Reference::parse))
    };
    let clinic = use_clinic();
    view! {
        <PageMeta title=Some("Request received".to_owned()) description="We have received your consultation request."/>
        <div class="wrap section narrow confirmation">
            <h1>"Thank you: we've received your request"</h1>
            {move || reference().map(|r| view! {
                <p class="lead">"Your reference is " <strong class="reference">{r.to_string()}</strong>
                ". Quote it if you call us about this request."</p>
            })}
            <h2>"What happens next"</h2>
            <ol>
                <li>"Our front desk reads your request, usually within one business day."</li>
                <li>"We contact you the way you asked, to answer your questions and find a time."</li>
                <li>"If you gave an e-mail address, we've sent you a confirmation. It contains no medical details."</li>
            </ol>
            <Suspense>
                {move || Suspend::new(async move {
                    clinic.await.ok().map(|c| view! {
                        <p>"Need us sooner? Call " <a href=c.phone.tel_href()>{c.phone.to_string()}</a> "."</p>
                    })
                })}
            </Suspense>
            <p class="emergency"><strong>"In an emergency, call 911."</strong></p>
            <p><a href=routes::HOME>"Back to the home page"</a></p>
        </div>
    }
}
