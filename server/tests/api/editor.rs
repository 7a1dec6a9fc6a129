use crate::helpers::spawn_app;
use app::domain::staff::Role;
use reqwest::StatusCode;
use serde_json::json;

async fn save(
    app: &crate::helpers::TestApp,
    client: &reqwest::Client,
    id: Option<i64>,
    version: i64,
    title: &str,
    slug: &str,
) -> reqwest::Response {
    let body = json!({
        "id": id, "version": version,
        "draft": { "title": title, "slug": slug, "category": "Physical Therapy", "summary": "", "body_md": "First paragraph.\n\n<script>x()</script>" }
    });
    client
        .post(app.url("/api/admin/save_article"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn only_editors_and_administrators_write_articles() {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let editor = app.staff(Role::Editor).await;
    let admin = app.staff(Role::Admin).await;
    let anonymous = app.browser();
    for (who, client, want) in [
        ("anonymous", &anonymous, StatusCode::UNAUTHORIZED),
        ("front desk", &front.client, StatusCode::FORBIDDEN),
        ("editor", &editor.client, StatusCode::OK),
        ("admin", &admin.client, StatusCode::OK),
    ] {
        let slug = format!("by-{}", who.replace(' ', "-"));
        assert_eq!(
            save(&app, client, None, 0, "A title", &slug).await.status(),
            want,
            "save as {who}"
        );
        assert_eq!(
            app.call(client, "admin/articles", &[("search", "")])
                .await
                .status(),
            want,
            "list as {who}"
        );
        let preview = client
            .post(app.url("/api/admin/preview"))
            .json(&json!({"body_md": "x"}))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(preview.status(), want, "preview as {who}");
        assert_eq!(
            app.call(
                client,
                "admin/article_state",
                &[("id", "1"), ("state", "published")]
            )
            .await
            .status(),
            want,
            "publish as {who}"
        );
    }
}

#[tokio::test]
async fn a_draft_is_private_until_published_and_gone_when_unpublished() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let saved = save(&app, &editor.client, None, 0, "Stretching at work", "").await;
    assert_eq!(saved.status(), StatusCode::OK);
    let (id, version): (i64, i64) = saved.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version, 1);
    app.page("/articles/stretching-at-work")
        .await
        .assert_status(StatusCode::NOT_FOUND);

    let publish = app
        .call(
            &editor.client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", "published")],
        )
        .await;
    assert_eq!(publish.status(), StatusCode::OK);
    let page = app.page("/articles/stretching-at-work").await;
    page.assert_status(StatusCode::OK);
    assert!(
        !page.inner_html("article").contains("<script>"),
        "sanitised on save"
    );
    assert!(app
        .page("/articles")
        .await
        .texts(".article-item h3")
        .contains(&"Stretching at work".to_owned()));
    assert!(app
        .page("/")
        .await
        .texts(".article-item h3")
        .contains(&"Stretching at work".to_owned()));

    let unpublish = app
        .call(
            &editor.client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", "draft")],
        )
        .await;
    assert_eq!(unpublish.status(), StatusCode::OK);
    app.page("/articles/stretching-at-work")
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn slugs_are_unique_and_a_stale_save_is_a_conflict() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let taken = save(
        &app,
        &editor.client,
        None,
        0,
        "Anything",
        "5-ways-that-acupuncture-helps-with-low-back-pain",
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken
        .text()
        .await
        .unwrap_or_default()
        .contains("Another article already uses this address"));
    let bad = save(&app, &editor.client, None, 0, "Anything", "Not A Slug").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (id, v1): (i64, i64) = save(&app, &editor.client, None, 0, "First", "first")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let second_tab = save(
        &app,
        &editor.client,
        Some(id),
        v1,
        "First, edited in tab A",
        "first",
    )
    .await;
    assert_eq!(second_tab.status(), StatusCode::OK);
    let stale = save(
        &app,
        &editor.client,
        Some(id),
        v1,
        "First, edited in tab B",
        "first",
    )
    .await;
    assert_eq!(
        stale.status(),
        StatusCode::CONFLICT,
        "an older version never overwrites"
    );
    let title: String = sqlx::query_scalar("SELECT title FROM articles WHERE id = ?")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(title, "First, edited in tab A");

    // Every save is kept: version 1 can be brought back.
    let old = app
        .call(
            &editor.client,
            "admin/article_revision",
            &[("id", &id.to_string()), ("version", "1")],
        )
        .await;
    assert_eq!(old.status(), StatusCode::OK);
    assert!(old
        .text()
        .await
        .unwrap_or_default()
        .contains("\"title\":\"First\""));

    let deleted = app
        .call(
            &editor.client,
            "admin/delete_article",
            &[("id", &id.to_string())],
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(
        app.call(&editor.client, "admin/article", &[("id", &id.to_string())])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_scheduled_article_is_published_by_the_server_on_time() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let (id, _): (i64, i64) = save(&app, &editor.client, None, 0, "Later", "later")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let at = time::OffsetDateTime::now_utc() + time::Duration::seconds(2);
    let at = at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let schedule = app
        .call(
            &editor.client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", "scheduled"), ("at", &at)],
        )
        .await;
    assert_eq!(schedule.status(), StatusCode::OK);
    app.page("/articles/later")
        .await
        .assert_status(StatusCode::NOT_FOUND);
    let mut published = false;
    for _ in 0..60 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        if app.page("/articles/later").await.status == StatusCode::OK {
            published = true;
            break;
        }
    }
    assert!(published, "published within seconds of its time");
    let no_time = app
        .call(
            &editor.client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", "scheduled")],
        )
        .await;
    assert_eq!(no_time.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_hero_image_needs_alt_text_or_the_decorative_choice() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let image: app::domain::media::StoredImage = app
        .upload(
            &editor.client,
            "image/jpeg",
            crate::media_helpers::jpeg(1600, 900),
        )
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let save_with = |hero: serde_json::Value, alt: &str, decorative: bool| {
        let body = json!({
            "id": null, "version": 0,
            "draft": { "title": "Heat or ice", "slug": "heat-or-ice", "category": "Physical Therapy",
                       "summary": "", "body_md": "Ice first.", "hero": hero, "hero_alt": alt,
                       "hero_decorative": decorative }
        });
        let request = editor
            .client
            .post(app.url("/api/admin/save_article"))
            .json(&body);
        async move { request.send().await.unwrap_or_else(|e| panic!("{e}")) }
    };
    let key = json!(image.key.as_str());

    let no_alt = save_with(key.clone(), "  ", false).await;
    assert_eq!(no_alt.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_alt.text().await.unwrap_or_default().contains("hero_alt"));

    let unknown = save_with(json!("0".repeat(32)), "A bag of ice", false).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown
        .text()
        .await
        .unwrap_or_default()
        .contains("upload it again"));

    let saved = save_with(key.clone(), "A bag of ice on a knee", false).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let (id, _): (i64, i64) = saved.json().await.unwrap_or_else(|e| panic!("{e}"));
    let published = app
        .call(
            &editor.client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", "published")],
        )
        .await;
    assert_eq!(published.status(), StatusCode::OK);
    let page = app.page("/articles/heat-or-ice").await;
    assert_eq!(
        page.attrs("article figure img", "alt"),
        ["A bag of ice on a knee"]
    );

    let opened = app
        .call(&editor.client, "admin/article", &[("id", &id.to_string())])
        .await;
    let opened: serde_json::Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened["draft"]["hero"], key);
    assert_eq!(opened["draft"]["hero_alt"], "A bag of ice on a knee");

    // Decorative: announced as nothing, which is what a screen reader should do.
    let body = json!({
        "id": id, "version": 1,
        "draft": { "title": "Heat or ice", "slug": "heat-or-ice", "category": "Physical Therapy",
                   "summary": "", "body_md": "Ice first.", "hero": key, "hero_alt": "",
                   "hero_decorative": true }
    });
    let decorative = editor
        .client
        .post(app.url("/api/admin/save_article"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decorative.status(), StatusCode::OK);
    let page = app.page("/articles/heat-or-ice").await;
    assert_eq!(page.attrs("article figure img", "alt"), [""]);
}

#[tokio::test]
async fn a_long_article_saves_while_public_forms_stay_small() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let body = json!({
        "id": null, "version": 0,
        "draft": { "title": "A long guide", "slug": "", "category": "Physical Therapy",
                   "summary": "", "body_md": "Stretch gently. ".repeat(5_000) }
    });
    let saved = editor
        .client
        .post(app.url("/api/admin/save_article"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.status(), StatusCode::OK, "an 80 KB article");
}
