use crate::support::helpers::spawn_app;
use app::domain::staff::Role;
use reqwest::StatusCode;
use serde_json::json;

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
            app.save_article(client, None, 0, "A title", &slug)
                .await
                .status(),
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
            app.set_article_state(client, 1, "published").await.status(),
            want,
            "publish as {who}"
        );
    }
}

#[tokio::test]
async fn slugs_are_unique_and_a_stale_save_is_a_conflict() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let taken = app
        .save_article(
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
    let bad = app
        .save_article(&editor.client, None, 0, "Anything", "Not A Slug")
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (id, v1): (i64, i64) = app
        .save_article(&editor.client, None, 0, "First", "first")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let second_tab = app
        .save_article(
            &editor.client,
            Some(id),
            v1,
            "First, edited in tab A",
            "first",
        )
        .await;
    assert_eq!(second_tab.status(), StatusCode::OK);
    let stale = app
        .save_article(
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
    let title: String = app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT title FROM articles WHERE id = $1")
        .bind(id)
        .fetch_one(c).await)
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
async fn a_hero_image_needs_alt_text_or_the_decorative_choice() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let image: app::domain::media::StoredImage = app
        .upload(
            &editor.client,
            "image/jpeg",
            crate::support::media_helpers::jpeg(1600, 900),
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
    let errors = crate::support::helpers::draft_errors(no_alt).await;
    assert!(
        errors.get(app::domain::Field::HeroAlt).is_some(),
        "{errors:?}"
    );

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
    let published = app.set_article_state(&editor.client, id, "published").await;
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
