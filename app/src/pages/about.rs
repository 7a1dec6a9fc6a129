use crate::api::content::list_services;
use crate::components::{
    page_data, show_loaded, use_clinic, CallToAction, Loading, PageMeta, ServiceGrid, Words,
};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let clinic = use_clinic();
    let w = Words::here();
    let services = page_data(|| list_services(w.locale));
    view! {
        <div class="wrap section">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let loaded = match clinic.await {
                        Ok(clinic) => services.await.map(|services| (clinic, services)),
                        Err(error) => Err(error),
                    };
                    show_loaded(loaded, |(clinic, services)| {
                        let title = w.with(Msg::AboutTitle, &[("clinic", &clinic.name)]);
                        view! {
                        <PageMeta title=Some(title.clone()) description=clinic.description.clone()
                            seo=PageSeo::page(title.clone(), clinic.description.clone(), w.pages().about())/>
                        <h1>{title}</h1>
                        <p class="lead">{clinic.description.clone()}</p>
                        <p>{clinic.about.clone()}</p>
                        <p class="tagline">{clinic.tagline.clone()}</p>
                        <h2>{w.t(Msg::AboutTogether)}</h2>
                        <p>{w.t(Msg::AboutTogetherText)}</p>
                        <h2>{w.t(Msg::AboutOffer)}</h2>
                        <ServiceGrid services=services/>
                    }})
                })}
            </Suspense>
            <CallToAction/>
        </div>
    }
}
