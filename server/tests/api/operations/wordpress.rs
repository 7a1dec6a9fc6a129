use crate::support::helpers::spawn_app;
use reqwest::header::LOCATION;
use reqwest::StatusCode;
use server::wordpress;

const EXPORT: &str = include_str!("../../fixtures/wordpress-export.xml");

/// Imports that leave images where they are (the media tests are in
/// wordpress_media.rs).
fn no_images() -> wordpress::Images {
    wordpress::Images::new(
        wordpress::Source::Off,
        app::server::media_store::MediaStore::Dir("unused-media".into()),
    )
}

#[tokio::test]
async fn a_wordpress_export_moves_over_once_with_its_old_addresses() {
    let app = spawn_app().await;
    let items = wordpress::items(EXPORT).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(items.len(), 7);
    let mut seen = Vec::new();
    let report = wordpress::import(&app.store, &items, false, &mut no_images(), |n, total| {
        seen.push((n, total))
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seen.last(), Some(&(7, 7)), "progress reaches the end");
    let imported: Vec<&str> = report.imported.iter().map(|(_, a)| a.as_str()).collect();
    assert_eq!(
        imported,
        [
            "/articles/desk-stretches",
            "/articles/cwiczenia-na-kregoslup",
            "/articles/unfinished-thoughts-on-sleep"
        ]
    );
    assert_eq!(
        report.matched,
        [(
            103,
            "/articles/5-ways-that-acupuncture-helps-with-low-back-pain".to_owned()
        )]
    );
    let skipped: Vec<(i64, &str)> = report
        .skipped
        .iter()
        .map(|(id, _, why)| (*id, why.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (105, "its status is \"trash\""),
            (
                106,
                "a page (add --pages to import pages as draft articles)"
            ),
            (107, "a attachment, not a post"),
        ]
    );

    // The post as patients see it: headings, lists, links and images kept,
    // the script and the event handler gone.
    let page = app.page("/articles/desk-stretches").await;
    assert_eq!(page.text("h1"), "Desk Stretches & Simple Habits");
    assert_eq!(page.texts(".prose h2"), ["Three stretches"]);
    assert_eq!(page.texts(".prose h3"), ["When to call us"]);
    assert_eq!(page.texts(".prose ol li").len(), 3);
    assert_eq!(page.texts(".prose ul li").len(), 2);
    assert_eq!(
        page.attrs(".prose a", "href"),
        ["https://monmouthpain.example/services/physical-therapy/"]
    );
    assert_eq!(
        page.attrs(".prose img", "alt"),
        ["A desk set up for good posture"]
    );
    let body = page.inner_html(".prose");
    assert!(!body.contains("<script") && !body.contains("tracking") && !body.contains("onclick"));
    assert_eq!(
        page.description(),
        "Three stretches for people who sit all day."
    );
    let polish = app.page("/articles/cwiczenia-na-kregoslup").await;
    assert_eq!(polish.text("h1"), "Ćwiczenia na kręgosłup – ból pleców");
    assert!(polish.text(".byline").contains("Back Pain"));
    // The draft stays private.
    app.page("/articles/unfinished-thoughts-on-sleep")
        .await
        .assert_status(StatusCode::NOT_FOUND);

    // Old addresses answer 301 to the new ones.
    let client = app.browser();
    for (old, new) in [
        ("/desk-stretches/", "/articles/desk-stretches"),
        ("/desk-stretches", "/articles/desk-stretches"),
        ("/?p=101", "/articles/desk-stretches"),
        (
            "/%c4%87wiczenia-na-kr%c4%99gos%c5%82up/",
            "/articles/cwiczenia-na-kregoslup",
        ),
        (
            "/?p=103",
            "/articles/5-ways-that-acupuncture-helps-with-low-back-pain",
        ),
        (
            "/5-ways-that-acupuncture-helps-with-low-back-pain/",
            "/articles/5-ways-that-acupuncture-helps-with-low-back-pain",
        ),
        ("/category/back-pain/", "/articles?category=back-pain"),
        ("/feed/", "/feed.xml"),
    ] {
        let response = client
            .get(app.url(old))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{old}: {e}"));
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(response.headers()[LOCATION], new, "{old}");
    }
    // The draft's ?p= address was not made public.
    let draft = client
        .get(app.url("/?p=104"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        draft.status(),
        StatusCode::OK,
        "the home page, not the draft"
    );

    // A second run changes nothing.
    let articles = app.count("SELECT COUNT(*) FROM articles").await;
    let redirects = app.count("SELECT COUNT(*) FROM redirects").await;
    let again = wordpress::import(&app.store, &items, false, &mut no_images(), |_, _| {})
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(again.imported.is_empty() && again.matched.is_empty());
    assert_eq!(again.redirects_added, 0);
    assert_eq!(
        again
            .skipped
            .iter()
            .filter(|(_, _, why)| why == "already imported")
            .count(),
        4
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM articles").await, articles);
    assert_eq!(app.count("SELECT COUNT(*) FROM redirects").await, redirects);
}

#[tokio::test]
async fn pages_come_over_as_drafts_when_asked() {
    let app = spawn_app().await;
    let items = wordpress::items(EXPORT).unwrap_or_else(|e| panic!("{e}"));
    let report = wordpress::import(&app.store, &items, true, &mut no_images(), |_, _| {})
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report
        .imported
        .iter()
        .any(|(id, a)| *id == 106 && a == "/articles/about-us"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM articles WHERE slug = 'about-us' AND status = 'draft'")
            .await,
        1
    );
}

#[tokio::test]
async fn staff_redirects_are_checked_and_answer_301() {
    let app = spawn_app().await;
    let editor = app.staff(app::domain::staff::Role::Editor).await;
    let added = app
        .call(
            &editor.client,
            "admin/add_redirect",
            &[("from", "/old-offer"), ("to", "/services/acupuncture")],
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    for (from, to) in [
        ("/admin", "/x"),
        ("/old-offer", "/elsewhere"),
        ("/a", "javascript:alert(1)"),
    ] {
        let refused = app
            .call(
                &editor.client,
                "admin/add_redirect",
                &[("from", from), ("to", to)],
            )
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{from} -> {to}"
        );
    }
    let response = app
        .browser()
        .get(app.url("/old-offer"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(response.headers()[LOCATION], "/services/acupuncture");
    // A real page is never shadowed by a redirect.
    app::on_pool!(&app.store, c => sqlx::query("INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES ('/about', '/x', 'staff', '2026-01-01T00:00:00Z')")
        .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    app.page("/about").await.assert_status(StatusCode::OK);

    let front = app.staff(app::domain::staff::Role::FrontDesk).await;
    let refused = app.call(&front.client, "admin/redirects", &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let deleted = app
        .call(
            &editor.client,
            "admin/delete_redirect",
            &[("from", "/old-offer")],
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::OK);
    let gone = app
        .browser()
        .get(app.url("/old-offer"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
}
