//! Online booking's pages as a browser without JavaScript uses them: each
//! step from its address, the details form posted, a refused form sent
//! back with what was typed, the patient's link, and the calendar file as
//! a real iCalendar parser reads it.

use crate::patients::booking::{a_wednesday_ahead, free_times, type_id};
use crate::support::helpers::{spawn_app, TestApp};
use crate::support::request_helpers::redirect_target;
use reqwest::StatusCode;

async fn post_details(app: &TestApp, fields: &[(&str, String)]) -> reqwest::Response {
    app.client
        .post(app.url("/book"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_html_form::to_string(fields).unwrap_or_else(|e| panic!("{e}")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_patient_books_through_the_pages_and_the_calendar_gives_the_same_instant() {
    let app = spawn_app().await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();

    // Each step links to the next.
    let first = app.page("/book").await;
    first.assert_status(StatusCode::OK);
    assert!(first
        .attrs(".booking-choices a", "href")
        .contains(&format!("/book?type={kind}")));
    let who = app.page(&format!("/book?type={kind}")).await;
    assert!(who
        .attrs(".booking-choices a", "href")
        .contains(&format!("/book?type={kind}&with=any")));
    let days = app.page(&format!("/book?type={kind}&with=any")).await;
    assert!(days
        .attrs(".booking-days a", "href")
        .contains(&format!("/book?type={kind}&with=any&day={day}")));
    let offered = free_times(&app, kind, day).await;
    let time = &offered[2];
    let times = app
        .page(&format!("/book?type={kind}&with=any&day={day}"))
        .await;
    assert!(times
        .attrs(".booking-times a", "aria-label")
        .contains(&time.label));
    let details = app
        .page(&format!(
            "/book?type={kind}&with=any&day={day}&start={}",
            time.start
        ))
        .await;
    details.assert_status(StatusCode::OK);
    let token = details.attrs("form.booking-form input[name=token]", "value")[0].clone();

    let mut fields = vec![
        ("type_id", kind.to_string()),
        ("start", time.start.to_string()),
        ("token", token),
        ("website", String::new()),
        ("name", String::new()),
        ("phone", "(732) 555-0142".to_owned()),
        ("email", "ana@example.com".to_owned()),
        ("patient", "returning".to_owned()),
        ("message", "Since spring.".to_owned()),
        ("consent", "yes".to_owned()),
    ];
    // No name: the same step again, 422, everything typed kept.
    let refused = post_details(&app, &fields).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap_or_default());
    let value = |css: &str| {
        let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{e:?}"));
        page.select(&selector)
            .next()
            .map(|el| el.value().attr("value").unwrap_or_default().to_owned())
    };
    assert_eq!(value("#cr-email").as_deref(), Some("ana@example.com"));
    assert_eq!(value("#cr-phone").as_deref(), Some("(732) 555-0142"));
    assert!(page
        .root_element()
        .text()
        .collect::<String>()
        .contains("Enter your full name."));

    fields.retain(|(k, _)| *k != "name");
    fields.push(("name", "Ana Lima".to_owned()));
    let booked = post_details(&app, &fields).await;
    assert_eq!(booked.status(), StatusCode::SEE_OTHER);
    let link = redirect_target(&booked);
    assert!(link.starts_with("/book/manage/"), "{link}");
    let confirmation = app.page(&link).await;
    confirmation.assert_status(StatusCode::OK);
    assert_eq!(confirmation.text("h1"), "You're booked");
    assert_eq!(confirmation.text(".booking-when"), time.label);
    assert!(!confirmation.text("main").contains("Ana Lima"));

    let calendar = app.get(&format!("{link}/calendar.ics")).await;
    assert_eq!(calendar.status(), StatusCode::OK);
    assert!(calendar
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/calendar")));
    let text = calendar.text().await.unwrap_or_default();
    let parsed: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("{e}: {text}"));
    let event = parsed
        .components
        .iter()
        .find_map(icalendar::CalendarComponent::as_event)
        .unwrap_or_else(|| panic!("no event: {text}"));
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
    let instant = |at: Option<DatePerhapsTime>| match at {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at.timestamp(),
        other => panic!("not an instant in UTC: {other:?}"),
    };
    assert_eq!(instant(event.get_start()), time.start);
    assert_eq!(instant(event.get_end()), time.start + 30 * 60);
    assert!(event.get_summary().is_some_and(|s| s.contains("Follow-up")));
    // Nothing the patient typed is in it.
    assert!(!text.contains("Ana") && !text.contains("555-0142"));

    // An unknown link is a plain 404, for the page and the file.
    let unknown = format!("/book/manage/{}", "0".repeat(64));
    assert_eq!(app.get(&unknown).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("{unknown}/calendar.ics")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_booking_pages_speak_spanish_under_their_own_address() {
    let app = spawn_app().await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let page = app.page("/es/reservar").await;
    page.assert_status(StatusCode::OK);
    assert_eq!(
        page.text("#booking-step-current"),
        "1. ¿Qué desea reservar?"
    );
    assert!(page.text("main").contains("Visita de seguimiento"));
    let day = a_wednesday_ahead();
    let times = app
        .page(&format!("/es/reservar?type={kind}&with=any&day={day}"))
        .await;
    let labels = times.attrs(".booking-times a", "aria-label");
    assert!(
        labels.iter().all(|l| l.contains(" minutos, con ")),
        "{labels:?}"
    );
}
