use super::RequestFormView;
use crate::components::{PageMeta, Words};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;

#[component]
pub fn RequestPage() -> impl IntoView {
    let setup = super::use_form_setup();
    let w = Words::here();
    let (title, description) = (
        w.t(Msg::RequestConsultation),
        w.t(Msg::ConsultationDescription),
    );
    view! {
        <PageMeta
            title=Some(title.clone())
            description=description.clone()
            seo=PageSeo::page(title.clone(), description, w.pages().consultation())
        />
        <div class="wrap section narrow">
            <h1>{title}</h1>
            <p class="lead">{w.t(Msg::ConsultationLead)}</p>
            <RequestFormView setup/>
        </div>
    }
}
