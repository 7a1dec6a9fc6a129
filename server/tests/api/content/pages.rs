use crate::support::helpers::{spawn_app, CLINIC, SEEDED_ARTICLE, SEEDED_TITLE};
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
async fn social_links_configured_by_staff_appear_in_the_footer() {
    let app = spawn_app().await;
    app::on_pool!(&app.store, c => sqlx::query("INSERT INTO social_links (label, url, position) VALUES ('Facebook', 'https://www.facebook.com/example', 0)")
        .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.page("/about").await;
    assert!(page.texts("footer h3").contains(&"Follow Us".to_owned()));
    assert_eq!(
        page.attrs("footer .social-links a", "href"),
        ["https://www.facebook.com/example"]
    );
}
