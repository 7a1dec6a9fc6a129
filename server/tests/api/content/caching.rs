use crate::support::helpers::{get_accepting, spawn_app, SEEDED_ARTICLE};
use app::domain::staff::Role;
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, VARY};
use reqwest::StatusCode;
use std::io::Read;

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
    app::on_pool!(&app.store, c => sqlx::query("UPDATE articles SET body_html = '<p>Updated advice.</p>' WHERE slug = $1")
        .bind(SEEDED_ARTICLE.trim_start_matches("/articles/"))
        .execute(c).await.map(|done| done.rows_affected()))
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
    app::on_pool!(&app.store, c => sqlx::query(
        "UPDATE services SET summary = 'Now also on Saturdays.' WHERE slug = 'acupuncture'",
    )
    .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    let after = app.page("/services").await;
    assert!(after.inner_html("main").contains("Now also on Saturdays."));
}

#[tokio::test]
async fn a_cached_page_is_sent_compressed_and_says_the_same() {
    let app = spawn_app().await;
    let plain = app
        .get(SEEDED_ARTICLE)
        .await
        .text()
        .await
        .unwrap_or_default();
    for encoding in ["br", "gzip"] {
        let response = get_accepting(&app, SEEDED_ARTICLE, encoding).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CONTENT_ENCODING], encoding);
        assert_eq!(response.headers()[VARY], "accept-encoding");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let bytes = response.bytes().await.unwrap_or_default();
        let mut decoded = String::new();
        if encoding == "br" {
            brotli::Decompressor::new(bytes.as_ref(), 4096)
                .read_to_string(&mut decoded)
                .unwrap_or_else(|e| panic!("{e}"));
        } else {
            flate2::read::GzDecoder::new(bytes.as_ref())
                .read_to_string(&mut decoded)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(decoded, plain, "{encoding}");
    }
}

/// A page with a consultation form is rendered for each visitor (its token
/// is fresh) and never stored, but it is compressed like any other page:
/// it was sent whole, 32 KB for a service page, over the phone budget.
#[tokio::test]
async fn pages_with_a_form_are_compressed_and_never_stored() {
    let app = spawn_app().await;
    for path in ["/services/acupuncture", "/consultation"] {
        let plain = app.get(path).await.text().await.unwrap_or_default();
        for encoding in ["br", "gzip"] {
            let response = get_accepting(&app, path, encoding).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert_eq!(response.headers()[CONTENT_ENCODING], encoding, "{path}");
            assert_eq!(response.headers()[CACHE_CONTROL], "no-store", "{path}");
            assert!(response.headers().get(ETAG).is_none(), "{path}");
            let squeezed = response.bytes().await.unwrap_or_default();
            assert!(
                squeezed.len() * 3 < plain.len(),
                "{path}: {} of {}",
                squeezed.len(),
                plain.len()
            );
        }
    }
}

#[tokio::test]
async fn missing_pages_and_feeds_are_compressed_too() {
    let app = spawn_app().await;
    for (path, status) in [
        ("/no-such-page", StatusCode::NOT_FOUND),
        ("/feed.xml", StatusCode::OK),
        ("/sitemap.xml", StatusCode::OK),
    ] {
        let response = get_accepting(&app, path, "gzip").await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(response.headers()[CONTENT_ENCODING], "gzip", "{path}");
        let bytes = response.bytes().await.unwrap_or_default();
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_ref())
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(text.starts_with("<"), "{path}: {text:.40}");
    }
}

/// Saving a draft changes nothing patients see, so cached pages stay; its
/// publication (and its unpublication) shows on the next request.
#[tokio::test]
async fn a_draft_save_keeps_cached_pages_and_its_publication_shows_at_once() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let generation = || async { app.count("SELECT value FROM content_generation").await };
    let (id, version): (i64, i64) = app
        .save_article(
            &editor.client,
            None,
            0,
            "Posture at the desk",
            "posture-at-the-desk",
        )
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let before = generation().await;
    let list = app.get("/articles").await;
    let tag = list.headers()[ETAG].clone();
    let saved = app
        .save_article(
            &editor.client,
            Some(id),
            version,
            "Posture at your desk",
            "posture-at-the-desk",
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(generation().await, before, "a draft save keeps the cache");
    let unchanged = app
        .client
        .get(app.url("/articles"))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(unchanged.status(), StatusCode::NOT_MODIFIED);

    let published = app.set_article_state(&editor.client, id, "published").await;
    assert_eq!(published.status(), StatusCode::OK);
    let listed = app.get("/articles").await.text().await.unwrap_or_default();
    assert!(
        listed.contains("Posture at your desk"),
        "published: listed at once"
    );
    let unpublished = app.set_article_state(&editor.client, id, "draft").await;
    assert_eq!(unpublished.status(), StatusCode::OK);
    let listed = app.get("/articles").await.text().await.unwrap_or_default();
    assert!(
        !listed.contains("Posture at your desk"),
        "unpublished: gone at once"
    );
}
