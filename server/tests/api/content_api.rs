//! The server functions behind the pages are public HTTP endpoints: tested as such.

use crate::helpers::{spawn_app, SEEDED_TITLE};
use reqwest::StatusCode;

#[tokio::test]
async fn content_endpoints_answer_json_over_get() {
    let app = spawn_app().await;
    let response = app
        .get("/api/article?slug=5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap_or_default();
    assert!(body.contains(SEEDED_TITLE), "{body}");
    assert!(
        !body.contains("**Stimulating"),
        "sends rendered HTML, not Markdown"
    );

    let response = app.get("/api/clinic").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response
        .text()
        .await
        .unwrap_or_default()
        .contains("7323451377"));
}

#[tokio::test]
async fn content_endpoints_give_specific_errors_with_the_right_status() {
    let app = spawn_app().await;
    let cases = [
        (
            "unknown article",
            "/api/article?slug=nope",
            StatusCode::NOT_FOUND,
        ),
        (
            "invalid slug",
            "/api/article?slug=..%2Fadmin",
            StatusCode::NOT_FOUND,
        ),
        (
            "unknown service",
            "/api/service?slug=massage",
            StatusCode::NOT_FOUND,
        ),
        (
            "unknown category",
            "/api/articles?category=cardiology",
            StatusCode::NOT_FOUND,
        ),
    ];
    for (name, path, status) in cases {
        let response = app.get(path).await;
        assert_eq!(response.status(), status, "case {name}");
        let body = response.text().await.unwrap_or_default();
        assert!(body.contains("NotFound"), "case {name}: {body}");
    }
}

#[tokio::test]
async fn content_endpoints_do_not_accept_writes() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/article"))
        .body("slug=x")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
}
