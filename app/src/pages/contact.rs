use crate::components::{
    show_loaded, use_clinic, with_link, ContactDetails, Loading, PageMeta, Words,
};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;

#[component]
pub fn Contact() -> impl IntoView {
    let clinic = use_clinic();
    let w = Words::here();
    view! {
        <div class="wrap section narrow">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    show_loaded(clinic.await, |clinic| {
                        let phone = clinic.phone.to_string();
                        let title = w.t(Msg::ContactTitle);
                        let description = w.with(
                            Msg::ContactDescription,
                            &[("phone", &phone), ("email", &clinic.email)],
                        );
                        view! {
                            <PageMeta
                                title=Some(title.clone())
                                description=description.clone()
                                seo=PageSeo::page(title.clone(), description, w.pages().contact())
                            />
                            <h1>{title}</h1>
                            <p class="lead">{w.with(Msg::CallToday, &[("phone", &phone)])}</p>
                            <p>{with_link(w.t(Msg::ContactOnline), w.pages().consultation().to_owned())}</p>
                            <ContactDetails clinic/>
                            <section class="notice" aria-labelledby="emergency">
                                <h2 id="emergency">{w.t(Msg::ContactEmergency)}</h2>
                                <p>{w.t(Msg::ContactEmergencyText)}</p>
                            </section>
                        }
                    })
                })}
            </Suspense>
        </div>
    }
}
