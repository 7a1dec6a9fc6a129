//! Online booking through its public server functions, as a page (or
//! anyone else) calls them: free times, a booking, the same form sent
//! again, and a crowd at one time that books it exactly once.

use crate::support::helpers::{api_error, decoded, spawn_app, spawn_with, TestApp};
use app::api::booking::BookingConfirmed;
use app::api::ApiError;
use app::domain::booking::FreeTimeView;
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use reqwest::StatusCode;
use serde_json::json;

/// A Wednesday at least three days from now in the clinic's zone: a
/// working day of the seeded schedule, past the notice.
pub fn a_wednesday_ahead() -> Date {
    let zone = jiff::tz::TimeZone::get("America/New_York").unwrap_or_else(|e| panic!("{e}"));
    let mut day = jiff::Timestamp::now()
        .to_zoned_datetime(zone)
        .date()
        .saturating_add(3.days());
    while day.weekday() != Weekday::Wednesday {
        day = day.tomorrow().unwrap_or_else(|e| panic!("{e}"));
    }
    day
}

/// The seeded type of `service` called `name`.
pub async fn type_id(app: &TestApp, service: &str, name: &str) -> i64 {
    app.count(&format!(
        "SELECT t.id FROM appointment_types t JOIN services s ON s.id = t.service_id
         WHERE s.slug = '{service}' AND t.name = '{name}'"
    ))
    .await
}

pub async fn free_times(app: &TestApp, type_id: i64, day: Date) -> Vec<FreeTimeView> {
    let response = app
        .get(&format!("/api/booking_times?type_id={type_id}&day={day}"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    decoded(response).await
}

pub fn booking(type_id: i64, start: i64, token: &str) -> serde_json::Value {
    json!({
        "type_id": type_id,
        "start": start,
        "details": {
            "name": "Ana Lima", "phone": "(732) 555-0142", "email": "ana@example.com",
            "patient": "returning", "message": "Lower back pain since spring.", "consent": "yes"
        },
        "token": token,
    })
}

pub async fn book(
    client: &reqwest::Client,
    base: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    client
        .post(format!("{base}/api/book"))
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_patient_books_a_free_time_and_it_is_no_longer_offered() {
    let app = spawn_app().await;
    let follow_up = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    let offered = free_times(&app, follow_up, day).await;
    // 9:00 to 12:00 and 13:00 to 17:00, every quarter hour, for 30 minutes
    // and 5 after: 9:00..11:30 and 13:00..16:30.
    assert_eq!(offered.len(), 11 + 15, "{offered:#?}");
    let first = &offered[0];
    assert!(
        first.label.contains("9:00 AM E")
            && first
                .label
                .contains("30 minutes, with Placeholder practitioner 1"),
        "{}",
        first.label
    );

    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(follow_up, first.start, &token),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    let confirmed: BookingConfirmed = decoded(answer).await;
    assert!(confirmed.reference.as_str().starts_with("AP-"));
    assert!(!confirmed.requested);
    let manage = confirmed.manage_path.unwrap_or_default();
    // The link's secret: 256 bits, not the patient's name or the reference.
    let secret = manage.rsplit('/').next().unwrap_or_default();
    assert_eq!(secret.len(), 64, "{manage}");
    assert!(!manage.contains(confirmed.reference.as_str()));

    // The time and what its buffer touches are gone; 9:45 is free again.
    let now_offered = free_times(&app, follow_up, day).await;
    let starts: Vec<i64> = now_offered.iter().map(|t| t.start).collect();
    for taken in [0, 15, 30] {
        assert!(
            !starts.contains(&(first.start + taken * 60)),
            "+{taken} min"
        );
    }
    assert!(starts.contains(&(first.start + 45 * 60)));

    // The same form sent again books nothing more and answers the same.
    let again = book(
        &app.client,
        &app.url(""),
        &booking(follow_up, first.start, &token),
    )
    .await;
    assert_eq!(again.status(), StatusCode::OK);
    let repeated: BookingConfirmed = decoded(again).await;
    assert_eq!(repeated.reference, confirmed.reference);
    assert_eq!(app.count("SELECT COUNT(*) FROM appointments").await, 1);

    // What the patient typed is sealed at rest.
    let stored: Vec<u8> = app::on_pool!(&app.store, c => sqlx::query_scalar(
        "SELECT name FROM appointments WHERE reference = $1")
        .bind(confirmed.reference.as_str())
        .fetch_one(c).await)
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!String::from_utf8_lossy(&stored).contains("Ana"));
}

#[tokio::test]
async fn a_booking_says_what_is_wrong_and_refuses_a_time_not_offered() {
    let app = spawn_app().await;
    let follow_up = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    let offered = free_times(&app, follow_up, day).await;
    let token = app.form_token().await;

    let mut no_email = booking(follow_up, offered[0].start, &token);
    no_email["details"]["email"] = json!("");
    let answer = book(&app.client, &app.url(""), &no_email).await;
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
    match api_error(answer).await {
        ApiError::Invalid(errors) => assert!(
            errors.get(app::domain::request::Field::Email).is_some(),
            "{errors:?}"
        ),
        other => panic!("{other:?}"),
    }

    // Lunch is not offered: the nearest free times are.
    let lunch = offered[0].start + 3 * 3600 + 1800;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(follow_up, lunch, &token),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::CONFLICT);
    match api_error(answer).await {
        ApiError::TimeTaken(nearest) => {
            assert!(!nearest.is_empty());
            assert!(nearest.iter().all(|t| t.start != lunch));
        }
        other => panic!("{other:?}"),
    }
    let forged = book(
        &app.client,
        &app.url(""),
        &booking(follow_up, offered[0].start, "forged"),
    )
    .await;
    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);
    let unknown = book(
        &app.client,
        &app.url(""),
        &booking(999_999, offered[0].start, &token),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT COUNT(*) FROM appointments").await, 0);
}

/// `attempts` patients, each with a form of their own, ask for the same
/// time at once through `servers` in turn: exactly one is booked, every
/// other is told it was taken and offered other times.
pub async fn a_crowd_at_one_time(servers: &[&TestApp], attempts: usize) {
    let first = servers[0];
    let follow_up = type_id(first, "chiropractic", "Follow-up").await;
    let offered = free_times(first, follow_up, a_wednesday_ahead()).await;
    let start = offered[3].start;
    let mut tokens = Vec::new();
    for _ in 0..attempts {
        tokens.push(first.form_token().await);
    }
    let sends = tokens.iter().enumerate().map(|(n, token)| {
        let server = servers[n % servers.len()];
        let (client, base) = (reqwest::Client::new(), server.url(""));
        let body = booking(follow_up, start, token);
        async move {
            let answer = book(&client, &base, &body).await;
            let status = answer.status();
            let bytes = answer.bytes().await.unwrap_or_default();
            (status, bytes)
        }
    });
    let answers = futures_util::future::join_all(sends).await;
    let booked = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(
        booked,
        1,
        "{:?}",
        answers.iter().map(|(s, _)| *s).collect::<Vec<_>>()
    );
    for (status, bytes) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
        assert_eq!(*status, StatusCode::CONFLICT);
        match postcard::from_bytes::<ApiError>(bytes) {
            Ok(ApiError::TimeTaken(nearest)) => {
                assert!(!nearest.is_empty() && nearest.iter().all(|t| t.start != start));
            }
            other => panic!("{other:?}"),
        }
    }
    let holding = first
        .count(&format!(
            "SELECT COUNT(*) FROM appointments WHERE starts_at = {start} AND status = 'booked'"
        ))
        .await;
    assert_eq!(holding, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_patients_at_one_time_on_sqlite_book_it_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = server::config::Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.rate_limit = (1000, std::time::Duration::from_secs(60));
    let app = spawn_with(dir, config).await;
    a_crowd_at_one_time(&[&app], 50).await;
}

/// Whatever writes it (a future staff screen, a script, a bug), the
/// database refuses a second appointment that holds overlapping time with
/// the same practitioner: PostgreSQL's exclusion constraint, SQLite's
/// triggers. A requested one holds nothing until it is confirmed.
#[tokio::test]
async fn the_database_itself_refuses_an_overlapping_appointment() {
    let app = spawn_app().await;
    let follow_up = type_id(&app, "chiropractic", "Follow-up").await;
    let offered = free_times(&app, follow_up, a_wednesday_ahead()).await;
    let start = offered[0].start;
    let token = app.form_token().await;
    let answer = book(
        &app.client,
        &app.url(""),
        &booking(follow_up, start, &token),
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    let practitioner = offered[0].practitioner;
    let insert = |reference: &'static str, status: &'static str, from: i64| {
        let store = app.store.clone();
        async move {
            app::on_pool!(&store, c => sqlx::query(
                "INSERT INTO appointments (reference, practitioner_id, type_id, starts_at, ends_at,
                   held_from, held_until, status, patient, locale, name, phone, email, message,
                   manage_token_hash, created_at)
                 VALUES ($1, $2, $3, $4, $5, $4, $5, $6, 'new', 'en', $7, $7, $7, $7, $1, 'now')")
                .bind(reference)
                .bind(practitioner)
                .bind(follow_up)
                .bind(from)
                .bind(from + 1800)
                .bind(status)
                .bind(vec![0_u8])
                .execute(c).await.map(|done| done.rows_affected()))
        }
    };
    // Ten minutes into the booked half hour.
    let overlapping = insert("AP-2222-2222", "booked", start + 600).await;
    assert!(overlapping.is_err(), "an overlap was stored");
    // Asked for, not confirmed: it holds nothing, so it may be stored…
    assert!(insert("AP-3333-3333", "requested", start + 600)
        .await
        .is_ok());
    // …but confirming it is refused while the time is held.
    let confirmed = app::on_pool!(&app.store, c => sqlx::query(
        "UPDATE appointments SET status = 'booked' WHERE reference = 'AP-3333-3333'")
        .execute(c).await.map(|done| done.rows_affected()));
    assert!(confirmed.is_err(), "a confirmation overlapped");
    // Right after the booked time and its five minutes' buffer: free.
    assert!(insert("AP-4444-4444", "booked", start + 35 * 60)
        .await
        .is_ok());
}
