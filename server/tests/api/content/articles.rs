use crate::support::helpers::{spawn_app, ArticleSpec, SEEDED_ARTICLE, SEEDED_TITLE};
use crate::support::media_helpers::jpeg;
use app::domain::article_admin::ArticleState;
use app::domain::media::StoredImage;
use app::domain::staff::Role;
use app::domain::HeroImage;
use reqwest::StatusCode;

#[tokio::test]
async fn the_list_shows_title_date_category_and_summary_newest_first() {
    let app = spawn_app().await;
    app.add_article(ArticleSpec {
        summary: Some("Why posture matters at a desk."),
        ..ArticleSpec::published(
            "desk-posture",
            "Desk Posture",
            "Physical Therapy",
            "2024-02-01",
        )
    })
    .await;
    let page = app.page("/articles").await;
    page.assert_status(StatusCode::OK);
    assert_eq!(
        page.texts(".article-item h3"),
        ["Desk Posture", SEEDED_TITLE]
    );
    assert_eq!(
        page.attrs(".article-item h3 a", "href"),
        ["/articles/desk-posture", SEEDED_ARTICLE]
    );
    assert_eq!(
        page.texts(".article-item .byline"),
        [
            "Feb 1, 2024 | Physical Therapy",
            "Dec 13, 2023 | Acupuncture"
        ]
    );
    assert_eq!(
        page.texts(".article-item p:last-child")[0],
        "Why posture matters at a desk."
    );
}

#[tokio::test]
async fn the_list_pages_ten_at_a_time_and_filters_by_category() {
    let app = spawn_app().await;
    let slugs: Vec<String> = (1..=12).map(|n| format!("exercise-{n:02}")).collect();
    for (n, slug) in slugs.iter().enumerate() {
        let date = format!("2024-03-{:02}", n + 1);
        let title = format!("Exercise {:02}", n + 1);
        app.add_article(ArticleSpec::published(
            slug,
            &title,
            "Physical Therapy",
            &date,
        ))
        .await;
    }

    let first = app.page("/articles").await;
    let titles = first.texts(".article-item h3");
    assert_eq!(titles.len(), 10);
    assert_eq!(titles[0], "Exercise 12", "newest first");
    assert_eq!(first.text(".pagination span"), "Page 1 of 2");
    assert_eq!(
        first.attrs(".pagination a[rel=next]", "href"),
        ["/articles?page=2"]
    );
    assert!(first.attrs(".pagination a[rel=prev]", "href").is_empty());

    let second = app.page("/articles?page=2").await;
    second.assert_status(StatusCode::OK);
    assert_eq!(
        second.texts(".article-item h3"),
        ["Exercise 02", "Exercise 01", SEEDED_TITLE]
    );
    assert_eq!(
        second.attrs(".pagination a[rel=prev]", "href"),
        ["/articles"]
    );
    assert!(second.title().contains("page 2 of 2"), "{}", second.title());

    let filtered = app.page("/articles?category=acupuncture").await;
    filtered.assert_status(StatusCode::OK);
    assert_eq!(filtered.texts(".article-item h3"), [SEEDED_TITLE]);
    assert_eq!(filtered.text("h1"), "Articles about Acupuncture");
    assert_eq!(
        filtered.texts("nav[aria-label='Article categories'] a[aria-current=page]"),
        ["Acupuncture"]
    );
    assert_eq!(
        filtered.texts("nav[aria-label='Article categories'] a"),
        ["All", "Acupuncture", "Physical Therapy"]
    );

    let pt = app.page("/articles?category=physical-therapy&page=2").await;
    assert_eq!(pt.texts(".article-item h3"), ["Exercise 02", "Exercise 01"]);
    assert_eq!(
        pt.attrs(".pagination a[rel=prev]", "href"),
        ["/articles?category=physical-therapy"]
    );
}

#[tokio::test]
async fn drafts_and_scheduled_articles_are_never_public() {
    let app = spawn_app().await;
    for (slug, status) in [
        ("a-draft", ArticleState::Draft),
        ("a-scheduled", ArticleState::Scheduled),
    ] {
        app.add_article(ArticleSpec {
            status,
            ..ArticleSpec::published(slug, "Not yet", "Acupuncture", "2020-01-01")
        })
        .await;
        app.page(&format!("/articles/{slug}"))
            .await
            .assert_status(StatusCode::NOT_FOUND);
    }
    let list = app.page("/articles").await;
    assert_eq!(list.texts(".article-item h3"), [SEEDED_TITLE]);
    let home = app.page("/").await;
    assert_eq!(home.texts(".article-item h3"), [SEEDED_TITLE]);
    let related = app.page(SEEDED_ARTICLE).await;
    assert!(
        related.texts("#related-posts").is_empty(),
        "no related posts section when none is public"
    );
}

#[tokio::test]
async fn an_article_shows_related_articles_from_its_category_and_its_hero_image() {
    let app = spawn_app().await;
    app.add_article(ArticleSpec::published(
        "needles-explained",
        "Needles Explained",
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
    let editor = app.staff(Role::Editor).await;
    let image: StoredImage = app
        .upload(&editor.client, "image/jpeg", jpeg(1200, 675))
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.add_article(ArticleSpec {
        hero: Some(HeroImage {
            image: image.clone(),
            alt: "A person stretching at a desk".into(),
        }),
        ..ArticleSpec::published("with-hero", "With Hero", "Physical Therapy", "2024-01-12")
    })
    .await;

    let page = app.page(SEEDED_ARTICLE).await;
    assert_eq!(
        page.texts("section[aria-labelledby=related-posts] .article-item h3"),
        ["Needles Explained"]
    );

    let hero = app.page("/articles/with-hero").await;
    assert_eq!(
        hero.attrs("article figure img", "src"),
        [image.key.url(960)]
    );
    assert_eq!(hero.attrs("article figure img", "srcset"), [image.srcset()]);
    // Width and height reserve the space before the image arrives; the
    // hero is what paints first, so it is never lazy.
    assert_eq!(hero.attrs("article figure img", "width"), ["1200"]);
    assert_eq!(hero.attrs("article figure img", "height"), ["675"]);
    assert!(hero.attrs("article figure img", "loading").is_empty());
    assert_eq!(
        hero.attrs("article figure img", "alt"),
        ["A person stretching at a desk"]
    );
    assert_eq!(
        hero.texts("section[aria-labelledby=related-posts] .article-item h3"),
        ["Stretching"]
    );
}

#[tokio::test]
async fn article_bodies_are_sanitised_before_any_browser_sees_them() {
    let app = spawn_app().await;
    let body = concat!(
        "Safe paragraph.\n\n",
        "<script>alert('xss')</script>\n\n",
        "<img src=\"/x.png\" onerror=\"alert(1)\" alt=\"x\">\n\n",
        "[a javascript link](javascript:alert(1))\n\n",
        "<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw link</a>\n\n",
        "<iframe src=\"https://evil.example\"></iframe>\n\n",
        "[a fine link](/services)",
    );
    app.add_article(ArticleSpec {
        body,
        ..ArticleSpec::published("tricky", "Tricky", "Acupuncture", "2024-05-01")
    })
    .await;
    let response = app.get("/articles/tricky").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap_or_default();
    let article = html.split("<article").nth(1).unwrap_or_default();
    for forbidden in [
        "alert('xss')",
        "<script>alert",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "evil.example",
    ] {
        assert!(
            !article.contains(forbidden),
            "the article still contains {forbidden:?}"
        );
    }
    assert!(article.contains("Safe paragraph."));
    assert!(
        article.contains(r#"<a href="/services" rel="noopener noreferrer">a fine link</a>"#),
        "{article}"
    );
    // The data sent for hydration carries the same sanitised HTML, never the Markdown's raw HTML.
    assert!(
        !html.contains("alert('xss')"),
        "raw script text reached the page"
    );
}
