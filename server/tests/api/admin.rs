use crate::admin_helpers::PASSWORD;
use crate::consultation_helpers::{redirect_target, valid_fields};
use crate::helpers::{spawn_app, TestApp};
use app::domain::staff::Role;
use reqwest::StatusCode;

/// The status each kind of caller must get.
type Expect = Box<dyn Fn(Who) -> StatusCode>;
/// An admin server function, the form it is sent, and what each caller gets.
type Call = (&'static str, Vec<(&'static str, String)>, Expect);

/// Who asks: nobody signed in, or a member with this role.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    As(Role),
}

async fn a_request(app: &TestApp) -> String {
    let token = app.form_token().await;
    let location = redirect_target(&app.post_form(&valid_fields(), &token).await);
    location.rsplit('/').next().unwrap_or_default().to_owned()
}

/// Every admin server function and route, for every kind of caller, with
/// the status each must get.
#[tokio::test]
async fn the_role_matrix_holds_for_every_admin_endpoint() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let editor = app.staff(Role::Editor).await;
    let admin = app.staff(Role::Admin).await;
    let other = app
        .add_staff(Role::Editor, "other@clinic.example")
        .await
        .to_string();

    let requests_only = |who: Who| match who {
        Who::Anonymous => StatusCode::UNAUTHORIZED,
        Who::As(Role::Editor) => StatusCode::FORBIDDEN,
        Who::As(_) => StatusCode::OK,
    };
    let admin_only = |who: Who| match who {
        Who::Anonymous => StatusCode::UNAUTHORIZED,
        Who::As(Role::Admin) => StatusCode::OK,
        Who::As(_) => StatusCode::FORBIDDEN,
    };
    let calls: Vec<Call> = vec![
        (
            "admin/inbox",
            vec![("status", String::new())],
            Box::new(requests_only),
        ),
        ("admin/me", vec![], Box::new(|_| StatusCode::OK)),
        (
            "admin/request",
            vec![("reference", reference.clone())],
            Box::new(requests_only),
        ),
        (
            "admin/request_status",
            vec![
                ("reference", reference.clone()),
                ("status", "contacted".into()),
            ],
            Box::new(requests_only),
        ),
        (
            "admin/request_note",
            vec![
                ("reference", reference.clone()),
                ("body", "Called back.".into()),
            ],
            Box::new(requests_only),
        ),
        ("admin/accounts", vec![], Box::new(admin_only)),
        (
            "admin/disable_account",
            vec![("id", other.clone()), ("disabled", "false".into())],
            Box::new(admin_only),
        ),
        ("admin/audit", vec![], Box::new(admin_only)),
    ];
    let anonymous = app.browser();
    let callers = [
        (Who::Anonymous, &anonymous),
        (Who::As(Role::FrontDesk), &front.client),
        (Who::As(Role::Editor), &editor.client),
        (Who::As(Role::Admin), &admin.client),
    ];
    for (endpoint, form, expect) in &calls {
        for (who, client) in callers {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app.call(client, endpoint, &form).await;
            assert_eq!(response.status(), expect(who), "{endpoint} as {who:?}");
            assert_eq!(
                response
                    .headers()
                    .get("cache-control")
                    .map(|v| v.as_bytes()),
                Some(&b"no-store"[..]),
                "{endpoint} as {who:?}: no-store"
            );
        }
    }
    // Creating accounts: administrators only (a new e-mail each time).
    for (n, (who, client)) in callers.iter().enumerate() {
        let email = format!("new{n}@clinic.example");
        let form = [
            ("email", email.as_str()),
            ("name", "New Person"),
            ("role", "editor"),
            ("password", PASSWORD),
        ];
        let response = app.call(client, "admin/create_account", &form).await;
        assert_eq!(
            response.status(),
            admin_only(*who),
            "create_account as {who:?}"
        );
    }
    // The CSV export and the admin pages.
    for (who, client) in callers {
        let csv = client
            .get(app.url("/admin/requests.csv"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(csv.status(), admin_only(who), "CSV export as {who:?}");
        let page = client
            .get(app.url("/admin/requests"))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let want = match who {
            Who::Anonymous => StatusCode::FOUND,
            other => requests_only(other),
        };
        assert_eq!(page.status(), want, "/admin/requests as {who:?}");
        assert_eq!(
            page.headers().get("cache-control").map(|v| v.as_bytes()),
            Some(&b"no-store"[..])
        );
        if who == Who::Anonymous {
            assert_eq!(
                page.headers().get("location").map(|v| v.as_bytes()),
                Some(&b"/admin/sign-in"[..])
            );
        }
    }
}

#[tokio::test]
async fn the_front_desk_reads_a_request_changes_its_status_and_every_step_is_audited() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let page = front
        .client
        .get(app.url(&format!("/admin/requests/{reference}")))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap_or_default();
    for field in [
        "Ana Lima",
        "(732) 555-0142",
        "ana@example.com",
        "Acupuncture",
        "Monday, Wednesday",
        "Lower back pain since spring.",
    ] {
        assert!(html.contains(field), "the request page shows {field}");
    }
    let status = app
        .call(
            &front.client,
            "admin/request_status",
            &[("reference", &reference), ("status", "contacted")],
        )
        .await;
    assert_eq!(status.status(), StatusCode::OK);
    let note = app
        .call(
            &front.client,
            "admin/request_note",
            &[("reference", &reference), ("body", "Left a voicemail.")],
        )
        .await;
    assert_eq!(note.status(), StatusCode::OK);
    let stored: String = sqlx::query_scalar("SELECT status FROM consultations")
        .fetch_one(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(stored, "contacted");
    let audit: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT action, subject FROM audit_log ORDER BY id")
            .fetch_all(&app.db)
            .await
            .unwrap_or_default();
    let actions: Vec<&str> = audit.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "staff.sign_in",
            "consultation.view",
            "consultation.status",
            "consultation.note"
        ]
    );
    assert_eq!(
        audit[2].1.as_deref(),
        Some(format!("{reference} -> contacted").as_str())
    );
    let bad = app
        .call(
            &front.client,
            "admin/request_status",
            &[("reference", &reference), ("status", "deleted")],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let missing = app
        .call(
            &front.client,
            "admin/request",
            &[("reference", "CR-2222-2222")],
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

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
    let front_id = app.add_staff(Role::FrontDesk, "desk@clinic.example").await;

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
                .post(app.url("/api/admin/inbox"))
                .header("cookie", cookie)
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
    let second = app.browser();
    let signed_in = app
        .call(
            &second,
            "admin/sign_in",
            &[("email", &admin.email), ("password", PASSWORD)],
        )
        .await;
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
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures")
        .fetch_one(&app.db)
        .await
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
        locked
            .text()
            .await
            .unwrap_or_default()
            .contains("SignInLocked"),
        "the page shows the lock message"
    );
}

#[tokio::test]
async fn cross_site_state_changes_are_refused() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let response = front
        .client
        .post(app.url("/api/admin/request_status"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "https://evil.example")
        .body(format!("reference={reference}&status=closed"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let stored: String = sqlx::query_scalar("SELECT status FROM consultations")
        .fetch_one(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(stored, "new");
}

#[tokio::test]
async fn the_csv_export_has_every_request_and_defuses_spreadsheet_formulas() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let fields =
        crate::consultation_helpers::with(valid_fields(), "message", "=HYPERLINK(\"http://evil\")");
    redirect_target(&app.post_form(&fields, &token).await);
    let admin = app.staff(Role::Admin).await;
    let csv = admin
        .client
        .get(app.url("/admin/requests.csv"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(
        csv.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"text/csv; charset=utf-8"[..])
    );
    let body = csv.text().await.unwrap_or_default();
    assert!(body.starts_with("reference,received,name,phone"), "{body}");
    assert!(
        body.contains("Ana Lima") && body.contains("'=HYPERLINK"),
        "{body}"
    );
    let exported: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.export'")
            .fetch_one(&app.db)
            .await
            .unwrap_or_default();
    assert_eq!(exported, 1);
}

#[tokio::test]
async fn the_first_administrator_is_created_with_the_cli() {
    let app = spawn_app().await;
    let db_url = format!("sqlite://{}", app.dir.path().join("clinic.db").display());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .args([
            "create-admin",
            "--email",
            "owner@clinic.example",
            "--name",
            "Owner",
        ])
        .env("DATABASE_URL", &db_url)
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
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
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
