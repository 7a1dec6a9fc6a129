use crate::helpers::spawn_app;
use reqwest::StatusCode;

#[tokio::test]
async fn unknown_addresses_and_slugs_get_a_real_404_page() {
    let app = spawn_app().await;
    let cases = [
        ("unknown path", "/no-such-page"),
        ("unknown nested path", "/services/chiropractic/extra"),
        ("unknown service", "/services/massage"),
        ("unknown article", "/articles/no-such-article"),
        ("invalid slug", "/articles/Not_A_Slug"),
        ("unknown category", "/articles?category=cardiology"),
        ("page past the end", "/articles?page=9"),
    ];
    for (name, path) in cases {
        let page = app.page(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "case {name}: {path}");
        assert_eq!(page.text("h1"), "Page not found", "case {name}");
        assert!(
            page.title().starts_with("Page not found"),
            "case {name}: {}",
            page.title()
        );
        assert!(
            page.attrs("main a", "href").contains(&"/".to_owned()),
            "case {name}: a way back home"
        );
        assert_eq!(
            page.text("header .brand"),
            crate::helpers::CLINIC,
            "case {name}: full layout"
        );
    }
}
