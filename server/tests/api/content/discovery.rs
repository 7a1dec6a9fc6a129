use crate::support::helpers::{spawn_app, ArticleSpec, Page, SEEDED_ARTICLE, SEEDED_TITLE};
use reqwest::StatusCode;
use serde_json::Value;

fn meta(page: &Page, attr: &str, key: &str) -> String {
    page.attrs(&format!(r#"head meta[{attr}="{key}"]"#), "content")
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{}: no meta {attr}={key}", page.path))
}

fn graph(page: &Page) -> Value {
    let scripts = page.inner_html_all(r#"script[type="application/ld+json"]"#);
    assert_eq!(scripts.len(), 1, "{}: one JSON-LD graph", page.path);
    serde_json::from_str(&scripts[0]).unwrap_or_else(|e| panic!("{}: {e}", page.path))
}

fn types(graph: &Value) -> Vec<String> {
    graph["@graph"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter_map(|n| n["@type"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn every_public_page_has_its_own_head_for_search_and_sharing() {
    let app = spawn_app().await;
    let base = app.url("");
    let pages = [
        ("/", "website", vec!["MedicalClinic", "WebSite", "WebPage"]),
        ("/services", "website", vec!["MedicalClinic", "WebPage"]),
        (
            "/services/acupuncture",
            "website",
            vec!["MedicalClinic", "MedicalWebPage", "BreadcrumbList"],
        ),
        ("/articles", "website", vec!["MedicalClinic", "WebPage"]),
        (
            "/articles?category=acupuncture",
            "website",
            vec!["MedicalClinic", "WebPage", "BreadcrumbList"],
        ),
        (
            SEEDED_ARTICLE,
            "article",
            vec!["MedicalClinic", "BlogPosting", "BreadcrumbList"],
        ),
        ("/about", "website", vec!["MedicalClinic", "WebPage"]),
        ("/contact", "website", vec!["MedicalClinic", "WebPage"]),
        ("/privacy", "website", vec!["MedicalClinic", "WebPage"]),
        ("/consultation", "website", vec!["MedicalClinic", "WebPage"]),
    ];
    let mut titles = Vec::new();
    for (path, og_type, want_types) in pages {
        let page = app.page(path).await;
        page.assert_status(StatusCode::OK);
        let canonical = page.attrs(r#"head link[rel="canonical"]"#, "href");
        assert_eq!(
            canonical,
            [format!("{base}{path}").replace("?category=", "?category=")],
            "{path}"
        );
        assert_eq!(page.attrs("html", "lang"), ["en"], "{path}");
        assert_eq!(meta(&page, "name", "theme-color"), "#0b5e58", "{path}");
        assert_eq!(meta(&page, "property", "og:type"), og_type, "{path}");
        assert_eq!(
            meta(&page, "property", "og:url"),
            format!("{base}{path}"),
            "{path}"
        );
        assert!(!meta(&page, "property", "og:title").is_empty(), "{path}");
        assert_eq!(
            meta(&page, "property", "og:description"),
            page.description(),
            "{path}"
        );
        assert!(
            meta(&page, "property", "og:image").starts_with(&base),
            "{path}"
        );
        for key in ["og:image:width", "og:image:height"] {
            assert!(
                meta(&page, "property", key).parse::<u32>().is_ok(),
                "{path}: {key}"
            );
        }
        assert!(
            !meta(&page, "property", "og:image:alt").is_empty(),
            "{path}"
        );
        assert!(!meta(&page, "name", "twitter:card").is_empty(), "{path}");
        assert!(
            page.attrs(r#"head meta[name="robots"]"#, "content")
                .is_empty(),
            "{path}: indexable"
        );
        let g = graph(&page);
        let found = types(&g);
        for t in &want_types {
            assert!(found.contains(&(*t).to_owned()), "{path}: {t} in {found:?}");
        }
        let clinic = &g["@graph"][0];
        assert_eq!(clinic["telephone"], "+1-732-345-1377", "{path}");
        assert_eq!(clinic["medicalSpecialty"][0], "Musculoskeletal", "{path}");
        assert_eq!(
            clinic["availableService"].as_array().map(Vec::len),
            Some(5),
            "{path}"
        );
        titles.push(page.title());
    }
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "titles are unique: {titles:?}");

    let article = app.page(SEEDED_ARTICLE).await;
    assert_eq!(meta(&article, "property", "article:section"), "Acupuncture");
    assert!(meta(&article, "property", "article:published_time").starts_with("2023-12-13"));
    assert!(!meta(&article, "property", "article:modified_time").is_empty());
    let posting = &graph(&article)["@graph"][1];
    assert_eq!(posting["headline"], SEEDED_TITLE);
    assert_eq!(posting["author"]["@id"], posting["publisher"]["@id"]);
    assert_eq!(posting["about"]["name"], "Acupuncture");
}

#[tokio::test]
async fn private_and_error_pages_ask_not_to_be_indexed() {
    let app = spawn_app().await;
    for path in [
        "/admin/sign-in",
        "/no-such-page",
        "/articles/no-such-article",
    ] {
        let page = app.page(path).await;
        assert_eq!(
            page.attrs(r#"head meta[name="robots"]"#, "content"),
            ["noindex"],
            "{path}"
        );
        assert!(
            page.attrs(r#"head link[rel="canonical"]"#, "href")
                .is_empty(),
            "{path}"
        );
    }
    let admin = app.get("/admin/sign-in").await;
    assert_eq!(admin.headers()["x-robots-tag"], "noindex");
}

#[tokio::test]
async fn structured_data_survives_a_title_written_to_break_out() {
    let app = spawn_app().await;
    let title = r#"Pain </script><script>alert("x")</script> & more"#;
    app.add_article(ArticleSpec::published(
        "breakout",
        title,
        "Acupuncture",
        "2024-05-01",
    ))
    .await;
    let page = app.page("/articles/breakout").await;
    assert!(
        !page
            .texts("script")
            .iter()
            .any(|s| s.trim().starts_with("alert(")),
        "no script element of the title's own"
    );
    let posting = &graph(&page)["@graph"][1];
    assert_eq!(posting["headline"], title);
}
