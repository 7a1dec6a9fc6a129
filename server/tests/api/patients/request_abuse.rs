//! Abuse of the consultation form: spam kept and marked, rate limits,
//! and requests refused for their size, method, type or origin.

use crate::support::helpers::{spawn_app, spawn_with};
use crate::support::request_helpers::{redirect_target, valid_fields, with};
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use server::config::Config;
use std::time::Duration;

#[tokio::test]
async fn a_filled_honeypot_a_forged_token_or_a_too_fast_form_is_kept_but_marked_spam() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.min_fill = Duration::from_secs(3);
    let app = spawn_with(dir, config).await;
    let cases = [
        (
            "honeypot",
            with(valid_fields(), "website", "http://spam.example"),
            None,
            "hidden field",
        ),
        (
            "forged token",
            valid_fields(),
            Some("abc.123.def"),
            "forged form token",
        ),
        ("too fast", valid_fields(), None, "faster than a person"),
    ];
    for (name, fields, token, reason) in cases {
        let token = match token {
            Some(t) => t.to_owned(),
            None => app.form_token().await,
        };
        let response = app.post_form(&fields, &token).await;
        let location = redirect_target(&response);
        let reference = location.rsplit('/').next().unwrap_or_default();
        let (status, why): (String, Option<String>) =
            app::on_pool!(&app.store, c => sqlx::query_as("SELECT status, spam_reason FROM consultations WHERE reference = $1")
                .bind(reference)
                .fetch_one(c).await)
                .unwrap_or_else(|e| panic!("case {name}: {e}"));
        assert_eq!(status, "spam", "case {name}");
        assert!(why.unwrap_or_default().contains(reason), "case {name}");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM notifications").await,
        0,
        "spam is not announced"
    );
    // A person who takes their time is not spam.
    let token = app.form_token().await;
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let location = redirect_target(&app.post_form(&valid_fields(), &token).await);
    let reference = location.rsplit('/').next().unwrap_or_default();
    let status: String = app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT status FROM consultations WHERE reference = $1")
        .bind(reference)
        .fetch_one(c).await)
        .unwrap_or_default();
    assert_eq!(status, "new");
}

#[tokio::test]
async fn too_many_requests_from_one_client_get_429_saying_when_to_try_again() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.rate_limit = (2, Duration::from_secs(600));
    let app = spawn_with(dir, config).await;
    for _ in 0..2 {
        let token = app.form_token().await;
        redirect_target(&app.post_form(&valid_fields(), &token).await);
    }
    let token = app.form_token().await;
    let response = app.post_form(&valid_fields(), &token).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!((1..=600).contains(&retry), "Retry-After {retry}");
    let html = response.text().await.unwrap_or_default();
    let page = scraper::Html::parse_document(&html);
    let notice: String = page
        .select(&scraper::Selector::parse(".form-notice").unwrap_or_else(|e| panic!("{e}")))
        .flat_map(|e| e.text())
        .collect();
    assert!(notice.contains("try again in 5 minute"), "{notice}");
    assert!(html.contains(r#"value="Ana Lima""#), "typed values kept");
    let json = app
        .post_json(&valid_fields(), &app.form_token().await)
        .await;
    assert_eq!(json.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 2);
}

#[tokio::test]
async fn oversized_wrong_method_wrong_type_and_cross_site_posts_are_refused() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let big = with(valid_fields(), "message", &"x".repeat(40 * 1024));
    assert_eq!(
        app.post_form(&big, &token).await.status(),
        StatusCode::PAYLOAD_TOO_LARGE,
        "oversized body"
    );

    let put = app
        .client
        .put(app.url("/consultation"))
        .body("name=x")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(put.status(), StatusCode::METHOD_NOT_ALLOWED, "PUT");
    assert_eq!(
        app.get("/api/consultation").await.status(),
        StatusCode::METHOD_NOT_ALLOWED,
        "GET on the server function"
    );

    let json = app
        .client
        .post(app.url("/consultation"))
        .header(CONTENT_TYPE, "application/json")
        .body("{}")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "wrong content type"
    );

    let body = serde_html_form::to_string(valid_fields()).unwrap_or_default() + "&token=" + &token;
    for (name, header, value) in [
        ("foreign origin", "origin", "https://evil.example"),
        ("cross-site fetch", "sec-fetch-site", "cross-site"),
    ] {
        for path in ["/consultation", "/api/consultation"] {
            let response = app
                .client
                .post(app.url(path))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header, value)
                .body(body.clone())
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "case {name} on {path}"
            );
        }
    }
    let same_origin = app
        .client
        .post(app.url("/consultation"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("origin", format!("http://{}", app.address))
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        same_origin.status(),
        StatusCode::SEE_OTHER,
        "our own origin is accepted"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 1);
}
