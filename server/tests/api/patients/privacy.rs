//! Patients' pages track no one: no cookie, nothing loaded from elsewhere.

use crate::support::helpers::{spawn_app, SEEDED_ARTICLE};

#[tokio::test]
async fn no_page_sets_a_cookie_or_loads_from_another_site() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/services",
        "/articles",
        SEEDED_ARTICLE,
        "/about",
        "/contact",
        "/privacy",
        "/nope",
    ] {
        let response = app.get(path).await;
        assert!(
            response.headers().get("set-cookie").is_none(),
            "{path} sets a cookie"
        );
        assert_eq!(
            response
                .headers()
                .get("x-content-type-options")
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{path}"
        );
        let body = response.text().await.unwrap_or_default();
        let html = scraper::Html::parse_document(&body);
        // A canonical or alternate link names an address; it loads nothing.
        for css in [
            "script[src]",
            "link[href]:not([rel=canonical]):not([rel=alternate])",
            "img[src]",
        ] {
            let sel = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{e}"));
            for el in html.select(&sel) {
                let url = el
                    .value()
                    .attr("src")
                    .or(el.value().attr("href"))
                    .unwrap_or_default();
                assert!(
                    url.starts_with('/') && !url.starts_with("//"),
                    "{path}: {css} loads {url}"
                );
            }
        }
    }
}
