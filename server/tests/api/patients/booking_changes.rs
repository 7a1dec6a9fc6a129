//! After a booking: its e-mails (to a real SMTP server in the test), the
//! patient's link moving and cancelling it until the cutoff, and the
//! reminder, due once and never for an appointment no longer booked.

use super::booking::{a_wednesday_ahead, book, booking, free_times, type_id};
use crate::support::helpers::{decoded, spawn_with, TestApp};
use crate::support::request_helpers::redirect_target;
use crate::support::smtp_sink::SmtpSink;
use app::api::booking::BookingConfirmed;
use app::domain::booking::FreeTimeView;
use mail_parser::MimeHeaders;
use reqwest::StatusCode;
use server::config::Config;

/// The site with e-mail going to `sink`, staff at the front desk's address.
pub async fn with_mail(sink: &SmtpSink) -> TestApp {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
    config.staff_email = vec!["frontdesk@clinic.example".into()];
    config.public_url = Some("https://clinic.example".into());
    spawn_with(dir, config).await
}

/// An e-mail as a mail program reads it.
#[derive(Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// The attached calendar file, if any.
    pub calendar: Option<String>,
}

pub fn read(raw: &str) -> Mail {
    let message = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .unwrap_or_else(|| panic!("not an e-mail: {raw}"));
    let calendar = message
        .attachments()
        .find(|part| {
            part.attachment_name()
                .is_some_and(|name| name.ends_with(".ics"))
        })
        .map(|part| String::from_utf8_lossy(part.contents()).into_owned());
    Mail {
        to: message
            .to()
            .and_then(|to| to.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned(),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message.body_text(0).unwrap_or_default().into_owned(),
        calendar,
    }
}

/// The e-mails `sink` has once `count` arrived, read.
async fn mails(sink: &SmtpSink, count: usize) -> Vec<Mail> {
    sink.wait_for(count).await.iter().map(|m| read(m)).collect()
}

/// The first Follow-up time on a Wednesday ahead, booked online; its
/// confirmation and the rest of that day's free times.
async fn booked(app: &TestApp) -> (BookingConfirmed, FreeTimeView, Vec<FreeTimeView>) {
    let kind = type_id(app, "chiropractic", "Follow-up").await;
    let offered = free_times(app, kind, a_wednesday_ahead()).await;
    let time = offered[0].clone();
    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(kind, time.start, &token),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    (decoded(answer).await, time, offered)
}

/// The instant of a calendar file's only event, as a calendar reads it.
pub fn start_of(calendar: &str) -> i64 {
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
    let parsed: icalendar::Calendar = calendar
        .parse()
        .unwrap_or_else(|e| panic!("{e}: {calendar}"));
    let event = parsed
        .components
        .iter()
        .find_map(icalendar::CalendarComponent::as_event)
        .unwrap_or_else(|| panic!("no event: {calendar}"));
    match event.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at.timestamp(),
        other => panic!("not an instant in UTC: {other:?}"),
    }
}

async fn post(app: &TestApp, path: &str, form: &[(&str, String)]) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

#[tokio::test]
async fn a_booking_emails_the_patient_its_time_calendar_and_link_and_staff_only_its_reference() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let (confirmed, time, _) = booked(&app).await;
    let reference = confirmed.reference.as_str().to_owned();
    let link = confirmed.manage_path.unwrap_or_default();

    let sent = mails(&sink, 2).await;
    let patient = sent
        .iter()
        .find(|m| m.to == "ana@example.com")
        .unwrap_or_else(|| panic!("{sent:#?}"));
    let staff = sent
        .iter()
        .find(|m| m.to == "frontdesk@clinic.example")
        .unwrap_or_else(|| panic!("{sent:#?}"));

    // The patient's: the time as the page said it, the reference, the link
    // and a calendar file of the same instant.
    assert!(patient.subject.contains(&time.label), "{patient:#?}");
    assert!(patient.text.contains(&time.label), "{patient:#?}");
    assert!(patient.text.contains(&reference), "{patient:#?}");
    assert!(
        patient
            .text
            .contains(&format!("https://clinic.example{link}")),
        "{patient:#?}"
    );
    let calendar = patient
        .calendar
        .as_deref()
        .unwrap_or_else(|| panic!("no .ics: {patient:#?}"));
    assert_eq!(start_of(calendar), time.start);
    // The link in the e-mail opens the appointment.
    let page = app.page(&link).await;
    page.assert_status(StatusCode::OK);
    assert_eq!(page.text("h1"), "You're booked");

    // The staff's: the reference and the schedule, nothing about the patient.
    assert!(staff.text.contains(&reference), "{staff:#?}");
    assert!(
        staff.text.contains("https://clinic.example/admin/schedule"),
        "{staff:#?}"
    );
    for field in [
        "Ana",
        "Lima",
        "555-0142",
        "7325550142",
        "ana@example.com",
        "Lower back pain",
        "returning",
    ] {
        assert!(
            !staff.text.contains(field) && !staff.subject.contains(field),
            "the staff e-mail has the patient's {field:?}: {staff:#?}"
        );
    }
    // Nor does the patient's say what they typed: it may be read by others.
    for field in ["Lima", "555-0142", "Lower back pain"] {
        assert!(!patient.text.contains(field), "{field:?}: {patient:#?}");
    }

    // Its reminder is queued for 24 hours before, to be sent once.
    let due = time.start - 24 * 3600;
    let stored = app::server::content::Timestamp::from_unix(due).to_stored();
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE kind = 'reminder' AND next_attempt_at = '{stored}'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn the_patient_moves_then_cancels_through_their_link_and_is_emailed_each_time() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let (confirmed, time, offered) = booked(&app).await;
    let link = confirmed.manage_path.unwrap_or_default();
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    mails(&sink, 2).await;

    let page = app.page(&link).await;
    assert_eq!(page.text("#manage-change"), "Change this appointment");
    // The move step offers the day's times as buttons that say it all.
    let moving = app
        .page(&format!("{link}?step=move&day={}", time.date))
        .await;
    moving.assert_status(StatusCode::OK);
    let labels = moving.attrs(".booking-times button", "aria-label");
    let later = offered.last().unwrap_or_else(|| panic!("no times"));
    assert!(labels.contains(&later.label), "{labels:?}");

    let answer = post(
        &app,
        &format!("{link}/move"),
        &[("start", later.start.to_string())],
    )
    .await;
    assert_eq!(redirect_target(&answer), format!("{link}?done=moved"));
    let page = app.page(&format!("{link}?done=moved")).await;
    assert_eq!(page.text(".booking-when"), later.label);
    assert!(page.text("[role=status]").contains("new time"));
    // The first time is free again; the new one is not.
    let starts: Vec<i64> = free_times(&app, kind, a_wednesday_ahead())
        .await
        .iter()
        .map(|t| t.start)
        .collect();
    assert!(starts.contains(&time.start) && !starts.contains(&later.start));
    // The reminder moved with it.
    let due = app::server::content::Timestamp::from_unix(later.start - 24 * 3600).to_stored();
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM notifications WHERE kind = 'reminder' AND sent_at IS NULL AND next_attempt_at = '{due}'"
        ))
        .await,
        1
    );
    let moved = mails(&sink, 4).await;
    let moved = moved
        .iter()
        .find(|m| m.subject.starts_with("Your appointment has a new time"))
        .unwrap_or_else(|| panic!("{moved:#?}"));
    assert_eq!(
        start_of(moved.calendar.as_deref().unwrap_or_default()),
        later.start
    );

    // A time someone else holds is refused, and nothing changes.
    let answer = post(
        &app,
        &format!("{link}/move"),
        &[("start", (later.start + 60).to_string())],
    )
    .await;
    assert_eq!(
        redirect_target(&answer),
        format!("{link}?step=move&done=taken")
    );

    let answer = post(&app, &format!("{link}/cancel"), &[]).await;
    assert_eq!(redirect_target(&answer), format!("{link}?done=cancelled"));
    let page = app.page(&link).await;
    assert_eq!(page.text("h1"), "Your appointment is cancelled");
    assert!(
        page.texts("form").is_empty(),
        "a cancelled appointment has no forms"
    );
    let starts: Vec<i64> = free_times(&app, kind, a_wednesday_ahead())
        .await
        .iter()
        .map(|t| t.start)
        .collect();
    assert!(starts.contains(&later.start));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE kind = 'reminder' AND sent_at IS NULL")
            .await,
        0,
        "a cancelled appointment keeps no reminder"
    );
    let sent = mails(&sink, 6).await;
    assert!(sent.iter().any(
        |m| m.to == "ana@example.com" && m.subject.starts_with("Your appointment is cancelled")
    ));
    // Once cancelled, it cannot be moved back.
    let answer = post(
        &app,
        &format!("{link}/move"),
        &[("start", time.start.to_string())],
    )
    .await;
    assert_eq!(redirect_target(&answer), format!("{link}?done=late"));
}

#[tokio::test]
async fn after_the_cutoff_the_link_says_to_call_and_changes_nothing() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let (confirmed, _, _) = booked(&app).await;
    let link = confirmed.manage_path.unwrap_or_default();
    // The clinic closes online changes 30 days ahead: this one is past it.
    app.execute("UPDATE booking_rules SET cancel_cutoff_hours = 720")
        .await;
    let page = app.page(&link).await;
    assert!(page.texts("#manage-change").is_empty());
    let text = page.text("main");
    assert!(
        text.contains("720 hours before") && text.contains("(732) 345-1377"),
        "{text}"
    );
    let answer = post(&app, &format!("{link}/cancel"), &[]).await;
    assert_eq!(redirect_target(&answer), format!("{link}?done=late"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM appointments WHERE status = 'booked'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_reminder_goes_once_and_never_for_an_appointment_no_longer_booked() {
    let sink = SmtpSink::start().await;
    let app = with_mail(&sink).await;
    let (kept, _, _) = booked(&app).await;
    let (dropped, _, _) = booked(&app).await;
    mails(&sink, 4).await;
    // The front desk marks one cancelled as the reminders come due (its
    // reminder row left in place, as a change racing the queue would).
    app.execute(&format!(
        "UPDATE appointments SET status = 'cancelled' WHERE reference = '{}'",
        dropped.reference.as_str()
    ))
    .await;
    let now = app::server::content::Timestamp::from_unix(jiff::Timestamp::now().as_second() - 1)
        .to_stored();
    assert_eq!(
        app.execute(&format!(
            "UPDATE notifications SET next_attempt_at = '{now}' WHERE kind = 'reminder'"
        ))
        .await,
        2
    );
    crate::support::helpers::after_passes(&app.workers.mail, 2).await;
    let sent = mails(&sink, 5).await;
    let reminders: Vec<&Mail> = sent
        .iter()
        .filter(|m| m.subject.starts_with("Reminder"))
        .collect();
    assert_eq!(reminders.len(), 1, "{reminders:#?}");
    assert!(reminders[0].text.contains(kept.reference.as_str()));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE kind = 'reminder' AND sent_at IS NULL")
            .await,
        0
    );
}
