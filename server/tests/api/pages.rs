use crate::helpers::{spawn_app, CLINIC, SEEDED_ARTICLE, SEEDED_TITLE};
use reqwest::StatusCode;
use std::collections::HashSet;

const SERVICES: [(&str, &str); 5] = [
    ("/services/chiropractic", "Chiropractic"),
    ("/services/physical-therapy", "Physical Therapy"),
    ("/services/occupational-therapy", "Occupational Therapy"),
    ("/services/scoliosis-treatments", "Scoliosis Treatments"),
    ("/services/acupuncture", "Acupuncture"),
];

/// Every public page: status, its own title and description, its heading,
/// and the shared layout around it.
#[tokio::test]
async fn every_public_page_renders_on_the_server_with_its_own_title_and_description() {
    let app = spawn_app().await;
    let mut pages: Vec<(String, String)> = vec![
        ("/".into(), CLINIC.into()),
        ("/services".into(), "Our services".into()),
        ("/articles".into(), "Articles".into()),
        (SEEDED_ARTICLE.into(), SEEDED_TITLE.into()),
        ("/about".into(), format!("About {CLINIC}")),
        ("/contact".into(), "Contact us".into()),
        ("/privacy".into(), "Privacy".into()),
    ];
    pages.extend(
        SERVICES
            .iter()
            .map(|(path, name)| ((*path).to_owned(), (*name).to_owned())),
    );

    let mut titles = HashSet::new();
    let mut descriptions = HashSet::new();
    for (path, heading) in &pages {
        let page = app.page(path).await;
        page.assert_status(StatusCode::OK);
        assert_eq!(page.texts("h1"), vec![heading.clone()], "{path}: one h1");
        let title = page.title();
        assert!(
            title.contains(CLINIC),
            "{path}: title {title:?} names the clinic"
        );
        assert!(
            titles.insert(title.clone()),
            "{path}: title {title:?} is not unique"
        );
        let description = page.description();
        assert!(
            description.len() >= 50,
            "{path}: description {description:?} is too short"
        );
        assert!(
            descriptions.insert(description.clone()),
            "{path}: description is not unique"
        );

        // The shared layout.
        assert_eq!(
            page.attrs("a.skip-link", "href"),
            vec!["#main"],
            "{path}: skip link"
        );
        assert_eq!(
            page.attrs("main", "id"),
            vec!["main"],
            "{path}: main landmark"
        );
        assert!(
            page.attrs("header a", "href")
                .contains(&"tel:+17323451377".to_owned()),
            "{path}: tel link"
        );
        assert!(
            page.attrs("header a", "href")
                .contains(&"mailto:info@monmouthpain.com".to_owned()),
            "{path}: mailto"
        );
        assert_eq!(
            page.text("header .brand"),
            CLINIC,
            "{path}: clinic name in header"
        );
        assert_eq!(
            page.texts("nav#site-nav a"),
            ["Home", "Services", "Articles", "About", "Contact"],
            "{path}: main navigation"
        );
        assert_eq!(
            page.attrs("button.menu-button", "aria-expanded"),
            vec!["false"],
            "{path}: menu button"
        );
        assert!(
            page.text("footer")
                .contains("combines expert collaborative care with 5-star service"),
            "{path}: about text in footer"
        );
        assert!(
            page.attrs("footer a", "href")
                .contains(&"/privacy".to_owned()),
            "{path}: privacy link"
        );
        assert_eq!(page.attrs("html", "lang"), vec!["en"], "{path}: language");
        // Hydration: the page loads its wasm from this site only.
        let scripts = page.inner_html("head");
        let hydration = page.inner_html(r#"script[type="module"]"#);
        let hashed = hydration
            .split("import(\"/pkg/")
            .nth(1)
            .and_then(|rest| rest.split_once("/clinic.js\""))
            .is_some_and(|(hash, _)| hash.len() == 16);
        assert!(
            hashed,
            "{path}: hydration script at a hashed address: {hydration}"
        );
        assert!(
            !scripts.contains("https://"),
            "{path}: no third-party resources in head"
        );
    }
}

#[tokio::test]
async fn home_shows_the_clinic_its_five_services_the_latest_articles_and_how_to_reach_it() {
    let app = spawn_app().await;
    let page = app.page("/").await;
    page.assert_status(StatusCode::OK);
    assert_eq!(page.title(), CLINIC);
    let text = page.text("main");
    assert!(text.contains(
        "multi-specialty, all-under-one-roof orthopedic facility serving Monmouth County, NJ"
    ));
    assert!(text.contains("Simple, effective, efficient."));
    let service_links = page.attrs("main .service-item a", "href");
    assert_eq!(
        service_links,
        SERVICES
            .iter()
            .map(|(p, _)| (*p).to_owned())
            .collect::<Vec<_>>()
    );
    assert_eq!(page.texts("main .article-item h3"), [SEEDED_TITLE]);
    let main_links = page.attrs("main a", "href");
    assert!(
        main_links.contains(&"tel:+17323451377".to_owned()),
        "call to action by phone"
    );
    assert!(
        main_links.contains(&"mailto:info@monmouthpain.com".to_owned()),
        "e-mail"
    );
    assert!(
        page.texts("main a")
            .iter()
            .any(|t| t == "Request a consultation"),
        "consultation call to action"
    );
    assert!(text.contains("Have Questions? Get In Touch Today!"));
}

#[tokio::test]
async fn services_list_links_every_service_page() {
    let app = spawn_app().await;
    let page = app.page("/services").await;
    assert_eq!(
        page.texts("main .service-item h3"),
        SERVICES
            .iter()
            .map(|(_, n)| (*n).to_owned())
            .collect::<Vec<_>>()
    );
    for (path, name) in SERVICES {
        let service = app.page(path).await;
        service.assert_status(StatusCode::OK);
        assert_eq!(service.title(), format!("{name} | {CLINIC}"));
        assert!(service.text(".prose").len() > 200, "{path}: has body copy");
        assert!(
            service
                .text("main")
                .contains("Have Questions? Get In Touch Today!"),
            "{path}: call to action"
        );
        let others = service.texts("main nav[aria-labelledby=other-services] a");
        assert_eq!(others.len(), 4, "{path}: links the four other services");
        assert!(!others.contains(&name.to_owned()), "{path}: not itself");
    }
}

#[tokio::test]
async fn the_clinics_article_is_served_exactly_as_written() {
    let app = spawn_app().await;
    let page = app.page(SEEDED_ARTICLE).await;
    page.assert_status(StatusCode::OK);
    assert_eq!(page.title(), format!("{SEEDED_TITLE} | {CLINIC}"));
    assert_eq!(page.text("article .byline"), "Dec 13, 2023 | Acupuncture");
    assert_eq!(
        page.attrs("article .byline time", "datetime"),
        ["2023-12-13"]
    );
    assert_eq!(
        page.description(),
        "Acupuncture has long been recognized as an effective treatment for a variety of ailments, including low back pain."
    );
    let paragraphs = page.texts("article .prose > p");
    assert_eq!(paragraphs.first().map(String::as_str), Some("Acupuncture has long been recognized as an effective treatment for a variety of ailments, including low back pain."));
    assert!(paragraphs.contains(&"According to the American Academy of Medical Acupuncture, acupuncture is particularly effective in relieving chronic low back pain, with up to 83% of patients experiencing significant relief.".to_owned()));
    assert_eq!(
        paragraphs.last().map(String::as_str),
        Some("Give us a call or schedule online for an appointment or free consultation.")
    );
    let items = page.texts("article .prose ol > li");
    assert_eq!(items.len(), 5);
    assert!(items[0].starts_with("Stimulating the release of endorphins: Acupuncture stimulates"));
    assert!(
        items[4].starts_with("Balancing energy flow: According to traditional Chinese medicine")
    );
    assert_eq!(
        page.texts("article .prose ol > li > p > strong, article .prose ol > li > strong")
            .len(),
        5,
        "bold lead-ins kept"
    );
    assert!(
        page.text("article")
            .contains("Have Questions? Get In Touch Today!"),
        "call to action"
    );
    assert!(
        page.text("footer")
            .contains("combines expert collaborative care"),
        "about block (in the footer, as on every page)"
    );
    assert!(
        page.html
            .select(&scraper::Selector::parse("article img").unwrap_or_else(|e| panic!("{e}")))
            .next()
            .is_none(),
        "no hero image: the clinic's image file did not survive, so none is shown"
    );
}

/// An article published in the clinic's evening is dated that day, though
/// it is already the next day in UTC.
#[tokio::test]
async fn an_evening_article_keeps_the_clinics_date() {
    let app = spawn_app().await;
    sqlx::query("UPDATE articles SET published_at = '2023-12-14T03:30:00Z' WHERE slug = ?")
        .bind(SEEDED_ARTICLE.trim_start_matches("/articles/"))
        .execute(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.page(SEEDED_ARTICLE).await;
    assert_eq!(page.text("article .byline"), "Dec 13, 2023 | Acupuncture");
    assert_eq!(
        page.attrs("article .byline time", "datetime"),
        ["2023-12-13"]
    );
}

#[tokio::test]
async fn about_contact_and_privacy_say_what_patients_need() {
    let app = spawn_app().await;
    let about = app.page("/about").await;
    assert!(about.text("main").contains("5-star service"));
    assert_eq!(about.texts("main .service-item h3").len(), 5);

    let contact = app.page("/contact").await;
    let links = contact.attrs("main a", "href");
    assert!(links.contains(&"tel:+17323451377".to_owned()));
    assert!(links.contains(&"mailto:info@monmouthpain.com".to_owned()));
    assert!(contact.text("main").contains("call 911"));
    assert!(contact.text("main").contains("Monmouth County, NJ"));

    let privacy = app.page("/privacy").await;
    let text = privacy.text("main");
    assert!(text.contains("No cookies"), "{text}");
    assert!(text.contains("No analytics"), "{text}");
}

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

#[tokio::test]
async fn social_links_configured_by_staff_appear_in_the_footer() {
    let app = spawn_app().await;
    sqlx::query("INSERT INTO social_links (label, url, position) VALUES ('Facebook', 'https://www.facebook.com/example', 0)")
        .execute(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.page("/about").await;
    assert!(page.texts("footer h3").contains(&"Follow Us".to_owned()));
    assert_eq!(
        page.attrs("footer .social-links a", "href"),
        ["https://www.facebook.com/example"]
    );
}
