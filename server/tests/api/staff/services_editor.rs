use crate::support::helpers::{spawn_app, ArticleSpec};
use app::domain::staff::Role;
use app::domain::Field;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn save(
    app: &crate::support::helpers::TestApp,
    client: &reqwest::Client,
    version: i64,
    name: &str,
    summary: &str,
    body: &str,
) -> reqwest::Response {
    client
        .post(app.url("/api/admin/save_service"))
        .json(&json!({
            "slug": "acupuncture", "version": version,
            "draft": { "name": name, "summary": summary, "body_md": body }
        }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn an_editor_changes_a_service_page_and_patients_see_it_at_once() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let opened = app
        .call(&editor.client, "admin/service", &[("slug", "acupuncture")])
        .await;
    assert_eq!(opened.status(), StatusCode::OK);
    let opened: Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened["draft"]["name"], "Acupuncture");
    let version = opened["version"].as_i64().unwrap_or_default();

    let saved = save(
        &app,
        &editor.client,
        version,
        "Acupuncture",
        "Fine needles, placed by a licensed acupuncturist.",
        "## What a visit is like\n\nYou lie down.<script>alert(1)</script>",
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let page = app.page("/services/acupuncture").await;
    assert_eq!(page.texts(".prose h2"), ["What a visit is like"]);
    assert!(!page.inner_html("main").contains("<script>alert"));
    let list = app.page("/services").await;
    assert!(list
        .inner_html("main")
        .contains("Fine needles, placed by a licensed acupuncturist."));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'service.save'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_stale_or_invalid_service_save_changes_nothing() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let admin = app.staff(Role::Admin).await;
    let first = save(&app, &editor.client, 1, "Acupuncture", "Needles.", "One.").await;
    assert_eq!(first.status(), StatusCode::OK);
    // The administrator opened version 1 before the editor saved.
    let stale = save(&app, &admin.client, 1, "Acupuncture", "Other.", "Two.").await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let invalid = save(&app, &editor.client, 2, " ", "", "").await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = crate::support::helpers::draft_errors(invalid).await;
    for field in [Field::Name, Field::Summary, Field::BodyMd] {
        assert!(errors.get(field).is_some(), "{field:?}: {errors:?}");
    }
    let page = app.page("/services/acupuncture").await;
    assert!(page.inner_html("main").contains("One."));

    let front = app.staff(Role::FrontDesk).await;
    let refused = save(&app, &front.client, 2, "Acupuncture", "Mine.", "Mine.").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let anonymous = save(&app, &app.browser(), 2, "Acupuncture", "Mine.", "Mine.").await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_article_list_filters_by_category_and_offers_every_category() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    app.add_article(ArticleSpec::published(
        "needles",
        "Needles",
        "Acupuncture",
        "2024-01-10",
    ))
    .await;
    app.add_article(ArticleSpec::published(
        "stretching",
        "Stretching",
        "Physical Therapy",
        "2024-01-11",
    ))
    .await;
    let table: Value = app
        .call(
            &editor.client,
            "admin/articles",
            &[("search", ""), ("category", "Acupuncture")],
        )
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let titles: Vec<&str> = table["rows"]
        .as_array()
        .map(|rows| rows.iter().filter_map(|r| r["title"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        titles,
        [
            "Needles",
            "5 Ways that Acupuncture Helps with Low Back Pain"
        ]
    );
    let categories = table["categories"].to_string();
    assert!(
        categories.contains("Acupuncture") && categories.contains("Physical Therapy"),
        "{categories}"
    );
}
