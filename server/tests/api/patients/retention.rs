//! Closed and spam requests are deleted after the retention period, with
//! their notes and e-mail records; the purge is audited by counts only.

use crate::staff::admin::a_request;
use crate::support::helpers::spawn_app;
use app::domain::staff::Role;
use app::server::content::{now_utc, Timestamp};
use app::server::requests::retention::purge;

const DAY: i64 = 24 * 60 * 60;

#[tokio::test]
async fn closed_and_spam_requests_are_deleted_after_the_retention_period_and_nothing_else() {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let closed = a_request(&app).await;
    let spam = a_request(&app).await;
    let open = a_request(&app).await;
    for (reference, status) in [(&closed, "closed"), (&spam, "spam"), (&open, "contacted")] {
        let form = [("reference", reference.as_str()), ("status", status)];
        let response = app.call(&front.client, "admin/request_status", &form).await;
        assert!(response.status().is_success(), "{status}");
    }
    let form = [
        ("reference", closed.as_str()),
        ("body", "Called back, all done."),
    ];
    let response = app.call(&front.client, "admin/request_note", &form).await;
    assert!(response.status().is_success());
    let count = |table: &str| format!("SELECT COUNT(*) FROM {table}");

    // A day before the period ends, nothing goes.
    let now = now_utc();
    let almost = Timestamp::from_unix(now.unix() + 364 * DAY);
    let purged = purge(&app.store, &almost, 365)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(purged.requests, 0);
    assert_eq!(app.count(&count("consultations")).await, 3);

    // After it, the closed and the spam request go, with their notes and
    // e-mail records; the one still being handled stays.
    let later = Timestamp::from_unix(now.unix() + 366 * DAY);
    let purged = purge(&app.store, &later, 365)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((purged.requests, purged.notes), (2, 1));
    assert_eq!(app.count(&count("consultations")).await, 1);
    assert_eq!(app.count(&count("consultation_notes")).await, 0);
    let remaining: String =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT reference FROM consultations")
        .fetch_one(c).await)
        .unwrap_or_default();
    assert_eq!(remaining, open);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE consultation_id NOT IN (SELECT id FROM consultations)")
            .await,
        0
    );

    // The audit log says how many, never whose.
    let (action, subject): (String, String) = app::on_pool!(&app.store, c => sqlx::query_as(
        "SELECT action, subject FROM audit_log WHERE staff_id IS NULL ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(c).await)
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(action, "request.purge");
    assert!(subject.starts_with("2 requests, 1 notes"), "{subject}");
    for patient_value in [
        "Ana",
        "Lima",
        "Lower back pain",
        "Called back",
        &closed,
        &spam,
    ] {
        assert!(!subject.contains(patient_value), "{subject}");
    }
}

#[tokio::test]
async fn staff_see_when_a_closed_request_will_be_deleted() {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let reference = a_request(&app).await;
    let open = detail(&app, &front.client, &reference).await;
    assert_eq!(open.deleted_on, None, "a request being handled is kept");
    let form = [("reference", reference.as_str()), ("status", "closed")];
    app.call(&front.client, "admin/request_status", &form).await;
    let closed = detail(&app, &front.client, &reference).await;
    let expected = Timestamp::from_unix(now_utc().unix() + 365 * DAY).label();
    assert_eq!(closed.deleted_on, Some(expected));
}

async fn detail(
    app: &crate::support::helpers::TestApp,
    client: &reqwest::Client,
    reference: &str,
) -> app::domain::request::RequestDetail {
    let response = app
        .call(client, "admin/request", &[("reference", reference)])
        .await;
    response.json().await.unwrap_or_else(|e| panic!("{e}"))
}

/// Past appointments' details are deleted `APPOINTMENT_RETENTION_DAYS`
/// after they ended (their e-mail records too); the purge is audited by
/// counts.
#[tokio::test]
async fn appointments_are_deleted_a_retention_period_after_they_ended() {
    use crate::patients::booking::{a_wednesday_ahead, book, booking, free_times, type_id};
    use app::server::requests::retention::purge_appointments;
    let app = spawn_app().await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let time = free_times(&app, kind, a_wednesday_ahead()).await[0].clone();
    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(kind, time.start, &token),
    )
    .await;
    assert!(answer.status().is_success());
    let ends = time.start + 30 * 60;
    let at = |seconds: i64| Timestamp::from_unix(seconds);

    let kept = purge_appointments(&app.store, &at(ends + 365 * DAY - 60), 365)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM appointments").await, 1);

    let purged = purge_appointments(&app.store, &at(ends + 365 * DAY + 60), 365)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(purged, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM appointments").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications WHERE appointment_id IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment.purge'")
            .await,
        1
    );
}
