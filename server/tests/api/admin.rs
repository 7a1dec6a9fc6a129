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
    let content_only = |who: Who| match who {
        Who::Anonymous => StatusCode::UNAUTHORIZED,
        Who::As(Role::FrontDesk) => StatusCode::FORBIDDEN,
        Who::As(_) => StatusCode::OK,
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
        ("admin/services", vec![], Box::new(content_only)),
        (
            "admin/service",
            vec![("slug", "acupuncture".into())],
            Box::new(content_only),
        ),
        (
            "admin/articles",
            vec![("search", String::new())],
            Box::new(content_only),
        ),
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

/// Staff read when a request came in on the clinic's clock (New York by
/// default), with the zone named, not in UTC.
#[tokio::test]
async fn request_times_are_on_the_clinics_clock() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    sqlx::query("UPDATE consultations SET created_at = '2024-07-01T18:05:00Z'")
        .execute(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let front = app.staff(Role::FrontDesk).await;
    for path in [
        "/admin/requests".to_owned(),
        format!("/admin/requests/{reference}"),
    ] {
        let html = front
            .client
            .get(app.url(&path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default();
        assert!(
            html.contains("Jul 1, 2024 14:05 EDT"),
            "{path} shows the clinic's time"
        );
        assert!(!html.contains("18:05"), "{path} does not show UTC");
    }
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
