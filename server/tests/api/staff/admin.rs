use crate::support::admin_helpers::PASSWORD;
use crate::support::helpers::{spawn_app, TestApp};
use crate::support::media_helpers::jpeg;
use crate::support::request_helpers::{redirect_target, valid_fields};
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

pub async fn a_request(app: &TestApp) -> String {
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
        (
            "admin/schedule",
            vec![("view", "week".into())],
            Box::new(requests_only),
        ),
        ("admin/practitioners", vec![], Box::new(admin_only)),
        ("admin/accounts", vec![], Box::new(admin_only)),
        (
            "admin/disable_account",
            vec![("id", other.clone()), ("disabled", "false".into())],
            Box::new(admin_only),
        ),
        ("admin/audit", vec![], Box::new(admin_only)),
        (
            "admin/two_factor_reset",
            vec![("id", other.clone())],
            Box::new(admin_only),
        ),
        (
            "admin/two_factor_start",
            vec![],
            Box::new(|who: Who| match who {
                Who::Anonymous => StatusCode::UNAUTHORIZED,
                Who::As(_) => StatusCode::OK,
            }),
        ),
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
    // The plain routes (the CSV export, image uploads) and the admin pages.
    for (who, client) in callers {
        let csv = client
            .get(app.url("/admin/requests.csv"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(csv.status(), admin_only(who), "CSV export as {who:?}");
        if csv.status() != StatusCode::OK {
            // The same sentence a server function's refusal carries.
            let sentence = csv.text().await.unwrap_or_default();
            let want = match who {
                Who::Anonymous => "Please sign in to continue.",
                Who::As(_) => "Your account can't do this. Ask an administrator if you need to.",
            };
            assert_eq!(sentence, want, "CSV export as {who:?}");
        }
        let upload = app.upload(client, "image/jpeg", jpeg(960, 540)).await;
        let want = match content_only(who) {
            StatusCode::OK => StatusCode::CREATED,
            refused => refused,
        };
        assert_eq!(upload.status(), want, "image upload as {who:?}");
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
    let stored: String =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT status FROM consultations")
        .fetch_one(c).await)
        .unwrap_or_default();
    assert_eq!(stored, "new");
}
