use crate::api::content::list_services;
use crate::components::{
    page_resource, show_loaded, use_clinic, CallToAction, Loading, PageMeta, ServiceGrid,
};
use crate::domain::seo::PageSeo;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let clinic = use_clinic();
    let services = page_resource(|| (), |()| list_services());
    view! {
        <div class="wrap section">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let loaded = match clinic.await {
                        Ok(clinic) => services.await.map(|services| (clinic, services)),
                        Err(error) => Err(error),
                    };
                    show_loaded(loaded, |(clinic, services)| view! {
                        <PageMeta title=Some(format!("About {}", clinic.name)) description=clinic.description.clone()
                            seo=PageSeo::page(format!("About {}", clinic.name), clinic.description.clone(), routes::ABOUT)/>
                        <h1>"About " {clinic.name.clone()}</h1>
                        <p class="lead">{clinic.description.clone()}</p>
                        <p>{clinic.about.clone()}</p>
                        <p class="tagline">{clinic.tagline.clone()}</p>
                        <h2>"Collaborative care, under one roof"</h2>
                        <p>
                            "Our chiropractors, physical and occupational therapists, scoliosis specialists and acupuncturists work in the same building. "
                            "They talk to each other about your care, so you get one plan instead of five separate ones."
                        </p>
                        <h2>"What we offer"</h2>
                        <ServiceGrid services=services/>
                    })
                })}
            </Suspense>
            <CallToAction/>
        </div>
    }
}
