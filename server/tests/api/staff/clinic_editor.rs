//! The clinic's facts, saved as every other kind of content is (issue 27):
//! against the version the editor opened, kept as a revision, and recorded
//! in the audit log in the same transaction; redirects' changes too.

use crate::support::helpers::{refuse_audit_entries, spawn_app, TestApp};
use app::domain::staff::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    version: i64,
    draft: &Value,
) -> reqwest::Response {
    client
        .post(app.url("/api/admin/save_clinic"))
        .json(&json!({ "version": version, "draft": draft }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_stale_clinic_save_is_refused_and_each_save_is_kept_with_its_revision_and_audit_entry() {
    let app = spawn_app().await;
    let ana = app.staff_named(Role::Editor, "ana@clinic.example").await;
    let ben = app.staff_named(Role::Editor, "ben@clinic.example").await;
    let opened = app.call(&ana.client, "admin/clinic", &[]).await;
    assert_eq!(opened.status(), StatusCode::OK);
    let opened: Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    let version = opened["version"].as_i64().unwrap_or_default();
    assert_eq!(version, 1, "as seeded");
    let mut draft = opened["draft"].clone();
    draft["tagline"] = "Open on Saturdays too.".into();

    let front_desk = app.staff(Role::FrontDesk).await;
    let refused = save(&app, &front_desk.client, version, &draft).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let saved = save(&app, &ana.client, version, &draft).await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(saved.json::<i64>().await.unwrap_or_default(), 2);
    assert!(app
        .page("/")
        .await
        .inner_html("body")
        .contains("Open on Saturdays too."));

    // Ben opened version 1 too: his save would undo Ana's.
    let mut bens = opened["draft"].clone();
    bens["tagline"] = "Ben's words.".into();
    let stale = save(&app, &ben.client, version, &bens).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(!app
        .page("/")
        .await
        .inner_html("body")
        .contains("Ben's words."));

    let kept = |sql: &'static str| app.count(sql);
    assert_eq!(
        kept("SELECT COUNT(*) FROM content_revisions WHERE kind = 'clinic'").await,
        1
    );
    assert_eq!(
        kept("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.save'").await,
        1
    );

    // The audit entry cannot be written: the change is not kept either.
    refuse_audit_entries(&app).await;
    let unrecorded = save(&app, &ana.client, 2, &bens).await;
    assert!(
        unrecorded.status().is_server_error(),
        "{}",
        unrecorded.status()
    );
    assert!(!app
        .page("/")
        .await
        .inner_html("body")
        .contains("Ben's words."));
    assert_eq!(
        kept("SELECT COUNT(*) FROM content_revisions WHERE kind = 'clinic'").await,
        1
    );
    let added = app
        .call(
            &ana.client,
            "admin/add_redirect",
            &[("from", "/old-offer/"), ("to", "/services")],
        )
        .await;
    assert!(added.status().is_server_error(), "{}", added.status());
    assert_eq!(
        kept("SELECT COUNT(*) FROM redirects WHERE from_path = '/old-offer/'").await,
        0
    );
}

/// The clinic's words in Spanish are edited like every translation: the
/// Spanish pages show them at once, a stale save is refused, each save is
/// a revision with its audit entry; the English pages keep theirs.
#[tokio::test]
async fn staff_write_the_clinics_words_in_spanish_and_spanish_pages_show_them() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let opened = app.call(&editor.client, "admin/clinic", &[]).await;
    let opened: Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    let spanish = &opened["translations"][0];
    assert_eq!(spanish["locale"], "Es");
    assert_eq!(spanish["version"], 1, "as seeded");
    let mut text = spanish["fields"].clone();
    text["tagline"] = "Abierto también los sábados.".into();
    let path = "/api/admin/save_clinic_translation";
    let send = |version: i64, text: &Value| {
        let body = json!({ "locale": "Es", "version": version, "text": text });
        let request = editor.client.post(app.url(path)).json(&body);
        async move { request.send().await.unwrap_or_else(|e| panic!("{e}")) }
    };
    let mut empty = text.clone();
    empty["about"] = "".into();
    assert_eq!(
        send(1, &empty).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(send(1, &text).await.status(), StatusCode::OK);
    assert_eq!(send(1, &text).await.status(), StatusCode::CONFLICT);

    assert!(app
        .page("/es")
        .await
        .inner_html("body")
        .contains("Abierto también los sábados."));
    assert!(!app
        .page("/")
        .await
        .inner_html("body")
        .contains("Abierto también los sábados."));
    let kept = |sql: &'static str| app.count(sql);
    assert_eq!(
        kept("SELECT COUNT(*) FROM content_revisions WHERE kind = 'clinic' AND locale = 'es'")
            .await,
        1
    );
    assert_eq!(
        kept("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.translate'").await,
        1
    );
}
