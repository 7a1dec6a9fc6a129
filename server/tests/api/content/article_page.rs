//! The clinic's article page, served as written and dated on its clock.

use crate::support::helpers::{spawn_app, CLINIC, SEEDED_ARTICLE, SEEDED_TITLE};
use reqwest::StatusCode;

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
    app::on_pool!(&app.store, c => sqlx::query("UPDATE articles SET published_at = '2023-12-14T03:30:00Z' WHERE slug = $1")
        .bind(SEEDED_ARTICLE.trim_start_matches("/articles/"))
        .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    let page = app.page(SEEDED_ARTICLE).await;
    assert_eq!(page.text("article .byline"), "Dec 13, 2023 | Acupuncture");
    assert_eq!(
        page.attrs("article .byline time", "datetime"),
        ["2023-12-13"]
    );
}
