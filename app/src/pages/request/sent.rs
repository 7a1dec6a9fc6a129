use crate::components::{marked, use_clinic, PageMeta, Words};
use crate::domain::request::Reference;
use crate::domain::Msg;
use crate::routes::ReferenceParams;
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
    let w = Words::here();
    view! {
        <PageMeta title=Some(w.t(Msg::SentTitle)) description=w.t(Msg::SentDescription)/>
        <div class="wrap section narrow confirmation">
            <h1>{w.t(Msg::SentHeading)}</h1>
            {move || reference().map(|r| {
                let (before, reference, after) =
                    marked(&w.with(Msg::SentReference, &[("reference", &r.to_string())]));
                view! { <p class="lead">{before} <strong class="reference">{reference}</strong> {after}</p> }
            })}
            <h2>{w.t(Msg::SentNext)}</h2>
            <ol>
                <li>{w.t(Msg::SentStepRead)}</li>
                <li>{w.t(Msg::SentStepContact)}</li>
                <li>{w.t(Msg::SentStepEmail)}</li>
            </ol>
            <Suspense>
                {move || Suspend::new(async move {
                    clinic.await.ok().map(|c| {
                        let (before, phone, after) =
                            marked(&w.with(Msg::SentSooner, &[("phone", &c.phone.to_string())]));
                        view! { <p>{before} <a href=c.phone.tel_href()>{phone}</a> {after}</p> }
                    })
                })}
            </Suspense>
            <p class="emergency"><strong>{w.t(Msg::SentEmergency)}</strong></p>
            <p><a href=w.pages().home()>{w.t(Msg::SentHome)}</a></p>
        </div>
    }
}
