use crate::api::admin::requests::list_requests;
use crate::components::{show_loaded, Loading, PageMeta};
use crate::domain::request::{RequestList, RequestStatus};
use crate::routes::{self, RequestListQuery};
use leptos::prelude::*;
use leptos_router::hooks::use_query;

/// The requests list: newest first, filterable by status.
#[component]
pub fn AdminRequests() -> impl IntoView {
    let query = use_query::<RequestListQuery>();
    let status = move || query.read().as_ref().ok().and_then(|q| q.status.clone());
    let page = Resource::new(status, list_requests);
    view! {
        <PageMeta title=Some("Consultation requests".to_owned()) description="The clinic's consultation requests."/>
        <h1>"Consultation requests"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move { show_loaded(page.await, list_view) })}
        </Suspense>
    }
}

fn list_view(page: RequestList) -> impl IntoView {
    let filter = page.filter;
    let count = |status: RequestStatus| {
        page.counts
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    };
    let tab = move |label: String, value: Option<&'static str>, current: bool| {
        view! {
            <li><a href=routes::admin_requests(value) aria-current=current.then_some("page")>{label}</a></li>
        }
    };
    view! {
        <nav aria-label="Filter by status">
            <ul class="pill-list">
                {tab("All open".to_owned(), None, filter.is_none())}
                {RequestStatus::ALL.iter().map(|s| {
                    tab(format!("{} ({})", s.label(), count(*s)), Some(s.value()), filter == Some(*s))
                }).collect_view()}
            </ul>
        </nav>
        {if page.items.is_empty() {
            view! { <p>"No requests here."</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="admin-table">
                        <caption class="visually-hidden">"Requests, newest first"</caption>
                        <thead><tr>
                            <th scope="col">"Received"</th><th scope="col">"Name"</th><th scope="col">"Service"</th>
                            <th scope="col">"Contact by"</th><th scope="col">"Language"</th><th scope="col">"Status"</th><th scope="col">"Reference"</th>
                        </tr></thead>
                        <tbody>
                            {page.items.into_iter().map(|item| view! {
                                <tr class:is-new=item.status == RequestStatus::New>
                                    <td>{item.received}</td>
                                    <td><a href=routes::admin_request(&item.reference)>{item.name}</a></td>
                                    <td>{item.service.unwrap_or_else(|| "Not sure yet".into())}</td>
                                    <td>{item.contact_method.label()}</td>
                                    <td class:is-other-language=item.locale != crate::domain::Locale::En>{item.locale.english_name()}</td>
                                    <td>{item.status.label()}</td>
                                    <td>{item.reference.to_string()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
