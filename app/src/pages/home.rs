use crate::api::content::get_home;
use crate::components::{
    page_data, show_loaded, use_clinic, ArticleItem, CallToAction, Loading, PageMeta, ServiceGrid,
    Words,
};
use crate::domain::seo::{PageKind, PageSeo};
use crate::domain::Msg;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let clinic = use_clinic();
    let w = Words::here();
    let content = page_data(|| get_home(w.locale));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let loaded = match clinic.await {
                    Ok(clinic) => content.await.map(|content| (clinic, content)),
                    Err(error) => Err(error),
                };
                show_loaded(loaded, |(clinic, content)| {
                    let phone = clinic.phone.to_string();
                    let description = w.with(
                        Msg::HomeDescription,
                        &[("description", &clinic.description), ("phone", &phone)],
                    );
                    view! {
                        <PageMeta title=None description=description.clone() seo=PageSeo {
                            kind: PageKind::Home,
                            ..PageSeo::page(clinic.name.clone(), description, w.pages().home())
                        }/>
                        <section class="hero" aria-labelledby="home-title">
                            <div class="wrap">
                                <h1 id="home-title">{clinic.name.clone()}</h1>
                                <p class="lead">{clinic.description.clone()}</p>
                                <p>{clinic.about.clone()}</p>
                                <p class="tagline">{clinic.tagline.clone()}</p>
                                <p class="hero-actions">
                                    <a class="button" href=clinic.phone.tel_href()>
                                        {w.with(Msg::CallPhone, &[("phone", &phone)])}
                                    </a>
                                    <a class="button button-secondary" href=w.pages().consultation()>
                                        {w.t(Msg::RequestConsultation)}
                                    </a>
                                </p>
                                <p class="hero-note">{w.t(Msg::HomeNote)}</p>
                            </div>
                        </section>
                        <section class="wrap section" aria-labelledby="home-services">
                            <h2 id="home-services">{w.t(Msg::HomeServices)}</h2>
                            <ServiceGrid services=content.services/>
                        </section>
                        <section class="wrap section" aria-labelledby="home-articles">
                            <h2 id="home-articles">{w.t(Msg::HomeArticles)}</h2>
                            <ul class="card-list">
                                {content.latest.into_iter().map(|article| view! { <ArticleItem article/> }).collect_view()}
                            </ul>
                            <p><a href=w.pages().articles_root()>{w.t(Msg::HomeAllArticles)}</a></p>
                        </section>
                        <div class="wrap section"><CallToAction/></div>
                    }
                })
            })}
        </Suspense>
    }
}
