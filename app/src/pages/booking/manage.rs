use crate::api::booking::booking_manage;
use crate::components::{marked, page_data, use_clinic, Loading, PageMeta, Words};
use crate::domain::booking::{ManageQuery, ManagedBooking};
use crate::domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/book/manage/<token>`: the confirmation a patient lands on after
/// booking, and their link to the appointment (e-mailed too): its time,
/// never what the patient typed, and until the cutoff, moving it
/// (`?step=move`, a day's free times) or cancelling it (`?step=cancel`).
/// The changes are plain forms (`server/src/booking_post.rs`), with or
/// without JavaScript; `?done=` says what came of the last one.
#[component]
pub fn BookingManage() -> impl IntoView {
    let w = Words::here();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let query = use_query_map().with_untracked(|q| ManageQuery {
        step: q.get("step"),
        day: q.get("day"),
        done: q.get("done"),
    });
    let (asked, moving, day) = (
        token.clone(),
        query.step.as_deref() == Some("move"),
        query.day.clone(),
    );
    let booking = page_data(move || booking_manage(asked, w.locale, moving, day));
    let clinic = use_clinic();
    view! {
        // A private page: not for search engines, and its address is the secret.
        <PageMeta title=Some(w.t(Msg::BookingConfirmedTitle)) description=w.t(Msg::BookingDescription)/>
        <div class="wrap section narrow confirmation">
            <Suspense fallback=Loading>
                {move || {
                    let (token, query) = (token.clone(), query.clone());
                    Suspend::new(async move {
                        let phone = clinic.await.map(|c| c.phone.to_string()).unwrap_or_default();
                        match booking.await {
                            Ok(b) => managed(w, &token, &query, &b, &phone),
                            Err(_) => {
                                crate::api::set_page_status(&crate::api::ApiError::NotFound);
                                view! {
                                    <h1>{w.t(Msg::BookingConfirmedTitle)}</h1>
                                    <p>{w.with(Msg::BookingManageMissing, &[("phone", &phone)])}</p>
                                }
                                .into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn managed(w: Words, token: &str, query: &ManageQuery, b: &ManagedBooking, phone: &str) -> AnyView {
    let page = w.pages().book_manage(token);
    let heading = match b.status.as_str() {
        "requested" => Msg::BookingRequestedHeading,
        "cancelled" => Msg::BookingCancelledHeading,
        "declined" => Msg::BookingDeclinedHeading,
        _ => Msg::BookingConfirmedHeading,
    };
    let notice = match query.done.as_deref() {
        Some("moved") => Some(w.t(Msg::BookingManageDoneMoved)),
        Some("cancelled") => Some(w.t(Msg::BookingManageDoneCancelled)),
        Some("taken") => Some(w.t(Msg::BookingManageDoneTaken)),
        Some("late") => Some(w.with(Msg::BookingManageDoneLate, &[("phone", phone)])),
        _ => None,
    };
    let (before, reference, after) = marked(&w.with(
        Msg::BookingConfirmedReference,
        &[("reference", b.reference.as_str())],
    ));
    let when = if b.status == "requested" {
        w.with(Msg::BookingRequestedWhen, &[("time", &b.when)])
    } else {
        w.with(Msg::BookingConfirmedWhen, &[("time", &b.when)])
    };
    let calendar = format!("{page}/calendar.ics");
    let change = if b.changeable {
        match query.step.as_deref() {
            Some("cancel") => cancel_step(w, &page, b).into_any(),
            Some("move") => move_step(w, &page, b).into_any(),
            _ => view! {
                <section aria-labelledby="manage-change">
                    <h2 id="manage-change">{w.t(Msg::BookingManageChange)}</h2>
                    <p class="booking-manage-actions">
                        <a class="button button-secondary" href=format!("{page}?step=move")>{w.t(Msg::BookingManageMove)}</a>
                        " "
                        <a class="button button-secondary" href=format!("{page}?step=cancel")>{w.t(Msg::BookingManageCancel)}</a>
                    </p>
                </section>
            }
            .into_any(),
        }
    } else if b.active() && !b.past {
        let hours = b.cutoff_hours.to_string();
        view! { <p>{w.with(Msg::BookingManageLate, &[("hours", &hours), ("phone", phone)])}</p> }
            .into_any()
    } else if b.active() {
        view! { <p>{w.t(Msg::BookingManagePast)}</p> }.into_any()
    } else {
        view! { <p><a class="button" href=w.pages().book()>{w.t(Msg::BookingBookAgain)}</a></p> }
            .into_any()
    };
    view! {
        <h1 tabindex="-1" data-route-focus="">{w.t(heading)}</h1>
        {notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        <p class="lead">{b.kind.clone()}</p>
        <p class="booking-when">{when}</p>
        <p>{before} <strong class="reference">{reference}</strong> {after}</p>
        {b.active().then(|| view! {
            <p><a class="button button-secondary" href=calendar download="">{w.t(Msg::BookingCalendar)}</a></p>
            <p>{w.t(Msg::BookingKeepLink)}</p>
        })}
        {change}
    }
    .into_any()
}

fn cancel_step(w: Words, page: &str, b: &ManagedBooking) -> impl IntoView {
    view! {
        <section class="booking-step" aria-labelledby="manage-step">
            <h2 id="manage-step" tabindex="-1" data-route-focus="">{w.t(Msg::BookingManageCancelHeading)}</h2>
            <p>{w.with(Msg::BookingManageCancelAsk, &[("time", &b.when)])}</p>
            <form method="post" action=format!("{page}/cancel") class="booking-manage-actions">
                <button type="submit" class="button">{w.t(Msg::BookingManageCancelYes)}</button>
                " "
                <a class="button button-secondary" href=page.to_owned()>{w.t(Msg::BookingManageKeep)}</a>
            </form>
        </section>
    }
}

/// Two weeks of days, then the chosen day's free times: each a button of
/// one form whose name says the whole time.
fn move_step(w: Words, page: &str, b: &ManagedBooking) -> impl IntoView {
    let day_href = |date: &str| format!("{page}?step=move&day={date}");
    view! {
        <section class="booking-step" aria-labelledby="manage-step">
            <h2 id="manage-step" tabindex="-1" data-route-focus="">{w.t(Msg::BookingManageMoveHeading)}</h2>
            <p>{w.t(Msg::BookingManageMoveNote)}</p>
            <ul class="booking-days">
                {b.days.iter().map(|day| {
                    let count = w.with(Msg::BookingFreeCount, &[("count", &day.free.to_string())]);
                    if day.free == 0 {
                        view! { <li class="booking-day-full">{day.label.clone()}</li> }.into_any()
                    } else {
                        let current = b.day.as_ref().is_some_and(|d| d.date == day.date);
                        view! {
                            <li>
                                <a class="booking-day" href=day_href(&day.date)
                                    aria-current=current.then_some("date")>
                                    <span class="booking-choice-name">{day.label.clone()}</span>
                                    <span>{count}</span>
                                </a>
                            </li>
                        }
                        .into_any()
                    }
                }).collect_view()}
            </ul>
            {b.day.as_ref().map(|day| view! {
                <h3>{day.label.clone()}</h3>
                <form method="post" action=format!("{page}/move")>
                    <ul class="booking-times">
                        {b.times.iter().map(|t| view! {
                            <li>
                                <button type="submit" class="booking-time" name="start"
                                    value=t.start.to_string() aria-label=t.label.clone()>
                                    {t.clock.clone()}
                                </button>
                            </li>
                        }).collect_view()}
                    </ul>
                </form>
            })}
            <p><a href=page.to_owned()>{w.t(Msg::BookingManageKeep)}</a></p>
        </section>
    }
}
