use super::Words;
use crate::domain::ServiceSummary;
use leptos::prelude::*;

/// One service in a list: its name, linked, and a line about it.
#[component]
pub fn ServiceItem(service: ServiceSummary) -> impl IntoView {
    let w = Words::here();
    let lang = w.lang_of(service.locale);
    view! {
        <li class="card service-item" lang=lang>
            <h3><a href=w.pages().service(&service.slug)>{service.name}</a></h3>
            <p>{service.summary}</p>
        </li>
    }
}

/// Services as a grid of cards.
#[component]
pub fn ServiceGrid(services: Vec<ServiceSummary>) -> impl IntoView {
    view! {
        <ul class="card-grid">
            {services.into_iter().map(|service| view! { <ServiceItem service/> }).collect_view()}
        </ul>
    }
}
