//! The locale registry (`app::domain::locale::REGISTRY`) drives every
//! language's pages: for each registered language, each patient page
//! answers at its address in that language and says so, names every
//! language's address as an alternate, is in the sitemap, takes the form's
//! post, has a message file, and the editors open a tab for it. A language
//! added to the registry without one of these fails here.

use crate::support::helpers::spawn_app;
use app::domain::locale::REGISTRY;
use app::domain::staff::Role;
use app::domain::{Locale, Slug};
use app::routes::Pages;
use reqwest::StatusCode;

fn slug(raw: &str) -> Slug {
    Slug::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

#[tokio::test]
async fn every_registered_language_has_every_page_its_alternates_sitemap_form_words_and_tabs() {
    let app = spawn_app().await;
    let article = slug("5-ways-that-acupuncture-helps-with-low-back-pain");
    // Services answer at their own slug in each language, or at the English
    // one (which sends on to the translated address).
    let service = slug("acupuncture");
    let sitemap = app
        .get("/sitemap.xml")
        .await
        .text()
        .await
        .unwrap_or_default();
    for spec in &REGISTRY {
        let locale = spec.locale;
        let pages = Pages(locale);
        assert!(
            app::server::i18n::message_file(locale).is_some(),
            "{}: no app/locales/{}.ftl",
            spec.english_name,
            spec.code
        );
        let mut addresses: Vec<String> = pages.fixed().iter().map(|p| (*p).to_owned()).collect();
        addresses.push(pages.article(&article));
        for path in &addresses {
            let page = app.page(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert_eq!(page.attrs("html", "lang"), [spec.code], "{path}");
            let alternates = page.attrs("link[rel=alternate][hreflang]", "hreflang");
            for other in Locale::ALL {
                assert!(
                    alternates.contains(&other.code().to_owned()),
                    "{path}: {alternates:?}"
                );
            }
            assert!(
                sitemap.contains(&format!("{path}</loc>")),
                "{path} is not in the sitemap"
            );
        }
        let service_page = app.get(&pages.service(&service)).await;
        assert!(
            matches!(service_page.status(), StatusCode::OK | StatusCode::FOUND),
            "{}: {}",
            pages.service(&service),
            service_page.status()
        );
        // The form posts to its own page: an empty one is answered with
        // what is missing, not "no such address".
        let posted = app
            .client
            .post(app.url(pages.consultation()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            posted.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            pages.consultation()
        );
    }

    // The editors open every language besides English in a tab of its own.
    let editor = app.staff(Role::Editor).await;
    let id = app
        .count("SELECT id FROM articles WHERE slug = '5-ways-that-acupuncture-helps-with-low-back-pain'")
        .await
        .to_string();
    let opened: serde_json::Value = app
        .call(&editor.client, "admin/article", &[("id", &id)])
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let service: serde_json::Value = app
        .call(&editor.client, "admin/service", &[("slug", "acupuncture")])
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let tabs = |opened: &serde_json::Value| -> Vec<String> {
        opened["translations"]
            .as_array()
            .map(|t| {
                t.iter()
                    .map(|t| t["locale"].as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let expected: Vec<String> = Locale::ALL
        .into_iter()
        .filter(|l| *l != Locale::En)
        .map(|l| format!("{l:?}"))
        .collect();
    assert_eq!(tabs(&opened), expected);
    assert_eq!(tabs(&service), expected);
    // So do the clinic's words and every category's name.
    let open = |endpoint: &'static str| {
        let request = app.call(&editor.client, endpoint, &[]);
        async move {
            request
                .await
                .json::<serde_json::Value>()
                .await
                .unwrap_or_else(|e| panic!("{endpoint}: {e}"))
        }
    };
    assert_eq!(tabs(&open("admin/clinic").await), expected);
    let categories = open("admin/categories").await;
    for category in categories.as_array().into_iter().flatten() {
        assert_eq!(tabs(category), expected, "{}", category["slug"]);
    }
}
