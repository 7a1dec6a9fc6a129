use crate::api::content::list_services;
use crate::components::{
    page_data, show_loaded, CallToAction, Loading, PageMeta, ServiceGrid, Words,
};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;

#[component]
pub fn ServiceList() -> impl IntoView {
    let w = Words::here();
    let services = page_data(|| list_services(w.locale));
    let (title, description) = (w.t(Msg::ServicesTitle), w.t(Msg::ServicesDescription));
    view! {
        <PageMeta
            title=Some(title.clone())
            description=description.clone()
            seo=PageSeo::page(title, description, w.pages().services())
        />
        <div class="wrap section">
            <h1>{w.t(Msg::ServicesHeading)}</h1>
            <p class="lead">{w.t(Msg::ServicesLead)}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    show_loaded(services.await, |services| view! {
                        <h2 class="visually-hidden">{w.t(Msg::ServicesAll)}</h2>
                        <ServiceGrid services=services/>
                    })
                })}
            </Suspense>
            <CallToAction/>
        </div>
    }
}
