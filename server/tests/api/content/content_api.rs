//! The server functions behind the pages are public HTTP endpoints: tested as such.

use crate::support::helpers::{spawn_app, SEEDED_TITLE};
use reqwest::StatusCode;

#[tokio::test]
async fn content_endpoints_answer_over_get_in_the_format_the_browser_reads() {
    let app = spawn_app().await;
    let response = app
        .get("/api/article?slug=5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let view: app::domain::ArticleView = crate::support::helpers::decoded(response).await;
    assert_eq!(view.article.summary.title, SEEDED_TITLE);
    assert!(
        view.article.body_html.contains("Stimulating")
            && !view.article.body_html.contains("**Stimulating"),
        "sends rendered HTML, not Markdown"
    );

    let response = app.get("/api/clinic").await;
    assert_eq!(response.status(), StatusCode::OK);
    let clinic: app::domain::ClinicInfo = crate::support::helpers::decoded(response).await;
    assert!(clinic.phone.digits().contains("7323451377"), "{clinic:?}");
    assert_eq!(
        clinic.text.home, "Home",
        "English when no language is asked for"
    );

    // The shell's words come in the language asked for, from the message files.
    let response = app.get("/api/clinic?locale=Es").await;
    assert_eq!(response.status(), StatusCode::OK);
    let clinic: app::domain::ClinicInfo = crate::support::helpers::decoded(response).await;
    assert_eq!(clinic.text.home, "Inicio");
    assert_eq!(clinic.text.skip_to_content, "Ir al contenido principal");
    assert!(
        clinic.text.serving.starts_with("Atendemos a "),
        "{:?}",
        clinic.text
    );
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
        let error = crate::support::helpers::api_error(response).await;
        assert_eq!(error, app::api::ApiError::NotFound, "case {name}");
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
