use super::use_clinic;
use leptos::prelude::*;

/// "Have Questions? Get In Touch Today!": the clinic's own call to action.
#[component]
pub fn CallToAction() -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                clinic.await.ok().map(|c| view! {
                    <section class="cta" aria-labelledby="cta-heading">
                        <h2 id="cta-heading">"Have Questions? Get In Touch Today!"</h2>
                        <p>
                            "Give us a call at " {c.phone.to_string()}
                            " today to have all of your questions answered and to get you booked for an appointment!"
                        </p>
                        <p class="cta-actions">
                            <a class="button" href=crate::routes::CONSULTATION>"Request a consultation"</a>
                            <a class="button button-secondary" href=c.phone.tel_href()>"Call " {c.phone.to_string()}</a>
                            <a class="button button-secondary" href=c.mailto_href()>"E-mail " {c.email.clone()}</a>
                        </p>
                    </section>
                })
            })}
        </Suspense>
    }
}
