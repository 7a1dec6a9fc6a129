use crate::api::content::get_home;
use crate::components::{
    page_resource, show_loaded, use_clinic, ArticleItem, CallToAction, Loading, PageMeta,
    ServiceGrid,
};
use crate::domain::seo::{PageKind, PageSeo};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let clinic = use_clinic();
    let content = page_resource(|| (), |()| get_home());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let loaded = match clinic.await {
                    Ok(clinic) => content.await.map(|content| (clinic, content)),
                    Err(error) => Err(error),
                };
                show_loaded(loaded, |(clinic, content)| {
                    let description = format!(
                        "{} Chiropractic, physical therapy, occupational therapy, scoliosis treatments and acupuncture. Call {}.",
                        clinic.description, clinic.phone
                    );
                    view! {
                        <PageMeta title=None description=description.clone() seo=PageSeo {
                            kind: PageKind::Home,
                            ..PageSeo::page(clinic.name.clone(), description, routes::HOME)
                        }/>
                        <section class="hero" aria-labelledby="home-title">
                            <div class="wrap">
                                <h1 id="home-title">{clinic.name.clone()}</h1>
                                <p class="lead">{clinic.description.clone()}</p>
                                <p>{clinic.about.clone()}</p>
                                <p class="tagline">{clinic.tagline.clone()}</p>
                                <p class="hero-actions">
                                    <a class="button" href=clinic.phone.tel_href()>
                                        "Call " {clinic.phone.to_string()}
                                    </a>
                                    <a class="button button-secondary" href=routes::CONSULTATION>
                                        "Request a consultation"
                                    </a>
                                </p>
                                <p class="hero-note">
                                    "Give us a call or schedule online for an appointment or free consultation."
                                </p>
                            </div>
                        </section>
                        <section class="wrap section" aria-labelledby="home-services">
                            <h2 id="home-services">"Our services, all under one roof"</h2>
                            <ServiceGrid services=content.services/>
                        </section>
                        <section class="wrap section" aria-labelledby="home-articles">
                            <h2 id="home-articles">"Latest articles"</h2>
                            <ul class="card-list">
                                {content.latest.into_iter().map(|article| view! { <ArticleItem article/> }).collect_view()}
                            </ul>
                            <p><a href=routes::ARTICLES>"All articles"</a></p>
                        </section>
                        <div class="wrap section"><CallToAction/></div>
                    }
                })
            })}
        </Suspense>
    }
}
