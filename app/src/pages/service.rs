use crate::api::content::{get_service, list_services};
use crate::components::{page_resource, show_loaded, CallToAction, Loading, PageMeta};
use crate::domain::seo::{or, PageKind, PageSeo};
use crate::pages::{use_form_setup, RequestFormView};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn ServicePage() -> impl IntoView {
    let slug = routes::use_slug();
    let service = page_resource(move || slug.get(), get_service);
    let others = page_resource(|| (), |()| list_services());
    let form_setup = use_form_setup();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let service = service.await;
                let others = others.await.unwrap_or_default();
                show_loaded(service, |service| {
                    let others: Vec<_> =
                        others.into_iter().filter(|o| o.slug != service.summary.slug).collect();
                    view! {
                        <PageMeta title=Some(or(&service.seo_title, &service.summary.name))
                            description=or(&service.seo_description, &service.summary.summary)
                            seo=PageSeo {
                                kind: PageKind::Service,
                                ..PageSeo::page(
                                    service.summary.name.clone(),
                                    or(&service.seo_description, &service.summary.summary),
                                    routes::service(&service.summary.slug),
                                )
                                .under(&[("Services", routes::SERVICES)])
                            }/>
                        <article class="wrap section">
                            <nav aria-label="Breadcrumb" class="breadcrumb">
                                <ol>
                                    <li><a href=routes::HOME>"Home"</a></li>
                                    <li><a href=routes::SERVICES>"Services"</a></li>
                                    <li><a href=routes::service(&service.summary.slug) aria-current="page">{service.summary.name.clone()}</a></li>
                                </ol>
                            </nav>
                            <h1>{service.summary.name.clone()}</h1>
                            <p class="lead">{service.summary.summary.clone()}</p>
                            <div class="prose" inner_html=service.body_html></div>
                            <section class="compact-form" aria-labelledby="service-request">
                                <h2 id="service-request">"Ask us about " {service.summary.name.clone()}</h2>
                                <p>"Leave your details and we'll call you back. Or use the "
                                    <a href=routes::CONSULTATION>"full consultation form"</a> "."</p>
                                <RequestFormView setup=form_setup compact=true preselect=service.summary.slug.clone()/>
                            </section>
                            <CallToAction/>
                        </article>
                        <nav class="wrap section" aria-labelledby="other-services">
                            <h2 id="other-services">"Other services"</h2>
                            <ul class="pill-list">
                                {others.into_iter().map(|o| view! {
                                    <li><a href=routes::service(&o.slug)>{o.name}</a></li>
                                }).collect_view()}
                            </ul>
                        </nav>
                    }
                })
            })}
        </Suspense>
    }
}
