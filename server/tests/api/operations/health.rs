//! Probes for a load balancer, and malformed bodies answered as the
//! caller's mistake (4xx), with the access check first.

use crate::support::helpers::{spawn_app, spawn_sqlite_app};
use app::domain::staff::Role;
use reqwest::StatusCode;
use sqlx::Connection;

#[tokio::test]
async fn healthz_answers_and_readyz_answers_only_while_the_database_takes_writes() {
    let app = spawn_sqlite_app().await;
    let alive = app.get("/healthz").await;
    assert_eq!(alive.status(), StatusCode::OK);
    assert_eq!(
        alive.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    assert_eq!(alive.text().await.unwrap_or_default(), "ok\n");
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.unwrap_or_default(), "ready\n");

    // Another process holds the write lock past the server's patience.
    let mut locker = sqlx::SqliteConnection::connect(&format!(
        "sqlite://{}",
        app.dir.path().join("clinic.db").display()
    ))
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut locker)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let blocked = app.get("/readyz").await;
    assert_eq!(blocked.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(blocked
        .text()
        .await
        .unwrap_or_default()
        .contains("does not take writes"));
    sqlx::query("ROLLBACK")
        .execute(&mut locker)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        app.get("/readyz").await.status(),
        StatusCode::OK,
        "recovers by itself"
    );
}

async fn post(
    app: &crate::support::helpers::TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{endpoint}: {e}"))
}

#[tokio::test]
async fn malformed_bodies_are_the_callers_mistake_and_strangers_are_refused_before_decoding() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let stranger = app.browser();
    let state = "SELECT (SELECT COUNT(*) FROM articles) * 1000 + (SELECT COUNT(*) FROM article_revisions) * 10 + (SELECT COUNT(*) FROM staff WHERE disabled_at IS NOT NULL)";
    let before = app.count(state).await;
    let bomb = format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes();
    let bodies: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            "admin/save_article",
            "application/json",
            b"{\"draft\":".to_vec(),
        ),
        ("admin/save_article", "application/json", bomb.clone()),
        ("admin/preview", "application/json", bomb),
        ("admin/preview", "application/json", vec![0xff, 0xfe, 0x00]),
        (
            "admin/articles",
            "application/x-www-form-urlencoded",
            vec![0xff, b'=', 0xfe],
        ),
        (
            "admin/disable_account",
            "application/x-www-form-urlencoded",
            b"id=abc".to_vec(),
        ),
    ];
    for (endpoint, content_type, body) in bodies {
        let anonymous = post(&app, &stranger, endpoint, content_type, body.clone()).await;
        assert_eq!(
            anonymous.status(),
            StatusCode::UNAUTHORIZED,
            "{endpoint} from a stranger"
        );
        let signed_in = post(&app, &editor.client, endpoint, content_type, body).await;
        let status = signed_in.status();
        assert!(status.is_client_error(), "{endpoint}: {status}");
        let error = crate::support::helpers::api_error(signed_in).await;
        assert!(!error.to_string().is_empty(), "{endpoint}: a sentence");
    }
    // The open admin endpoints still answer strangers: sign-in's mistake is a 400.
    let sign_in = post(
        &app,
        &stranger,
        "admin/sign_in",
        "application/x-www-form-urlencoded",
        b"garbage".to_vec(),
    )
    .await;
    assert_eq!(sign_in.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.count(state).await, before, "nothing changed");
}
