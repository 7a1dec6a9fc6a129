use super::CurrentStaff;
use crate::routes;
use leptos::prelude::*;

/// Where staff land after signing in: what their role lets them do.
#[component]
pub fn AdminHome() -> impl IntoView {
    let me = use_context::<CurrentStaff>().map(|c| c.0);
    view! {
        <crate::components::PageMeta title=Some("Admin".to_owned()) description="The clinic's admin."/>
        <Suspense>
            {move || Suspend::new(async move {
                let member = match me {
                    Some(me) => me.await.ok().flatten().map(|s| s.member),
                    None => None,
                };
                home_view(member)
            })}
        </Suspense>
    }
}

fn home_view(member: Option<crate::domain::staff::StaffMember>) -> impl IntoView {
    view! {
        <h1>"Welcome" {member.as_ref().map(|m| format!(", {}", m.name))}</h1>
        <ul class="card-grid">
            {member.as_ref().is_some_and(|m| m.role.handles_requests()).then(|| view! {
                <li class="card"><h2><a href=routes::ADMIN_REQUESTS>"Consultation requests"</a></h2>
                    <p>"Read new requests, mark them contacted or scheduled, add notes."</p></li>
            })}
            {member.as_ref().is_some_and(|m| m.role.is_admin()).then(|| view! {
                <li class="card"><h2><a href=routes::ADMIN_ACCOUNTS>"Staff accounts"</a></h2>
                    <p>"Create accounts for your team and disable those who leave."</p></li>
                <li class="card"><h2><a href=routes::ADMIN_AUDIT>"Audit log"</a></h2>
                    <p>"Who viewed, changed or exported patient requests, and when."</p></li>
            })}
            {member.as_ref().is_some_and(|m| m.role.edits_content()).then(|| view! {
                <li class="card"><h2><a href=routes::ADMIN_ARTICLES>"Articles"</a></h2>
                    <p>"Write, preview, schedule and publish articles; restore earlier versions."</p></li>
                <li class="card"><h2><a href=routes::ADMIN_SERVICES>"Service pages"</a></h2>
                    <p>"Update what each service page says."</p></li>
            })}
        </ul>
    }
}
