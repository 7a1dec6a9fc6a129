use crate::components::{with_link, PageMeta, Words};
use crate::domain::seo::PageSeo;
use crate::domain::Msg;
use leptos::prelude::*;

/// What this site collects, stated plainly. Keep it true when features change.
#[component]
pub fn Privacy() -> impl IntoView {
    let w = Words::here();
    let (title, description) = (w.t(Msg::PrivacyTitle), w.t(Msg::PrivacyDescription));
    let item = move |message| view! { <li>{w.t(message)}</li> };
    view! {
        <PageMeta
            title=Some(title.clone())
            description=description.clone()
            seo=PageSeo::page(title.clone(), description, w.pages().privacy())
        />
        <div class="wrap section narrow prose">
            <h1>{title}</h1>
            <p class="lead">{w.t(Msg::PrivacyLead)}</p>
            <h2>{w.t(Msg::PrivacyReading)}</h2>
            <ul>
                {item(Msg::PrivacyNoCookies)}
                {item(Msg::PrivacyNoTracking)}
                {item(Msg::PrivacyNoThirdParties)}
                {item(Msg::PrivacyLog)}
            </ul>
            <h2>{w.t(Msg::PrivacyRequest)}</h2>
            <p>{w.t(Msg::PrivacyRequestText)}</p>
            <ul>
                {item(Msg::PrivacyNeverShared)}
                {item(Msg::PrivacyStaffEmail)}
                {item(Msg::PrivacyConfirmation)}
                {item(Msg::PrivacyNoHistory)}
            </ul>
            <h2>{w.t(Msg::PrivacyBooking)}</h2>
            <p>{w.t(Msg::PrivacyBookingText)}</p>
            <ul>
                {item(Msg::PrivacyBookingLink)}
                {item(Msg::PrivacyBookingMail)}
                {item(Msg::PrivacyBookingKept)}
            </ul>
            <h2>{w.t(Msg::PrivacyCalls)}</h2>
            <p>{w.t(Msg::PrivacyCallsText)}</p>
            <h2>{w.t(Msg::PrivacyQuestions)}</h2>
            <p>{with_link(w.t(Msg::PrivacyQuestionsText), w.pages().contact().to_owned())}</p>
        </div>
    }
}
