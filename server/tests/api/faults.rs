//! Storage faults: a request the database refuses (a full disk, a
//! read-only file) is never acknowledged, the patient keeps what they
//! typed, and the site takes requests again once the database does,
//! without a restart.

use crate::helpers::spawn_sqlite_app;
use crate::request_helpers::{redirect_target, valid_fields, with};
use app::api::ApiError;
use reqwest::StatusCode;

#[tokio::test]
async fn a_request_the_database_refuses_is_not_acknowledged_and_nothing_typed_is_lost() {
    let app = spawn_sqlite_app().await;
    // What SQLite answers when the disk is full, on every insert.
    app::on_pool!(&app.store, c => sqlx::query(
        "CREATE TRIGGER disk_full BEFORE INSERT ON consultations
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    )
    .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));

    let token = app.form_token().await;
    let js = app.post_json(&valid_fields(), &token).await;
    assert_eq!(js.status(), StatusCode::SERVICE_UNAVAILABLE);
    let error = crate::helpers::api_error(js).await;
    assert_eq!(error, ApiError::NotSaved);
    assert!(error.to_string().contains("not sent"), "{error}");

    let message = "Kept while the disk was full.";
    let fields = with(valid_fields(), "message", message);
    let page = app.post_form_page(&fields, &token).await;
    page.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text("main").contains("could not be saved"));
    assert_eq!(page.attrs("#cr-name", "value"), ["Ana Lima"]);
    assert_eq!(page.text("#cr-message"), message);
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 0);

    // Space again: the same form goes through, once.
    app::on_pool!(&app.store, c => sqlx::query("DROP TRIGGER disk_full")
        .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    let sent = redirect_target(&app.post_form(&fields, &token).await);
    assert!(sent.starts_with("/consultation/sent/"), "{sent}");
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 1);
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
}
