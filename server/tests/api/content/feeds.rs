//! What crawlers, feed readers and phones fetch beside the pages: robots.txt,
//! the sitemap, the feed and the web manifest.

use crate::support::helpers::{spawn_app, ArticleSpec, SEEDED_ARTICLE, SEEDED_TITLE};
use app::domain::article_admin::ArticleState;
use quick_xml::events::Event;
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use serde_json::Value;

/// Every element's text, by name, from a document that must parse as XML.
fn xml_texts(xml: &str, element: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    let mut found = Vec::new();
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{xml}"))
        {
            Event::Start(e) if e.name().as_ref() == element.as_bytes() => {
                inside = true;
                found.push(String::new());
            }
            Event::End(e) if e.name().as_ref() == element.as_bytes() => inside = false,
            Event::Text(t) if inside => {
                if let Some(last) = found.last_mut() {
                    last.push_str(&t.unescape().unwrap_or_else(|e| panic!("{e}")));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

#[tokio::test]
async fn sitemap_feed_and_robots_list_exactly_what_is_published() {
    let app = spawn_app().await;
    let base = app.url("");
    app.add_article(ArticleSpec::published(
        "published-one",
        "Tom & Jerry <stretch> \u{1}",
        "Physical Therapy",
        "2024-06-01",
    ))
    .await;
    app.add_article(ArticleSpec {
        status: ArticleState::Draft,
        ..ArticleSpec::published("a-draft", "A draft", "Physical Therapy", "2024-06-02")
    })
    .await;
    app.add_article(ArticleSpec {
        status: ArticleState::Scheduled,
        ..ArticleSpec::published("a-scheduled", "Later", "Physical Therapy", "2099-01-01")
    })
    .await;

    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status(), StatusCode::OK);
    let robots = robots.text().await.unwrap_or_default();
    for line in [
        "User-agent: *",
        "Disallow: /admin",
        "Disallow: /api/",
        &format!("Sitemap: {base}/sitemap.xml"),
    ] {
        assert!(robots.lines().any(|l| l == line), "{line:?} in {robots}");
    }

    let sitemap = app.get("/sitemap.xml").await;
    assert!(sitemap.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap_or_default()
        .starts_with("application/xml"));
    let sitemap = sitemap.text().await.unwrap_or_default();
    let locs = xml_texts(&sitemap, "loc");
    let mut want: Vec<String> = [
        "/",
        "/services",
        "/articles",
        "/about",
        "/contact",
        "/consultation",
        "/book",
        "/privacy",
        "/services/chiropractic",
        "/services/physical-therapy",
        "/services/occupational-therapy",
        "/services/scoliosis-treatments",
        "/services/acupuncture",
        "/articles/published-one",
        SEEDED_ARTICLE,
    ]
    .iter()
    // Each page in English and in Spanish (services at their Spanish slugs).
    .flat_map(|p| {
        let spanish = match p.strip_prefix("/services/") {
            Some(slug) => format!("/es/servicios/{}", spanish_slug(slug)),
            None => app::routes::Pages::translate(p, app::domain::Locale::Es)
                .unwrap_or_else(|| panic!("{p} has no Spanish address")),
        };
        [format!("{base}{p}"), format!("{base}{spanish}")]
    })
    .collect();
    let mut got = locs.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    assert!(
        xml_texts(&sitemap, "lastmod").len() >= 7,
        "articles and services carry lastmod"
    );

    let feed = app.get("/feed.xml").await;
    assert!(feed.headers()[CONTENT_TYPE]
        .to_str()
        .unwrap_or_default()
        .starts_with("application/rss+xml"));
    let feed = feed.text().await.unwrap_or_default();
    let titles = xml_texts(&feed, "title");
    assert_eq!(
        titles[1..],
        ["Tom & Jerry <stretch> ".to_owned(), SEEDED_TITLE.to_owned()],
        "channel title, then items newest first; a control character dropped"
    );
    let links = xml_texts(&feed, "link");
    assert!(links.contains(&format!("{base}/articles/published-one")));
    assert!(!feed.contains("a-draft") && !feed.contains("a-scheduled"));

    // Autodiscovery, the manifest and its icons.
    let home = app.page("/").await;
    assert_eq!(
        home.attrs(r#"head link[type="application/rss+xml"]"#, "href"),
        ["/feed.xml"]
    );
    assert_eq!(
        home.attrs(r#"head link[rel="manifest"]"#, "href"),
        ["/manifest.webmanifest"]
    );
    let manifest: Value = app
        .get("/manifest.webmanifest")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(manifest["name"], "Monmouth Pain & Scoliosis Center");
    assert_eq!(manifest["display"], "standalone");
    assert!(manifest["icons"].as_array().is_some_and(|i| i.len() >= 3));

    // Published now: in the feed and the sitemap on the next request.
    let editor = app.staff(app::domain::staff::Role::Editor).await;
    let id: i64 = app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT id FROM articles WHERE slug = 'a-draft'")
        .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{e}"));
    let published = app.set_article_state(&editor.client, id, "published").await;
    assert_eq!(published.status(), StatusCode::OK);
    let sitemap = app
        .get("/sitemap.xml")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(xml_texts(&sitemap, "loc").contains(&format!("{base}/articles/a-draft")));
}

/// The seed's Spanish address of a service.
fn spanish_slug(english: &str) -> &'static str {
    match english {
        "chiropractic" => "quiropractica",
        "physical-therapy" => "fisioterapia",
        "occupational-therapy" => "terapia-ocupacional",
        "scoliosis-treatments" => "tratamientos-de-escoliosis",
        "acupuncture" => "acupuntura",
        other => panic!("no Spanish slug for {other}"),
    }
}
