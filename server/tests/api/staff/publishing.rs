//! An article's life after writing: private as a draft, public when
//! published, gone when unpublished, and published by the server at its
//! scheduled time.

use crate::support::helpers::spawn_app;
use app::domain::staff::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn a_draft_is_private_until_published_and_gone_when_unpublished() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let saved = app
        .save_article(&editor.client, None, 0, "Stretching at work", "")
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let (id, version): (i64, i64) = saved.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(version, 1);
    app.page("/articles/stretching-at-work")
        .await
        .assert_status(StatusCode::NOT_FOUND);

    let publish = app.set_article_state(&editor.client, id, "published").await;
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

    let unpublish = app.set_article_state(&editor.client, id, "draft").await;
    assert_eq!(unpublish.status(), StatusCode::OK);
    app.page("/articles/stretching-at-work")
        .await
        .assert_status(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_scheduled_article_is_published_by_the_server_on_time() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let (id, _): (i64, i64) = app
        .save_article(&editor.client, None, 0, "Later", "later")
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
    let no_time = app.set_article_state(&editor.client, id, "scheduled").await;
    assert_eq!(no_time.status(), StatusCode::BAD_REQUEST);
}
