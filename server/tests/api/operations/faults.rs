//! Storage faults: a request the database refuses (a full disk, a
//! read-only file) is never acknowledged, the patient keeps what they
//! typed, and the site takes requests again once the database does,
//! without a restart.

use crate::support::helpers::spawn_sqlite_app;
use crate::support::request_helpers::{redirect_target, valid_fields, with};
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

    let (token, fields) = refused_and_kept(&app, "Kept while the disk was full.").await;

    // Space again: the same form goes through, once.
    app::on_pool!(&app.store, c => sqlx::query("DROP TRIGGER disk_full")
        .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    goes_through_once(&app, &fields, &token).await;
}

/// A read-only database, as SQLite refuses it ("attempt to write a
/// readonly database"): every connection of the server's own pool is made
/// read-only (`PRAGMA query_only`), then writable again.
#[tokio::test]
async fn a_read_only_database_acknowledges_nothing_loses_nothing_and_recovers() {
    let app = spawn_sqlite_app().await;
    read_only(&app, true).await;
    let (token, fields) = refused_and_kept(&app, "Kept while the file was read-only.").await;
    assert_eq!(
        app.get("/readyz").await.status(),
        StatusCode::SERVICE_UNAVAILABLE,
        "not ready while nothing can be written"
    );
    read_only(&app, false).await;
    goes_through_once(&app, &fields, &token).await;
}

/// Sets `query_only` on every connection the server's pool holds (all
/// of them at once, so none is missed).
async fn read_only(app: &crate::support::helpers::TestApp, on: bool) {
    let pool = crate::support::helpers::sqlite(&app.store);
    let mut held = Vec::new();
    for _ in 0..pool.options().get_max_connections() {
        let mut conn = pool.acquire().await.unwrap_or_else(|e| panic!("{e}"));
        sqlx::query(if on {
            "PRAGMA query_only = ON"
        } else {
            "PRAGMA query_only = OFF"
        })
        .execute(&mut *conn)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        held.push(conn);
    }
}

/// While the database refuses writes: both paths answer 503 with the
/// sentence, the no-JavaScript page keeps every value, nothing is stored.
/// Returns the form's token and fields, to send again.
async fn refused_and_kept(
    app: &crate::support::helpers::TestApp,
    message: &str,
) -> (String, Vec<(&'static str, String)>) {
    let token = app.form_token().await;
    let js = app.post_json(&valid_fields(), &token).await;
    assert_eq!(js.status(), StatusCode::SERVICE_UNAVAILABLE);
    let error = crate::support::helpers::api_error(js).await;
    assert_eq!(error, ApiError::NotSaved);
    assert!(error.to_string().contains("not sent"), "{error}");

    let fields = with(valid_fields(), "message", message);
    let page = app.post_form_page(&fields, &token).await;
    page.assert_status(StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.text("main").contains("could not be saved"));
    assert_eq!(page.attrs("#cr-name", "value"), ["Ana Lima"]);
    assert_eq!(page.text("#cr-message"), message);
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 0);
    (token, fields)
}

/// Writes work again: the same form goes through, once, with no restart.
async fn goes_through_once(
    app: &crate::support::helpers::TestApp,
    fields: &[(&'static str, String)],
    token: &str,
) {
    let sent = redirect_target(&app.post_form(fields, token).await);
    assert!(sent.starts_with("/consultation/sent/"), "{sent}");
    let again = redirect_target(&app.post_form(fields, token).await);
    assert_eq!(again, sent, "the same form is the same request");
    assert_eq!(app.count("SELECT COUNT(*) FROM consultations").await, 1);
    assert_eq!(app.get("/readyz").await.status(), StatusCode::OK);
}

/// Sets the running server's file-size limit (`ulimit -f`, soft only, so it
/// can be lifted again): `"0"` lets it write no byte, like a full disk.
async fn file_size_limit(pid: u32, limit: &str) {
    let pid = pid.to_string();
    let soft = format!("--fsize={limit}:");
    let status = tokio::task::spawn_blocking(move || {
        std::process::Command::new("prlimit")
            .args(["--pid", &pid, &soft])
            .status()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("prlimit: {e}"));
    assert!(status.success(), "prlimit {limit}");
}

/// A real full disk, as the operating system refuses it: the running
/// server (the real binary) may not write one more byte to any file. Both
/// paths answer 503 and keep what was typed, nothing is acknowledged, and
/// once space returns the same form goes through without a restart.
#[tokio::test]
async fn on_a_full_disk_nothing_is_acknowledged_or_lost_and_the_site_recovers() {
    use crate::operations::crash::{start_with, wait_up, Started};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let Started {
        mut child, base, ..
    } = start_with(dir.path(), &[]);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    wait_up(&client, &base).await;
    let setup = client
        .get(format!("{base}/api/consultation_form"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let setup: app::api::request::FormSetup = crate::support::helpers::decoded(setup).await;
    let message = "Typed while the disk was full.";
    let mut fields = with(valid_fields(), "message", message);
    fields.push(("token", setup.token.clone()));
    let post_form = || {
        client
            .post(format!("{base}/consultation"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(&fields).unwrap_or_default())
            .send()
    };

    file_size_limit(child.id(), "0").await;
    let js = client
        .post(format!("{base}/api/consultation"))
        .json(&crate::support::request_helpers::json_body(
            &valid_fields(),
            &setup.token,
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(js.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        crate::support::helpers::api_error(js).await,
        ApiError::NotSaved
    );
    let page = post_form().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = scraper::Html::parse_document(&page.text().await.unwrap_or_default());
    let one = |css: &str| {
        let selector = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{e:?}"));
        html.select(&selector).next().map(|el| {
            el.value()
                .attr("value")
                .map_or_else(|| el.text().collect::<String>(), str::to_owned)
        })
    };
    assert_eq!(one("#cr-name").as_deref(), Some("Ana Lima"));
    assert_eq!(one("#cr-message").as_deref(), Some(message));
    assert!(one("main")
        .unwrap_or_default()
        .contains("could not be saved"));
    let ready = client.get(format!("{base}/readyz")).send().await;
    assert_eq!(
        ready.map(|r| r.status()).ok(),
        Some(StatusCode::SERVICE_UNAVAILABLE),
        "not ready while nothing can be written"
    );

    // Space again: the same form goes through, once, with no restart.
    file_size_limit(child.id(), "unlimited").await;
    let sent = post_form().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let again = post_form().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again.headers().get("location"),
        sent.headers().get("location"),
        "the same form is the same request"
    );
    let ready = client.get(format!("{base}/readyz")).send().await;
    assert_eq!(ready.map(|r| r.status()).ok(), Some(StatusCode::OK));
    let _ = child.kill();
    let _ = tokio::task::spawn_blocking(move || child.wait()).await;

    let db = crate::support::helpers::open_sqlite(dir.path()).await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT reference FROM consultations")
        .fetch_all(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored.len(), 1, "stored once, after space returned");
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(integrity, "ok");
}
