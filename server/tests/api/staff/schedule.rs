//! The front desk's schedule under /admin/schedule, through its server
//! functions as the admin page calls them: who may read and change it,
//! confirming a request for a time, booking for a caller within and
//! outside the rules, and a caller's booking racing a patient's.

use crate::patients::booking::{a_wednesday_ahead, book, booking, free_times, type_id};
use crate::patients::booking_changes::{read, with_mail};
use crate::support::helpers::{decoded, spawn_app, TestApp};
use crate::support::smtp_sink::SmtpSink;
use app::api::booking::BookingConfirmed;
use app::domain::schedule::{AppointmentStatus, DeskBooked, SchedulePage};
use app::domain::staff::Role;
use reqwest::StatusCode;

async fn schedule_of(app: &TestApp, client: &reqwest::Client, date: &str) -> SchedulePage {
    let response = app
        .call(client, "admin/schedule", &[("view", "day"), ("date", date)])
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap_or_else(|e| panic!("{e}"))
}

/// A caller's booking as the page's form sends it.
fn desk_form(
    kind: &str,
    practitioner: &str,
    date: &str,
    time: &str,
    outside: bool,
) -> Vec<(&'static str, String)> {
    let mut form = vec![
        ("booking[type_id]", kind.to_owned()),
        ("booking[practitioner]", practitioner.to_owned()),
        ("booking[date]", date.to_owned()),
        ("booking[time]", time.to_owned()),
        ("booking[details][name]", "Rosa Díaz".to_owned()),
        ("booking[details][phone]", "(732) 555-0199".to_owned()),
        ("booking[details][email]", String::new()),
        ("booking[details][patient]", "new".to_owned()),
        ("booking[details][message]", String::new()),
    ];
    if outside {
        form.push(("booking[outside_rules]", "true".to_owned()));
    }
    form
}

async fn desk_book(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call(client, "admin/desk_book", &form).await
}

#[tokio::test]
async fn the_front_desk_confirms_a_request_for_a_time_and_the_patient_is_emailed() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let kind = type_id(&app, "scoliosis-treatments", "Scoliosis assessment").await;
    let day = a_wednesday_ahead();
    let time = free_times(&app, kind, day).await[0].clone();
    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(kind, time.start, &token),
    )
    .await;
    let asked: BookingConfirmed = decoded(answer).await;
    assert!(asked.requested, "a request-mode type waits for the desk");
    // Not yet holding its time: still offered to others.
    assert!(free_times(&app, kind, day)
        .await
        .iter()
        .any(|t| t.start == time.start));

    let front = app.staff(Role::FrontDesk).await;
    let page = schedule_of(&app, &front.client, &day.to_string()).await;
    let waiting = page
        .waiting
        .iter()
        .find(|a| a.reference == asked.reference)
        .unwrap_or_else(|| panic!("{page:#?}"));
    assert_eq!(waiting.status, AppointmentStatus::Requested);
    assert_eq!(waiting.name, "Ana Lima");
    assert_eq!(waiting.phone, "(732) 555-0142");
    assert_eq!(page.days[0].appointments.len(), 1);
    // Reading patients' details is audited.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.list'")
            .await,
        1
    );

    // Editors see none of it; strangers are asked to sign in.
    let editor = app.staff(Role::Editor).await;
    let reference = asked.reference.as_str();
    let confirm = [("reference", reference), ("status", "booked")];
    for (client, status) in [
        (&editor.client, StatusCode::FORBIDDEN),
        (&app.browser(), StatusCode::UNAUTHORIZED),
    ] {
        let day = day.to_string();
        let read = app
            .call(client, "admin/schedule", &[("date", day.as_str())])
            .await;
        assert_eq!(read.status(), status);
        assert_eq!(
            app.call(client, "admin/appointment_status", &confirm)
                .await
                .status(),
            status
        );
        let form = desk_form("1", "1", &day, "09:00", false);
        assert_eq!(desk_book(&app, client, &form).await.status(), status);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM appointments WHERE status = 'requested'")
            .await,
        1
    );

    let confirmed = app
        .call(&front.client, "admin/appointment_status", &confirm)
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    // Confirmed, it holds its time, gets a reminder, and the patient hears.
    assert!(!free_times(&app, kind, day)
        .await
        .iter()
        .any(|t| t.start == time.start));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE kind = 'reminder' AND sent_at IS NULL")
            .await,
        1
    );
    let sent = sink.wait_for(3).await;
    let patient = sent
        .iter()
        .map(|m| read(m))
        .find(|m| m.subject.starts_with("Your appointment is confirmed"))
        .unwrap_or_else(|| panic!("{sent:#?}"));
    assert_eq!(patient.to, "ana@example.com");
    assert!(patient.calendar.is_some());
    // A request is confirmed once: a second time says why not.
    let again = app
        .call(&front.client, "admin/appointment_status", &confirm)
        .await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_front_desk_books_a_caller_within_the_rules_or_knowingly_outside_them_never_over_another(
) {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await.to_string();
    let day = a_wednesday_ahead().to_string();
    let call = |form: Vec<(&'static str, String)>| {
        let (app, client) = (&app, front.client.clone());
        async move { desk_book(app, &client, &form).await }
    };

    let within = call(desk_form(&kind, "1", &day, "10:00", false)).await;
    assert_eq!(within.status(), StatusCode::OK);
    let booked: DeskBooked = within.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(booked.overridden.is_none());
    // The patients' free times lose it at once.
    let starts = free_times(&app, kind.parse().unwrap_or(0), a_wednesday_ahead()).await;
    assert!(!starts
        .iter()
        .any(|t| t.clock == "10:00 AM" && t.practitioner == 1));

    // 12:15 is in the lunch break: refused unless the box is ticked.
    let lunch = call(desk_form(&kind, "1", &day, "12:15", false)).await;
    assert_eq!(lunch.status(), StatusCode::BAD_REQUEST);
    let said = lunch.text().await.unwrap_or_default();
    assert!(
        said.contains("outside") && said.contains("Book outside the usual rules"),
        "{said}"
    );
    let lunch = call(desk_form(&kind, "1", &day, "12:15", true)).await;
    assert_eq!(lunch.status(), StatusCode::OK);
    let booked: DeskBooked = lunch.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(booked
        .overridden
        .is_some_and(|o| o.contains("outside the usual rules")));

    // Never over another appointment, box or not (10:15 meets 10:00's visit).
    let over = call(desk_form(&kind, "1", &day, "10:15", true)).await;
    assert_eq!(over.status(), StatusCode::BAD_REQUEST);
    assert!(over
        .text()
        .await
        .unwrap_or_default()
        .contains("Another appointment holds"));
    // The caller's details follow the form's rules.
    let mut bad = desk_form(&kind, "1", &day, "14:00", false);
    bad.retain(|(k, _)| *k != "booking[details][phone]");
    bad.push(("booking[details][phone]", "12".into()));
    let refused = call(bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The day view shows both, by time, the caller's name read back.
    let page = schedule_of(&app, &front.client, &day).await;
    let shown: Vec<(&str, bool)> = page.days[0]
        .appointments
        .iter()
        .map(|a| (a.name.as_str(), a.online))
        .collect();
    assert_eq!(shown, [("Rosa Díaz", false), ("Rosa Díaz", false)]);
    assert_eq!(page.days[0].appointments[0].time, "10:00 AM – 10:30 AM EST");
}

/// A patient online and the front desk on the phone go for one time at
/// once, at seven times of one day: each is booked exactly once.
#[tokio::test]
async fn a_patient_and_the_front_desk_racing_for_one_time_book_it_once() {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    let times: Vec<_> = free_times(&app, kind, day)
        .await
        .into_iter()
        .filter(|t| t.practitioner == 1)
        // An hour apart: a visit and its buffer never reach the next.
        .step_by(4)
        .collect();
    let date = day.to_string();
    let kind_text = kind.to_string();
    for time in &times {
        let clock = jiff::Timestamp::from_second(time.start)
            .unwrap_or_else(|e| panic!("{e}"))
            .to_zoned_datetime(
                jiff::tz::TimeZone::get("America/New_York").unwrap_or_else(|e| panic!("{e}")),
            )
            .strftime("%H:%M")
            .to_string();
        let token = app.form_token().await;
        let mut body = booking(kind, time.start, &token);
        body["practitioner"] = serde_json::json!(1);
        let form = desk_form(&kind_text, "1", &date, &clock, true);
        let base = app.url("");
        let (patient, desk) = tokio::join!(
            book(&app.client, &base, &body),
            desk_book(&app, &front.client, &form)
        );
        let won = [patient.status(), desk.status()]
            .iter()
            .filter(|s| **s == StatusCode::OK)
            .count();
        assert_eq!(
            won,
            1,
            "{clock}: {} and {}",
            patient.status(),
            desk.status()
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM appointments").await,
        i64::try_from(times.len()).unwrap_or(0)
    );
}

/// A consultation request answered by booking its caller is marked
/// scheduled (its page links to the schedule with the request filled in).
#[tokio::test]
async fn booking_a_consultation_requests_caller_marks_it_scheduled() {
    let app = spawn_app().await;
    let reference = crate::staff::admin::a_request(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let kind = type_id(&app, "acupuncture", "Acupuncture session")
        .await
        .to_string();
    let day = a_wednesday_ahead().to_string();
    let mut form = desk_form(&kind, "1", &day, "11:00", true);
    form.push(("booking[request]", reference.clone()));
    let booked = desk_book(&app, &front.client, &form).await;
    assert_eq!(
        booked.status(),
        StatusCode::OK,
        "{}",
        booked.text().await.unwrap_or_default()
    );
    let request = app.read_request(&front.client, &reference).await;
    assert_eq!(request["status"], "Scheduled", "{request}");
}

/// A move as the schedule's form sends it.
fn move_form<'a>(
    reference: &'a str,
    practitioner: &'a str,
    date: &'a str,
    time: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("moving[reference]", reference),
        ("moving[practitioner]", practitioner),
        ("moving[date]", date),
        ("moving[time]", time),
    ]
}

#[tokio::test]
async fn the_front_desk_moves_a_patients_appointment_by_the_same_rules_and_the_patient_hears() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    let times = free_times(&app, kind, day).await;
    let first = times[0].clone();
    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(kind, first.start, &token),
    )
    .await;
    let booked: BookingConfirmed = decoded(answer).await;
    let reference = booked.reference.to_string();
    sink.wait_for(2).await;
    let front = app.staff(Role::FrontDesk).await;
    let date = day.to_string();

    // Into the lunch break: refused unless the desk says so knowingly.
    let lunch = app
        .call(
            &front.client,
            "admin/desk_move",
            &move_form(&reference, "1", &date, "12:15"),
        )
        .await;
    assert_eq!(lunch.status(), StatusCode::BAD_REQUEST);
    assert!(lunch.text().await.unwrap_or_default().contains("outside"));
    // Within the rules, to 15:00: the old time is free again, the new one taken.
    let moved = app
        .call(
            &front.client,
            "admin/desk_move",
            &move_form(&reference, "1", &date, "15:00"),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let overridden: Option<String> = moved.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(overridden.is_none());
    let offered = free_times(&app, kind, day).await;
    assert!(
        offered.iter().any(|t| t.start == first.start),
        "the old time is free"
    );
    assert!(!offered
        .iter()
        .any(|t| t.clock == "3:00 PM" && t.practitioner == 1));
    let page = schedule_of(&app, &front.client, &date).await;
    let shown = &page.days[0].appointments[0];
    assert_eq!(
        (shown.clock.as_str(), shown.time.as_str()),
        ("15:00", "3:00 PM – 3:30 PM EST")
    );
    // The patient is e-mailed the new time, with a calendar file for it.
    let sent = sink.wait_for(3).await;
    let patient = sent
        .iter()
        .map(|m| read(m))
        .find(|m| m.subject.starts_with("Your appointment has a new time"))
        .unwrap_or_else(|| panic!("{sent:#?}"));
    let calendar = patient.calendar.unwrap_or_default();
    let start = crate::patients::booking_changes::start_of(&calendar);
    assert_eq!(start, shown.start);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.move'")
            .await,
        1
    );

    // Never over another appointment; an unknown reference is a 404; the
    // time skipped by daylight saving is named; editors may not move.
    let other = desk_book(
        &app,
        &front.client,
        &desk_form(&kind.to_string(), "1", &date, "10:00", false),
    )
    .await;
    assert_eq!(other.status(), StatusCode::OK);
    let over = app
        .call(&front.client, "admin/desk_move", &{
            let mut over = move_form(&reference, "1", &date, "10:15");
            over.push(("moving[outside_rules]", "true"));
            over
        })
        .await;
    assert_eq!(over.status(), StatusCode::BAD_REQUEST);
    assert!(over
        .text()
        .await
        .unwrap_or_default()
        .contains("Another appointment holds"));
    let unknown = app
        .call(
            &front.client,
            "admin/desk_move",
            &move_form("AP-0000-0000", "1", &date, "11:00"),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let editor = app.staff(Role::Editor).await;
    let refused = app
        .call(
            &editor.client,
            "admin/desk_move",
            &move_form(&reference, "1", &date, "11:00"),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // A cancelled appointment stays where it is.
    let cancel = [("reference", reference.as_str()), ("status", "cancelled")];
    let cancelled = app
        .call(&front.client, "admin/appointment_status", &cancel)
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    let late = app
        .call(
            &front.client,
            "admin/desk_move",
            &move_form(&reference, "1", &date, "11:00"),
        )
        .await;
    assert_eq!(late.status(), StatusCode::BAD_REQUEST);
}
