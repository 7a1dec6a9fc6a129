use crate::api::content::list_services;
use crate::components::{page_resource, show_loaded, CallToAction, Loading, PageMeta, ServiceGrid};
use crate::domain::seo::PageSeo;
use crate::routes;
use leptos::prelude::*;

const DESCRIPTION: &str = "Chiropractic, physical therapy, occupational therapy, scoliosis treatments and acupuncture, planned together under one roof.";

#[component]
pub fn ServiceList() -> impl IntoView {
    let services = page_resource(|| (), |()| list_services());
    view! {
        <PageMeta
            title=Some("Services".to_owned())
            description=DESCRIPTION
            seo=PageSeo::page("Services", DESCRIPTION, routes::SERVICES)
        />
        <div class="wrap section">
            <h1>"Our services"</h1>
            <p class="lead">
                "Every service below happens in the same building, so the people treating you can plan your care together."
            </p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    show_loaded(services.await, |services| view! {
                        <h2 class="visually-hidden">"All services"</h2>
                        <ServiceGrid services=services/>
                    })
                })}
            </Suspense>
            <CallToAction/>
        </div>
    }
}
