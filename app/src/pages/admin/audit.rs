use crate::api::admin::accounts::audit_log;
use crate::components::{show_loaded, Loading, PageMeta};
use leptos::prelude::*;

/// Who did what, newest first (administrators only).
#[component]
pub fn AdminAudit() -> impl IntoView {
    let entries = Resource::new(|| (), |()| audit_log());
    view! {
        <PageMeta title=Some("Audit log".to_owned()) description="Who viewed, changed or exported patient requests."/>
        <h1>"Audit log"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                show_loaded(entries.await, |entries| view! {
                    <div class="table-wrap">
                        <table class="admin-table">
                            <caption class="visually-hidden">"Audit log, newest first"</caption>
                            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th>
                                <th scope="col">"What"</th><th scope="col">"Subject"</th></tr></thead>
                            <tbody>
                                {entries.into_iter().map(|e| view! {
                                    <tr><td>{e.at}</td><td>{e.staff.unwrap_or_default()}</td>
                                        <td>{e.action}</td><td>{e.subject.unwrap_or_default()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            })}
        </Suspense>
    }
}
