use crate::domain::ServiceSummary;
use crate::routes;
use leptos::prelude::*;

/// One service in a list: its name, linked, and a line about it.
#[component]
pub fn ServiceItem(service: ServiceSummary) -> impl IntoView {
    view! {
        <li class="card service-item">
            <h3><a href=routes::service(&service.slug)>{service.name}</a></h3>
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
