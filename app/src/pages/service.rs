use crate::api::content::{get_service, list_services};
use crate::components::{
    page_data, show_loaded, with_link, CallToAction, Loading, PageMeta, Words,
};
use crate::domain::seo::{or, PageKind, PageSeo};
use crate::domain::Msg;
use crate::pages::{use_form_setup, RequestFormView};
use crate::routes::{self, Pages};
use leptos::prelude::*;

#[component]
pub fn ServicePage() -> impl IntoView {
    let w = Words::here();
    let slug = routes::use_slug();
    let service = page_data(|| get_service(w.locale, slug.get_untracked()));
    let others = page_data(|| list_services(w.locale));
    let form_setup = use_form_setup();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let service = service.await;
                let others = others.await.unwrap_or_default();
                show_loaded(service, |service| {
                    let others: Vec<_> =
                        others.into_iter().filter(|o| o.slug != service.summary.slug).collect();
                    let pages = w.pages();
                    let here = pages.service(&service.summary.slug);
                    // Reached by another language's slug (the language
                    // switch keeps the slug): its own address instead.
                    if slug.get_untracked() != service.summary.slug.as_str() {
                        crate::api::redirect_page(&here);
                    }
                    let name_lang = w.lang_of(service.summary.locale);
                    // The form's choice is the service's English slug.
                    let preselect = service.slug_in(crate::domain::Locale::En).clone();
                    let book_service = preselect.to_string();
                    let body_lang = w.lang_of(service.body_locale);
                    let seo = PageSeo {
                        kind: PageKind::Service,
                        alternates: service
                            .slugs
                            .iter()
                            .map(|(l, slug)| (*l, Pages(*l).service(slug)))
                            .collect(),
                        ..PageSeo::page(
                            service.summary.name.clone(),
                            or(&service.seo_description, &service.summary.summary),
                            here.clone(),
                        )
                        .under(&[(w.t(Msg::NavServices).as_str(), pages.services())])
                    };
                    view! {
                        <PageMeta title=Some(or(&service.seo_title, &service.summary.name))
                            description=or(&service.seo_description, &service.summary.summary)
                            seo/>
                        <article class="wrap section">
                            <nav aria-label=w.t(Msg::Breadcrumb) class="breadcrumb">
                                <ol>
                                    <li><a href=pages.home()>{w.t(Msg::NavHome)}</a></li>
                                    <li><a href=pages.services()>{w.t(Msg::NavServices)}</a></li>
                                    <li><a href=here aria-current="page" lang=name_lang>{service.summary.name.clone()}</a></li>
                                </ol>
                            </nav>
                            <h1 lang=name_lang>{service.summary.name.clone()}</h1>
                            <p class="lead" lang=name_lang>{service.summary.summary.clone()}</p>
                            {body_lang.map(|_| view! { <p class="notice translation-note">{w.t(Msg::NotTranslated)}</p> })}
                            <div class="prose" lang=body_lang inner_html=service.body_html></div>
                            <section class="compact-form" aria-labelledby="service-request">
                                <h2 id="service-request">{w.with(Msg::ServiceAsk, &[("service", &service.summary.name)])}</h2>
                                <p>{with_link(w.t(Msg::ServiceAskText), pages.consultation().to_owned())}</p>
                                <RequestFormView setup=form_setup compact=true preselect=preselect/>
                            </section>
                            <CallToAction service=book_service/>
                        </article>
                        <nav class="wrap section" aria-labelledby="other-services">
                            <h2 id="other-services">{w.t(Msg::ServiceOthers)}</h2>
                            <ul class="pill-list">
                                {others.into_iter().map(|o| view! {
                                    <li><a href=pages.service(&o.slug) lang=w.lang_of(o.locale)>{o.name}</a></li>
                                }).collect_view()}
                            </ul>
                        </nav>
                    }
                })
            })}
        </Suspense>
    }
}
