use crate::support::helpers::spawn_app;
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
            crate::support::helpers::CLINIC,
            "case {name}: full layout"
        );
    }
}

#[tokio::test]
async fn an_address_with_a_trailing_slash_answers_301_to_the_one_without() {
    let app = spawn_app().await;
    let cases = [
        ("/es/", "/es"),
        ("/services/", "/services"),
        ("/articles/", "/articles"),
        ("/es/articulos/", "/es/articulos"),
        ("/services/acupuncture/", "/services/acupuncture"),
        ("/es/servicios/acupuntura/", "/es/servicios/acupuntura"),
        (
            "/articles/?category=acupuncture",
            "/articles?category=acupuncture",
        ),
        ("/consultation/", "/consultation"),
        ("/es/consulta/", "/es/consulta"),
        ("/admin/", "/admin"),
        // Never to another site: `//host` would be read as one.
        ("//other.example/", "/other.example"),
    ];
    for (from, to) in cases {
        let response = app.get(from).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{from}");
        assert_eq!(response.headers()[reqwest::header::LOCATION], to, "{from}");
        if !to.starts_with("/other") {
            assert_eq!(app.get(to).await.status(), StatusCode::OK, "{to}");
        }
    }
    // An old WordPress address, stored with its slash, reaches its article in one hop.
    app::on_pool!(&app.store, c => sqlx::query("INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES ('/2019/05/old-post/', '/articles/5-ways-that-acupuncture-helps-with-low-back-pain', 'wordpress', '2026-01-01T00:00:00Z')")
        .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    let response = app.get("/2019/05/old-post/").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        response.headers()[reqwest::header::LOCATION],
        "/articles/5-ways-that-acupuncture-helps-with-low-back-pain"
    );
    // The home page keeps its one slash.
    assert_eq!(app.get("/").await.status(), StatusCode::OK);
}
