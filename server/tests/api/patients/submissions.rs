use crate::support::helpers::spawn_app;
use crate::support::request_helpers::{redirect_target, valid_fields, with};
use app::domain::staff::Role;
use reqwest::StatusCode;
use serde_json::json;

/// The columns stored in the clear (patients' own words are sealed).
#[derive(sqlx::FromRow)]
struct Stored {
    contact_method: String,
    service_slug: Option<String>,
    patient: String,
    days: String,
    time_of_day: String,
    status: String,
}

#[tokio::test]
async fn a_valid_request_is_stored_exactly_once_and_confirmed_with_its_reference() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let response = app.post_form(&valid_fields(), &token).await;
    let location = redirect_target(&response);
    assert!(location.starts_with("/consultation/sent/CR-"), "{location}");
    let reference = location.rsplit('/').next().unwrap_or_default().to_owned();

    let row: Stored = app::on_pool!(&app.store, c => sqlx::query_as(
        "SELECT contact_method, service_slug, patient, days, time_of_day, status
         FROM consultations WHERE reference = $1",
    )
    .bind(&reference)
    .fetch_one(c).await)
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(row.contact_method, "email");
    assert_eq!(row.service_slug.as_deref(), Some("acupuncture"));
    assert_eq!(
        (
            row.patient.as_str(),
            row.days.as_str(),
            row.time_of_day.as_str()
        ),
        ("new", "mon,wed", "morning")
    );
    assert_eq!(row.status, "new", "not marked as spam");
    let front = app.staff(Role::FrontDesk).await;
    let stored = app.read_request(&front.client, &reference).await;
    assert_eq!(stored["name"], json!("Ana Lima"));
    assert_eq!(stored["phone"], json!("7325550142"), "phone normalised");
    assert_eq!(stored["email"], json!("ana@example.com"));
    assert_eq!(stored["message"], json!("Lower back pain since spring."));
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 1);

    let page = app.page(&location).await;
    page.assert_status(StatusCode::OK);
    assert_eq!(page.text(".reference"), reference);
    assert!(page.text("main").contains("What happens next"));
    assert_eq!(page.attrs("meta[name=robots]", "content"), ["noindex"]);
    assert!(
        !location.contains("Ana") && !location.contains("555"),
        "no patient data in the URL"
    );
}

#[tokio::test]
async fn the_javascript_path_stores_through_the_same_rules() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let response = app.post_json(&valid_fields(), &token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let reference: app::domain::request::Reference =
        crate::support::helpers::decoded(response).await;
    assert!(reference.to_string().starts_with("CR-"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consultations WHERE status = 'new'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_repeated_token_never_creates_a_second_request() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let first = redirect_target(&app.post_form(&valid_fields(), &token).await);
    let second = redirect_target(&app.post_form(&valid_fields(), &token).await);
    let third: app::domain::request::Reference =
        crate::support::helpers::decoded(app.post_json(&valid_fields(), &token).await).await;
    let third = third.to_string();
    assert_eq!(first, second, "a double click gets the same confirmation");
    assert!(
        first.ends_with(&third),
        "the JavaScript retry gets the same reference"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 1);
    let other = app.form_token().await;
    redirect_target(&app.post_form(&valid_fields(), &other).await);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consultations").await,
        2,
        "a new form is a new request"
    );
}

#[tokio::test]
async fn html_and_sql_looking_text_is_stored_verbatim_and_rendered_escaped() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let name = "Robert'); DROP TABLE consultations;--";
    let message = "<script>alert('x')</script> </textarea><b>bold</b> &amp;";
    let fields = with(with(valid_fields(), "name", name), "message", message);
    // Rendered back (a mistake elsewhere keeps the form on screen): escaped.
    let response = app
        .post_form(&with(fields.clone(), "phone", "1"), &token)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap_or_default();
    assert!(!html.contains("<script>alert('x')"), "raw script rendered");
    assert!(
        !html.contains("</textarea><b>bold"),
        "the message broke out of its textarea"
    );
    let page = scraper::Html::parse_document(&html);
    let shown: String = page
        .select(&scraper::Selector::parse("#cr-message").unwrap_or_else(|e| panic!("{e}")))
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(shown, message, "the browser shows exactly what was typed");
    assert!(
        html.contains(r#"value="Robert'); DROP TABLE consultations;--""#),
        "name shown as typed"
    );
    // Stored exactly as typed.
    let location = redirect_target(&app.post_form(&fields, &token).await);
    let reference = location.rsplit('/').next().unwrap_or_default();
    let front = app.staff(Role::FrontDesk).await;
    let stored = app.read_request(&front.client, reference).await;
    assert_eq!(
        (&stored["name"], &stored["message"]),
        (&json!(name), &json!(message))
    );
}
