//! Staff sign-in: same answer for unknown and wrong, session lifetime,
//! throttling, and the CLI that creates the first administrator.

use crate::support::admin_helpers::{now_unix, totp_code, PASSWORD};
use crate::support::helpers::{spawn_app, spawn_sqlite_app};
use app::domain::staff::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn an_unknown_account_and_a_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;
    app.add_staff(Role::Admin, "boss@clinic.example").await;
    let (_, wrong) = app
        .sign_in_as("boss@clinic.example", "not the password at all")
        .await;
    let (_, unknown) = app
        .sign_in_as("nobody@clinic.example", "not the password at all")
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong.text().await.unwrap_or_default(),
        unknown.text().await.unwrap_or_default()
    );
    let (_, right) = app.sign_in_as("BOSS@clinic.example", PASSWORD).await;
    assert_eq!(
        right.status(),
        StatusCode::OK,
        "e-mail is not case-sensitive"
    );
}

#[tokio::test]
async fn sessions_get_a_new_id_at_sign_in_and_die_at_sign_out_disable_or_tampering() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let front_id = app.add_staff(Role::Editor, "desk@clinic.example").await;

    // Session fixation: a cookie planted before sign-in is not the one after it.
    let planted = "clinic_session=attacker-chosen-id";
    let response = app
        .client
        .post(app.url("/api/admin/sign_in"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", planted)
        .body(format!(
            "email=desk%40clinic.example&password={}",
            PASSWORD.replace(' ', "+")
        ))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::OK);
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        set_cookie.starts_with("clinic_session=") && !set_cookie.contains("attacker-chosen-id"),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
        "{set_cookie}"
    );
    let cookie = set_cookie.split(';').next().unwrap_or_default().to_owned();

    let with_cookie = |cookie: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/admin/articles"))
                .header("cookie", cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("search=")
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .status()
        }
    };
    assert_eq!(with_cookie(cookie.clone()).await, StatusCode::OK);
    let tampered = format!("{}x", cookie);
    assert_eq!(
        with_cookie(tampered).await,
        StatusCode::UNAUTHORIZED,
        "tampered cookie"
    );

    // Disabling the account ends its session at once.
    let disable = app
        .call(
            &admin.client,
            "admin/disable_account",
            &[("id", &front_id.to_string()), ("disabled", "true")],
        )
        .await;
    assert_eq!(disable.status(), StatusCode::OK);
    assert_eq!(
        with_cookie(cookie.clone()).await,
        StatusCode::UNAUTHORIZED,
        "disabled account"
    );
    let (_, again) = app.sign_in_as("desk@clinic.example", PASSWORD).await;
    assert_eq!(
        again.status(),
        StatusCode::UNAUTHORIZED,
        "a disabled account can't sign in"
    );

    // Signing out ends the session on the server: replaying its cookie fails.
    let admin_cookie_before = app
        .call(&admin.client, "admin/accounts", &[])
        .await
        .status();
    assert_eq!(admin_cookie_before, StatusCode::OK);
    // The next step's code: enrolment used this step's.
    let secret = admin.secret.clone().unwrap_or_default();
    let code = totp_code(&secret, now_unix() + 30);
    let (second, signed_in) = app.sign_in_with_code(&admin.email, &code).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let admin_cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        app.call(&second, "admin/sign_out", &[]).await.status(),
        StatusCode::OK
    );
    let replay = app
        .client
        .post(app.url("/api/admin/accounts"))
        .header("cookie", admin_cookie)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        replay.status(),
        StatusCode::UNAUTHORIZED,
        "replay after sign-out"
    );
}

#[tokio::test]
async fn repeated_failures_lock_the_account_and_a_success_resets_the_count() {
    let app = spawn_app().await;
    app.add_staff(Role::Admin, "boss@clinic.example").await;
    for _ in 0..2 {
        let (_, r) = app
            .sign_in_as("boss@clinic.example", "wrong password 123")
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let (_, ok) = app.sign_in_as("boss@clinic.example", PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::OK);
    let left: i64 =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures")
        .fetch_one(c).await)
        .unwrap_or(-1);
    assert_eq!(left, 0, "a success clears the failures");

    for _ in 0..app::server::auth::throttle::LOCK_AFTER {
        let (_, r) = app
            .sign_in_as("boss@clinic.example", "wrong password 123")
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let (_, locked) = app.sign_in_as("boss@clinic.example", PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "locked even with the right password"
    );
    assert!(locked.headers().get("retry-after").is_some());
    assert!(
        matches!(
            crate::support::helpers::api_error(locked).await,
            app::api::ApiError::SignInLocked { .. }
        ),
        "the page shows the lock message"
    );
}

#[tokio::test]
async fn the_first_administrator_is_created_with_the_cli() {
    let app = spawn_sqlite_app().await;
    let db_url = format!("sqlite://{}", app.dir.path().join("clinic.db").display());
    // On a thread of its own: the server under test runs on this test's
    // runtime, and must keep running while the command waits for it.
    let url = db_url.clone();
    let out = tokio::task::spawn_blocking(move || {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args([
                "create-admin",
                "--email",
                "owner@clinic.example",
                "--name",
                "Owner",
            ])
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        if let Some(stdin) = child.stdin.as_mut() {
            use std::io::Write;
            writeln!(stdin, "{PASSWORD}").unwrap_or_else(|e| panic!("{e}"));
        }
        child.wait_with_output().unwrap_or_else(|e| panic!("{e}"))
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Created administrator Owner"));
    let (_, signed_in) = app.sign_in_as("owner@clinic.example", PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::OK);

    let short = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "create-admin",
            "--email",
            "second@clinic.example",
            "--name",
            "Second",
        ])
        .env("DATABASE_URL", &db_url)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            if let Some(stdin) = c.stdin.as_mut() {
                use std::io::Write;
                let _ = writeln!(stdin, "too short");
            }
            c.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
}

/// Roles that read patients' requests are signed out after a shorter quiet
/// spell (15 minutes by default; a second here) than the others.
#[tokio::test]
async fn sessions_that_read_requests_end_sooner_when_idle() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = server::config::Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.session_idle_requests = std::time::Duration::from_secs(1);
    let app = crate::support::helpers::spawn_with(dir, config).await;
    let front = app.staff(Role::FrontDesk).await;
    let editor = app.staff(Role::Editor).await;
    let me = |client: reqwest::Client| {
        let url = app.url("/api/admin/me");
        async move {
            let response = client
                .post(url)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            response
                .json::<Option<app::api::admin::auth::SignedIn>>()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
        }
    };
    // Active: both stay signed in, and each is told their own limit.
    let desk = me(front.client.clone()).await;
    assert_eq!(desk.map(|s| s.idle_minutes), Some(0));
    let writer = me(editor.client.clone()).await;
    assert_eq!(writer.map(|s| s.idle_minutes), Some(30));
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    // Quiet for longer than the front desk's limit: its session has ended.
    let inbox = app
        .call(&front.client, "admin/inbox", &[("status", "")])
        .await;
    assert_eq!(inbox.status(), StatusCode::UNAUTHORIZED);
    assert!(me(front.client.clone()).await.is_none());
    // The editor's longer limit has not passed.
    assert!(me(editor.client.clone()).await.is_some());
}
