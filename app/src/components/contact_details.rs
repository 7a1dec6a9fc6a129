use crate::domain::ClinicInfo;
use leptos::prelude::*;

/// Phone, e-mail, address and hours, as a description list.
#[component]
pub fn ContactDetails(clinic: ClinicInfo) -> impl IntoView {
    let hours = clinic.hours.clone();
    view! {
        <dl class="contact-details">
            <dt>"Phone"</dt>
            <dd><a href=clinic.phone.tel_href()>{clinic.phone.to_string()}</a></dd>
            <dt>"E-mail"</dt>
            <dd><a href=clinic.mailto_href()>{clinic.email.clone()}</a></dd>
            {clinic.address.clone().map(|address| view! {
                <dt>"Address"</dt>
                <dd><address>{address}</address></dd>
            })}
            <dt>"Area served"</dt>
            <dd>{clinic.area_served.clone()}</dd>
            {(!hours.is_empty()).then(|| view! {
                <dt>"Hours"</dt>
                <dd><ul class="plain">{hours.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul></dd>
            })}
        </dl>
    }
}
