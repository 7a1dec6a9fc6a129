use crate::helpers::{spawn_app, SEEDED_ARTICLE};
use app::domain::staff::Role;
use reqwest::header::{CACHE_CONTROL, ETAG, IF_NONE_MATCH};
use reqwest::StatusCode;

#[tokio::test]
async fn an_unchanged_page_is_a_304_and_a_published_change_shows_on_the_next_request() {
    let app = spawn_app().await;
    let first = app.get(SEEDED_ARTICLE).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()[CACHE_CONTROL], "no-cache");
    let tag = first.headers()[ETAG].clone();

    let again = app
        .client
        .get(app.url(SEEDED_ARTICLE))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[ETAG], tag);
    assert!(again.bytes().await.unwrap_or_default().is_empty());

    // Staff change the article: the old tag no longer matches.
    sqlx::query("UPDATE articles SET body_html = '<p>Updated advice.</p>' WHERE slug = ?")
        .bind(SEEDED_ARTICLE.trim_start_matches("/articles/"))
        .execute(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let changed = app
        .client
        .get(app.url(SEEDED_ARTICLE))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()[ETAG], tag);
    assert!(changed
        .text()
        .await
        .unwrap_or_default()
        .contains("Updated advice."));
}

#[tokio::test]
async fn admin_pages_are_never_kept_or_tagged() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let page = editor
        .client
        .get(app.url("/admin/articles"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[CACHE_CONTROL], "no-store");
    assert!(page.headers().get(ETAG).is_none());
}

#[tokio::test]
async fn every_visitor_gets_a_fresh_form_token() {
    let app = spawn_app().await;
    for path in ["/consultation", "/services/acupuncture"] {
        let tokens: Vec<String> = {
            let mut tokens = Vec::new();
            for _ in 0..2 {
                let page = app.page(path).await;
                tokens.extend(page.attrs(r#"input[name="token"]"#, "value"));
            }
            tokens
        };
        assert_eq!(tokens.len(), 2, "{path}");
        assert_ne!(
            tokens[0], tokens[1],
            "{path}: a form token was served twice"
        );
    }
}

#[tokio::test]
async fn a_change_made_outside_the_admin_shows_at_once_too() {
    let app = spawn_app().await;
    let before = app.page("/services").await;
    assert!(!before.inner_html("main").contains("Now also on Saturdays"));
    // The WordPress import and the scheduler write straight to the database.
    sqlx::query(
        "UPDATE services SET summary = 'Now also on Saturdays.' WHERE slug = 'acupuncture'",
    )
    .execute(&app.db)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let after = app.page("/services").await;
    assert!(after.inner_html("main").contains("Now also on Saturdays."));
}
