use crate::api::admin::auth::{who_am_i, SignedIn};
use crate::components::{show_loaded, Loading};
use crate::domain::staff::StaffMember;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

/// Who is signed in, for admin pages below the layout to await.
#[derive(Clone, Copy)]
pub struct CurrentStaff(pub Resource<Result<Option<SignedIn>, crate::api::ApiError>>);

/// Every admin page but sign-in: checks who is signed in (sending others to
/// the sign-in page), shows the admin navigation, and warns before an idle
/// session ends.
#[component]
pub fn AdminLayout() -> impl IntoView {
    let me = Resource::new(|| (), |()| who_am_i());
    provide_context(CurrentStaff(me));
    let location = leptos_router::hooks::use_location();
    let on_enrolment = move || location.pathname.get_untracked() == routes::ADMIN_TWO_FACTOR;
    // The page (the `Outlet`) stays outside the `Suspend`: inside it, the
    // page would be built twice and load its data twice.
    view! {
        <div class="admin">
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    show_loaded(me.await, |me| match me {
                        None => view! { <Redirect path=routes::ADMIN_SIGN_IN/> }.into_any(),
                        Some(SignedIn { member, .. }) if member.must_enrol() && !on_enrolment() => {
                            view! { <Redirect path=routes::ADMIN_TWO_FACTOR/> }.into_any()
                        }
                        Some(SignedIn { member, new_requests, idle_minutes }) => {
                            view! { <AdminBar member new_requests idle_minutes/> }.into_any()
                        }
                    })
                })}
            </Suspense>
            <div class="wrap section admin-main">
                <Outlet/>
            </div>
        </div>
    }
}

#[component]
fn AdminBar(member: StaffMember, new_requests: Option<i64>, idle_minutes: u64) -> impl IntoView {
    let sign_out_action = ServerAction::<crate::api::admin::auth::SignOut>::new();
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if sign_out_action.value().get().is_some() {
            navigate(routes::ADMIN_SIGN_IN, Default::default());
        }
    });
    // Until the second factor is set up, nothing else is open.
    let enrolled = !member.must_enrol();
    let requests = enrolled && member.role.handles_requests();
    let admin = enrolled && member.role.is_admin();
    view! {
        <header class="admin-bar">
                <div class="wrap admin-bar-inner">
                    <a class="brand" href=routes::ADMIN>"Clinic admin"</a>
                    <nav aria-label="Admin">
                        <ul>
                            {requests.then(|| view! {
                                <li>
                                    <A href=routes::ADMIN_REQUESTS>
                                        "Requests"
                                        {new_requests.filter(|n| *n > 0).map(|n| view! {
                                            " " <span class="badge">{n}<span class="visually-hidden">" new"</span></span>
                                        })}
                                    </A>
                                </li>
                            })}
                            {requests.then(|| view! { <li><A href=routes::ADMIN_SCHEDULE>"Schedule"</A></li> })}
                            {(enrolled && member.role.edits_content()).then(|| view! {
                                <li><A href=routes::ADMIN_ARTICLES>"Articles"</A></li>
                                <li><A href=routes::ADMIN_SERVICES>"Services"</A></li>
                                <li><A href=routes::ADMIN_CATEGORIES>"Categories"</A></li>
                                <li><A href=routes::ADMIN_CLINIC>"Clinic details"</A></li>
                                <li><A href=routes::ADMIN_REDIRECTS>"Redirects"</A></li>
                            })}
                            {admin.then(|| view! {
                                <li><A href=routes::ADMIN_PRACTITIONERS>"Practitioners"</A></li>
                                <li><A href=routes::ADMIN_APPOINTMENT_TYPES>"Appointment types"</A></li>
                                <li><A href=routes::ADMIN_ACCOUNTS>"Accounts"</A></li>
                                <li><A href=routes::ADMIN_AUDIT>"Audit log"</A></li>
                            })}
                            <li><a href=routes::HOME>"Public site"</a></li>
                        </ul>
                    </nav>
                    <p class="admin-user">
                        {member.name.clone()} " (" {member.role.label()} ")"
                    </p>
                    <ActionForm action=sign_out_action attr:class="inline-form">
                        <button class="button button-secondary" type="submit">"Sign out"</button>
                    </ActionForm>
                </div>
        </header>
        <IdleWarning idle_minutes/>
    }
}

/// Warns two minutes before an idle session would end, and keeps it alive
/// when the member asks. Counts quiet quarter-minutes since the last
/// navigation; the limit is the member's, from the server (shorter for
/// roles that read patients' requests).
#[component]
fn IdleWarning(idle_minutes: u64) -> impl IntoView {
    const TICK_SECS: u64 = 15;
    const WARN_TICKS: u32 = 2 * 4;
    let idle_ticks = u32::try_from(idle_minutes * 4).unwrap_or(u32::MAX);
    let quiet = RwSignal::new(0_u32);
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        quiet.set(0);
    });
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || quiet.update(|q| *q += 1),
            std::time::Duration::from_secs(TICK_SECS),
        );
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    });
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if quiet.get() >= idle_ticks.saturating_sub(WARN_TICKS) {
            open.set(true);
        }
    });
    // However the warning closes (its button, Escape), the member is
    // there: the session is kept alive.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open {
            leptos::task::spawn_local(async move {
                let _ = who_am_i().await;
                quiet.set(0);
            });
        }
        is_open
    });
    view! {
        <crate::components::Modal open labelled_by="idle-title">
            <p id="idle-title" role="alert">"You'll be signed out in about two minutes because you haven't done anything for a while."</p>
            <button class="button" type="button" on:click=move |_| open.set(false)>"Stay signed in"</button>
        </crate::components::Modal>
    }
}
