use super::{use_clinic, Words};
use crate::domain::Msg;
use leptos::prelude::*;

/// "Have Questions? Get In Touch Today!": the clinic's own call to action,
/// with "Schedule Online" first (showing `service`'s appointments first,
/// on a service's page).
#[component]
pub fn CallToAction(#[prop(optional, into)] service: Option<String>) -> impl IntoView {
    let clinic = use_clinic();
    let w = Words::here();
    view! {
        <Suspense>
            {move || {
                let service = service.clone();
                Suspend::new(async move {
                clinic.await.ok().map(|c| {
                    let phone = c.phone.to_string();
                    let book = match service {
                        Some(slug) => format!("{}?service={slug}", w.pages().book()),
                        None => w.pages().book().to_owned(),
                    };
                    view! {
                        <section class="cta" aria-labelledby="cta-heading">
                            <h2 id="cta-heading">{w.t(Msg::CtaHeading)}</h2>
                            <p>{w.with(Msg::CallToday, &[("phone", &phone)])}</p>
                            <p class="cta-actions">
                                <a class="button" href=book>{w.t(Msg::ScheduleOnline)}</a>
                                <a class="button button-secondary" href=w.pages().consultation()>{w.t(Msg::RequestConsultation)}</a>
                                <a class="button button-secondary" href=c.phone.tel_href()>{w.with(Msg::CallPhone, &[("phone", &phone)])}</a>
                                <a class="button button-secondary" href=c.mailto_href()>{w.with(Msg::EmailAddress, &[("email", &c.email)])}</a>
                            </p>
                        </section>
                    }
                })
                })
            }}
        </Suspense>
    }
}
