use super::Words;
use crate::domain::{ClinicInfo, Msg};
use leptos::prelude::*;

/// Phone, e-mail, address and hours, as a description list.
#[component]
pub fn ContactDetails(clinic: ClinicInfo) -> impl IntoView {
    let hours = clinic.hours.clone();
    let w = Words::here();
    view! {
        <dl class="contact-details">
            <dt>{w.t(Msg::DetailPhone)}</dt>
            <dd><a href=clinic.phone.tel_href()>{clinic.phone.to_string()}</a></dd>
            <dt>{w.t(Msg::DetailEmail)}</dt>
            <dd><a href=clinic.mailto_href()>{clinic.email.clone()}</a></dd>
            {clinic.address.clone().map(|address| view! {
                <dt>{w.t(Msg::DetailAddress)}</dt>
                <dd><address>{address}</address></dd>
            })}
            <dt>{w.t(Msg::DetailArea)}</dt>
            <dd>{clinic.area_served.clone()}</dd>
            {(!hours.is_empty()).then(|| view! {
                <dt>{w.t(Msg::DetailHours)}</dt>
                <dd><ul class="plain">{hours.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ul></dd>
            })}
        </dl>
    }
}
