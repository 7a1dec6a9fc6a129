use crate::components::{show_loaded, use_clinic, ContactDetails, Loading, PageMeta};
use leptos::prelude::*;

#[component]
pub fn Contact() -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <div class="wrap section narrow">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    show_loaded(clinic.await, |clinic| view! {
                        <PageMeta
                            title=Some("Contact us".to_owned())
                            description=format!("Call {} or e-mail {} to book an appointment or a free consultation.", clinic.phone, clinic.email)
                            seo=crate::domain::seo::PageSeo::page(
                                "Contact us",
                                format!("Call {} or e-mail {} to book an appointment or a free consultation.", clinic.phone, clinic.email),
                                crate::routes::CONTACT,
                            )
                        />
                        <h1>"Contact us"</h1>
                        <p class="lead">
                            "Give us a call at " {clinic.phone.to_string()}
                            " today to have all of your questions answered and to get you booked for an appointment!"
                        </p>
                        <p>
                            "You can also "
                            <a href=crate::routes::CONSULTATION>"request a consultation online"</a>
                            ": tell us how to reach you and we'll contact you."
                        </p>
                        <ContactDetails clinic/>
                        <section class="notice" aria-labelledby="emergency">
                            <h2 id="emergency">"In an emergency"</h2>
                            <p>"Don't wait for a reply from us: call 911."</p>
                        </section>
                    })
                })}
            </Suspense>
        </div>
    }
}
