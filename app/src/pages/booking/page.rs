use super::details::DetailsForm;
use crate::api::booking::{booking_page_step, booking_replay};
use crate::components::{page_data, show_loaded, use_clinic, Loading, PageMeta, Words};
use crate::domain::booking::{BookingStep, FreeTimeView, StepQuery};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/book`: one step at a time, each chosen by a link whose address holds
/// every choice so far (no patient data: the service, the type, the
/// practitioner, the day and the time).
#[component]
pub fn BookingPage() -> impl IntoView {
    let w = Words::here();
    let params = use_query_map();
    let query = params.with_untracked(|q| StepQuery {
        service: q.get("service"),
        kind: q.get("type").and_then(|v| v.parse().ok()),
        with: q.get("with"),
        from: q.get("from"),
        day: q.get("day"),
        start: q.get("start").and_then(|v| v.parse().ok()),
    });
    let asked = query.clone();
    let step = page_data(move || {
        booking_page_step(
            asked.service,
            asked.kind,
            asked.with,
            asked.from,
            asked.day,
            asked.start,
            w.locale,
        )
    });
    let (title, description) = (w.t(Msg::BookingTitle), w.t(Msg::BookingDescription));
    view! {
        <PageMeta
            title=Some(title.clone())
            description=description.clone()
            seo=PageSeo::page(title.clone(), description, w.pages().book())
        />
        <div class="wrap section narrow booking">
            <h1>{title}</h1>
            <Suspense fallback=Loading>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        show_loaded(step.await, move |step| steps(w, &query, step))
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The steps chosen so far (each with a link to change it) and the next one.
/// One step: each `let … else` answers with the first choice not made yet,
/// above it the ones made; apart, every choice would be passed along again.
fn steps(w: Words, query: &StepQuery, step: BookingStep) -> AnyView {
    let root = w.pages().book();
    let lead = w.with(Msg::BookingLead, &[("zone", &step.zone)]);
    let Some(kind) = step.kind.clone() else {
        return view! { <p class="lead">{lead}</p> {choose_type(w, query, &step)} }.into_any();
    };
    let change = |cleared: StepQuery| cleared.href(root);
    let chosen_type = format!(
        "{} ({})",
        kind.name,
        w.with(
            Msg::BookingMinutes,
            &[("minutes", &kind.minutes.to_string())]
        )
    );
    let type_row = chosen(
        w,
        Msg::BookingStepType,
        chosen_type,
        change(StepQuery {
            service: query.service.clone(),
            ..StepQuery::default()
        }),
    );
    let base = StepQuery {
        kind: Some(kind.id),
        ..StepQuery::default()
    };
    let Some(with) = step.with else {
        return view! { {type_row} {choose_who(w, &base, &step)} }.into_any();
    };
    let who = match with {
        None => w.t(Msg::BookingAnyone),
        Some(id) => step
            .practitioners
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
    };
    let who_row = chosen(w, Msg::BookingStepWho, who, change(base.clone()));
    let with_query = StepQuery {
        with: query.with.clone(),
        ..base
    };
    let Some(day) = step.day.clone() else {
        return view! { {type_row} {who_row} {choose_day(w, &with_query, &step)} }.into_any();
    };
    let day_row = chosen(
        w,
        Msg::BookingStepDay,
        day.label.clone(),
        change(with_query.clone()),
    );
    let day_query = StepQuery {
        day: Some(day.date.clone()),
        ..with_query
    };
    // A booking refused because its time was taken comes back here with
    // what was typed: the form stays, with the nearest free times to
    // choose from inside it, so nothing typed is lost.
    let replay = booking_replay().unwrap_or_default();
    let time = match (step.time.clone(), replay.nearest.is_empty()) {
        (Some(time), _) => Some(time),
        (None, false) => None,
        (None, true) => {
            return view! { {type_row} {who_row} {day_row} {choose_time(w, &day_query, &step.times)} }
                .into_any();
        }
    };
    let time_row = time.as_ref().map(|time| {
        chosen(
            w,
            Msg::BookingStepTime,
            time.label.clone(),
            change(day_query.clone()),
        )
    });
    view! {
        {type_row} {who_row} {day_row} {time_row}
        <section class="booking-step" aria-labelledby="booking-step-current">
            <h2 id="booking-step-current" tabindex="-1" data-route-focus="">{w.t(Msg::BookingStepDetails)}</h2>
            <DetailsForm step time replay kind=kind.id/>
        </section>
    }
    .into_any()
}

/// A step already chosen: what was chosen, and a link to choose again.
fn chosen(w: Words, step: Msg, what: String, change: String) -> impl IntoView {
    let heading = w.t(step);
    let change_label = format!("{} ({heading})", w.t(Msg::BookingChange));
    view! {
        <section class="booking-done">
            <h2>{heading}</h2>
            <p>{what}" "<a href=change aria-label=change_label>{w.t(Msg::BookingChange)}</a></p>
        </section>
    }
}

/// The heading of the step the patient is at, which takes focus when the
/// step loads in place.
fn current(w: Words, step: Msg) -> impl IntoView {
    view! { <h2 id="booking-step-current" tabindex="-1" data-route-focus="">{w.t(step)}</h2> }
}

fn choose_type(w: Words, query: &StepQuery, step: &BookingStep) -> AnyView {
    let root = w.pages().book();
    if step.services.is_empty() {
        let clinic = use_clinic();
        return view! {
            <Suspense>
                {move || Suspend::new(async move {
                    clinic.await.ok().map(|c| view! {
                        <p>{w.with(Msg::BookingNoneOffered, &[("phone", &c.phone.to_string())])}</p>
                    })
                })}
            </Suspense>
        }
        .into_any();
    }
    // A service page's button shows its own service first.
    let mut services = step.services.clone();
    if let Some(first) = query.service.as_deref() {
        services.sort_by_key(|s| s.slug != first);
    }
    view! {
        <section class="booking-step" aria-labelledby="booking-step-current">
            {current(w, Msg::BookingStepType)}
            {services.into_iter().map(|service| {
                let heading_id = format!("booking-service-{}", service.slug);
                view! {
                    <h3 id=heading_id.clone()>{service.name}</h3>
                    <ul class="booking-choices" aria-labelledby=heading_id>
                        {service.types.into_iter().map(|t| {
                            let href = StepQuery { kind: Some(t.id), ..StepQuery::default() }.href(root);
                            let who = match t.patients.as_str() {
                                "new" => Some(w.t(Msg::BookingForNew)),
                                "returning" => Some(w.t(Msg::BookingForReturning)),
                                _ => None,
                            };
                            let minutes = w.with(Msg::BookingMinutes, &[("minutes", &t.minutes.to_string())]);
                            view! {
                                <li>
                                    <a class="booking-choice" href=href>
                                        <span class="booking-choice-name">{t.name}</span>
                                        <span>{minutes}{who.map(|who| format!(", {who}"))}</span>
                                        {t.requested.then(|| view! { <span>{w.t(Msg::BookingRequestedNote)}</span> })}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </section>
    }
    .into_any()
}

fn choose_who(w: Words, base: &StepQuery, step: &BookingStep) -> AnyView {
    let root = w.pages().book();
    let anyone = StepQuery {
        with: Some("any".into()),
        ..base.clone()
    }
    .href(root);
    view! {
        <section class="booking-step" aria-labelledby="booking-step-current">
            {current(w, Msg::BookingStepWho)}
            <ul class="booking-choices">
                <li>
                    <a class="booking-choice" href=anyone>
                        <span class="booking-choice-name">{w.t(Msg::BookingAnyone)}</span>
                        <span>{w.t(Msg::BookingAnyoneNote)}</span>
                    </a>
                </li>
                {step.practitioners.iter().map(|p| {
                    let href = StepQuery { with: Some(p.id.to_string()), ..base.clone() }.href(root);
                    view! {
                        <li>
                            <a class="booking-choice" href=href>
                                {p.photo.clone().map(|(src, alt)| view! {
                                    <img class="booking-choice-photo" src=src alt=alt width="72" height="72" loading="lazy"/>
                                })}
                                <span class="booking-choice-name">{p.name.clone()}</span>
                                {(!p.speaks.is_empty()).then(|| view! { <span>{p.speaks.clone()}</span> })}
                                <span>{p.bio.clone()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

fn choose_day(w: Words, with: &StepQuery, step: &BookingStep) -> AnyView {
    let root = w.pages().book();
    let any_free = step.days.iter().any(|d| d.free > 0);
    let page = |from: &Option<String>, label: Msg| {
        from.clone().map(|from| {
            let href = StepQuery {
                from: Some(from),
                ..with.clone()
            }
            .href(root);
            view! { <a href=href>{w.t(label)}</a> }
        })
    };
    view! {
        <section class="booking-step" aria-labelledby="booking-step-current">
            {current(w, Msg::BookingStepDay)}
            {(!any_free).then(|| view! { <p>{w.t(Msg::BookingNoDays)}</p> })}
            <ul class="booking-days">
                {step.days.iter().map(|day| {
                    let count = w.with(Msg::BookingFreeCount, &[("count", &day.free.to_string())]);
                    if day.free == 0 {
                        view! { <li class="booking-day-full">{day.label.clone()}</li> }.into_any()
                    } else {
                        let href = StepQuery { day: Some(day.date.clone()), ..with.clone() }.href(root);
                        view! {
                            <li>
                                <a class="booking-day" href=href>
                                    <span class="booking-choice-name">{day.label.clone()}</span>
                                    <span>{count}</span>
                                </a>
                            </li>
                        }
                        .into_any()
                    }
                }).collect_view()}
            </ul>
            <p class="booking-pages">{page(&step.earlier, Msg::BookingEarlier)}" "{page(&step.later, Msg::BookingLater)}</p>
        </section>
    }
    .into_any()
}

fn choose_time(w: Words, day: &StepQuery, times: &[FreeTimeView]) -> AnyView {
    let root = w.pages().book();
    let body = if times.is_empty() {
        let clinic = use_clinic();
        view! {
            <Suspense>
                {move || Suspend::new(async move {
                    clinic.await.ok().map(|c| view! {
                        <p>{w.with(Msg::BookingNoTimes, &[("phone", &c.phone.to_string())])}</p>
                    })
                })}
            </Suspense>
        }
        .into_any()
    } else {
        time_links(day, times, root).into_any()
    };
    view! {
        <section class="booking-step" aria-labelledby="booking-step-current">
            {current(w, Msg::BookingStepTime)}
            {body}
        </section>
    }
    .into_any()
}

/// Each time as a link whose name says all of it; what shows is the clock.
fn time_links(day: &StepQuery, times: &[FreeTimeView], root: &str) -> impl IntoView {
    view! {
        <ul class="booking-times">
            {times.iter().map(|t| {
                let href = StepQuery { day: Some(t.date.clone()), start: Some(t.start), ..day.clone() }.href(root);
                view! { <li><a class="booking-time" href=href aria-label=t.label.clone()>{t.clock.clone()}</a></li> }
            }).collect_view()}
        </ul>
    }
}
