use crate::api::booking::booking_manage;
use crate::components::{marked, page_data, use_clinic, Loading, PageMeta, Words};
use crate::domain::Msg;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/book/manage/<token>`: the confirmation a patient lands on after
/// booking, and their link to the appointment (e-mailed too). It shows the
/// time, never what the patient typed.
#[component]
pub fn BookingManage() -> impl IntoView {
    let w = Words::here();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let asked = token.clone();
    let booking = page_data(move || booking_manage(asked, w.locale));
    let clinic = use_clinic();
    let calendar = format!("{}/{token}/calendar.ics", w.pages().book_manage_root());
    view! {
        // A private page: not for search engines, and its address is the secret.
        <PageMeta title=Some(w.t(Msg::BookingConfirmedTitle)) description=w.t(Msg::BookingDescription)/>
        <div class="wrap section narrow confirmation">
            <Suspense fallback=Loading>
                {move || {
                    let calendar = calendar.clone();
                    Suspend::new(async move {
                        match booking.await {
                            Ok(b) => {
                                let requested = b.status == "requested";
                                let heading = if requested { Msg::BookingRequestedHeading } else { Msg::BookingConfirmedHeading };
                                let (before, reference, after) =
                                    marked(&w.with(Msg::BookingConfirmedReference, &[("reference", b.reference.as_str())]));
                                let when = if requested {
                                    w.with(Msg::BookingRequestedWhen, &[("time", &b.when)])
                                } else {
                                    w.with(Msg::BookingConfirmedWhen, &[("time", &b.when)])
                                };
                                view! {
                                    <h1>{w.t(heading)}</h1>
                                    <p class="lead">{b.kind.clone()}</p>
                                    <p class="booking-when">{when}</p>
                                    <p>{before} <strong class="reference">{reference}</strong> {after}</p>
                                    <p><a class="button button-secondary" href=calendar download="">{w.t(Msg::BookingCalendar)}</a></p>
                                    <p>{w.t(Msg::BookingKeepLink)}</p>
                                }
                                .into_any()
                            }
                            Err(_) => {
                                crate::api::set_page_status(&crate::api::ApiError::NotFound);
                                view! {
                                    <h1>{w.t(Msg::BookingConfirmedTitle)}</h1>
                                    <Suspense>
                                        {move || Suspend::new(async move {
                                            clinic.await.ok().map(|c| view! {
                                                <p>{w.with(Msg::BookingManageMissing, &[("phone", &c.phone.to_string())])}</p>
                                            })
                                        })}
                                    </Suspense>
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
