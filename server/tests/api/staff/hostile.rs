//! A table of hostile and malformed requests, as an attacker (or a broken
//! client) would send them, against every server function and the plain
//! routes: each gets a 4xx (or a harmless 2xx/3xx) with a readable body,
//! never a 5xx, and none changes what is stored.

use crate::support::helpers::{spawn_app, TestApp};
use app::domain::staff::Role;
use reqwest::{Method, StatusCode};

/// Every server function, and the codec its body is read with.
const FUNCTIONS: &[(&str, Codec)] = &[
    ("admin/redirects", Codec::Form),
    ("admin/add_redirect", Codec::Form),
    ("admin/delete_redirect", Codec::Form),
    ("admin/services", Codec::Form),
    ("admin/service", Codec::Form),
    ("admin/save_service", Codec::Json),
    ("admin/save_service_translation", Codec::Json),
    ("admin/save_article_translation", Codec::Json),
    ("admin/inbox", Codec::Form),
    ("admin/request", Codec::Form),
    ("admin/request_status", Codec::Form),
    ("admin/request_note", Codec::Form),
    ("admin/sign_in", Codec::Form),
    ("admin/sign_in_code", Codec::Form),
    ("admin/two_factor_start", Codec::Form),
    ("admin/two_factor_confirm", Codec::Form),
    ("admin/me", Codec::Form),
    ("admin/accounts", Codec::Form),
    ("admin/create_account", Codec::Form),
    ("admin/disable_account", Codec::Form),
    ("admin/two_factor_reset", Codec::Form),
    ("admin/audit", Codec::Form),
    ("admin/clinic", Codec::Form),
    ("admin/categories", Codec::Form),
    ("admin/save_category_name", Codec::Json),
    ("admin/save_clinic", Codec::Json),
    ("admin/save_clinic_translation", Codec::Json),
    ("admin/articles", Codec::Form),
    ("admin/article", Codec::Form),
    ("admin/save_article", Codec::Json),
    ("admin/preview", Codec::Json),
    ("admin/article_state", Codec::Form),
    ("admin/delete_article", Codec::Form),
    ("admin/article_revision", Codec::Form),
    ("admin/schedule", Codec::Form),
    ("admin/appointment_status", Codec::Form),
    ("admin/desk_book", Codec::Form),
    ("admin/practitioners", Codec::Form),
    ("admin/save_practitioner", Codec::Form),
    ("admin/add_time_off", Codec::Form),
    ("admin/remove_time_off", Codec::Form),
    ("admin/booking_rules", Codec::Form),
    ("admin/change_day", Codec::Form),
    ("admin/restore_day", Codec::Form),
    ("admin/appointment_types", Codec::Form),
    ("admin/save_appointment_type", Codec::Form),
    ("admin/desk_move", Codec::Form),
    ("consultation", Codec::Json),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Codec {
    Form,
    Json,
}

/// A malformed body: its name, content type and bytes.
fn bodies(codec: Codec) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let content_type = match codec {
        Codec::Form => "application/x-www-form-urlencoded",
        Codec::Json => "application/json",
    };
    let long = "x".repeat(30_000);
    let mut cases = vec![
        ("empty body", content_type, Vec::new()),
        (
            "invalid UTF-8",
            content_type,
            vec![0xff, 0xfe, 0xfd, b'=', 0xc3, 0x28],
        ),
        (
            "NUL bytes",
            content_type,
            b"id=1\0&reference=\0\0&email=a\0b".to_vec(),
        ),
        (
            "garbage",
            content_type,
            b"\x01\x02\x03 not a body at all".to_vec(),
        ),
        (
            "wrong content type",
            "application/octet-stream",
            b"\x00\x01\x02".to_vec(),
        ),
        ("text/plain", "text/plain", b"hello".to_vec()),
        (
            "duplicate fields",
            content_type,
            b"id=1&id=2&reference=a&reference=b&email=x&email=y".to_vec(),
        ),
        (
            "overlong field",
            content_type,
            format!("reference={long}&email={long}&code={long}").into_bytes(),
        ),
    ];
    if codec == Codec::Json {
        cases.extend([
            (
                "truncated JSON",
                content_type,
                b"{\"draft\": {\"title\": \"a".to_vec(),
            ),
            (
                "JSON nesting bomb",
                content_type,
                format!("{}{}", "[".repeat(20_000), "]".repeat(20_000)).into_bytes(),
            ),
            (
                "JSON of the wrong shape",
                content_type,
                b"[1, 2, 3]".to_vec(),
            ),
            ("JSON null", content_type, b"null".to_vec()),
        ]);
    } else {
        cases.push((
            "form with broken escapes",
            content_type,
            b"id=%zz&reference=%&email=%E0%A4%A".to_vec(),
        ));
    }
    cases
}

/// What is stored, in one number per table that a probe could change.
async fn state(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "articles",
        "article_revisions",
        "services",
        "redirects",
        "consultations",
        "consultation_notes",
        "staff",
        "recovery_codes",
        "media",
    ] {
        counts.push(app.count(&format!("SELECT COUNT(*) FROM {table}")).await);
    }
    counts.push(
        app.count(
            "SELECT COUNT(*) FROM staff WHERE disabled_at IS NOT NULL OR totp_secret IS NULL",
        )
        .await,
    );
    counts
}

async fn send(
    client: &reqwest::Client,
    method: Method,
    url: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, String) {
    let response = client
        .request(method, url)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let status = response.status();
    let bytes = response.bytes().await.unwrap_or_default();
    // Server functions answer errors in postcard; pages in HTML.
    let text = postcard::from_bytes::<app::api::ApiError>(&bytes)
        .map(|e| e.to_string())
        .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
    (status, text)
}

#[tokio::test]
async fn no_hostile_or_malformed_request_gets_a_5xx_or_changes_anything() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let stranger = app.browser();
    let before = state(&app).await;
    let mut probes = 0;
    let mut failures = Vec::new();
    let mut check = |name: String, status: StatusCode, body: &str| {
        probes += 1;
        if status.is_server_error()
            || body.trim().is_empty()
                && !status.is_redirection()
                && status != StatusCode::NOT_MODIFIED
        {
            failures.push(format!(
                "{name}: {status} {:?}",
                body.chars().take(80).collect::<String>()
            ));
        }
    };

    for (endpoint, codec) in FUNCTIONS {
        let url = app.url(&format!("/api/{endpoint}"));
        for (case, content_type, body) in bodies(*codec) {
            for (who, client) in [("stranger", &stranger), ("administrator", &admin.client)] {
                let (status, text) =
                    send(client, Method::POST, &url, content_type, body.clone()).await;
                check(format!("{endpoint}, {case}, as {who}"), status, &text);
            }
        }
        let (status, text) = send(
            &admin.client,
            Method::PUT,
            &url,
            "application/x-www-form-urlencoded",
            Vec::new(),
        )
        .await;
        check(format!("{endpoint}, PUT"), status, &text);
    }

    // Public reads, plain routes and pages.
    let long_query = "q=".to_owned() + &"a".repeat(6000);
    let paths = [
        "/api/article?slug=%00%00".to_owned(),
        "/api/article?slug=../../etc/passwd".to_owned(),
        "/api/articles?page=-1&category=%ff".to_owned(),
        "/api/articles?page=99999999999999999999".to_owned(),
        "/api/service?slug=".to_owned(),
        "/api/service".to_owned(),
        format!("/api/articles?{long_query}"),
        "/pkg/../Cargo.toml".to_owned(),
        "/pkg/%2e%2e/%2e%2e/etc/passwd".to_owned(),
        "/media/../../etc/passwd".to_owned(),
        "/media/%2e%2e%2fclinic.db".to_owned(),
        "/media/..%5c..%5cclinic.db".to_owned(),
        "/media/x%00.jpg".to_owned(),
        "/articles/%00".to_owned(),
        "/articles/%ff%fe".to_owned(),
        "/articles/<script>".to_owned(),
        "/services/..%2f..%2fadmin".to_owned(),
        "/consultation/sent/%00".to_owned(),
        "/consultation/sent/CR-0000-0000".to_owned(),
        "/admin/requests/../../etc/passwd".to_owned(),
        "/admin/articles/not-a-number".to_owned(),
        format!("/?{long_query}"),
        format!("/articles?{long_query}"),
        "/feed.xml?%ff".to_owned(),
        "/sitemap.xml/..".to_owned(),
        "//evil.example/".to_owned(),
    ];
    for path in &paths {
        for (who, client) in [("stranger", &stranger), ("administrator", &admin.client)] {
            let (status, text) = send(
                client,
                Method::GET,
                &app.url(path),
                "text/plain",
                Vec::new(),
            )
            .await;
            check(format!("GET {path} as {who}"), status, &text);
            if path.contains("passwd") || path.contains("clinic.db") || path.contains("Cargo.toml")
            {
                assert!(
                    !text.contains("root:")
                        && !text.contains("SQLite format")
                        && !text.contains("[workspace]"),
                    "{path} served a file outside the site"
                );
            }
        }
    }
    for (case, content_type, body) in bodies(Codec::Form) {
        let (status, text) = send(
            &stranger,
            Method::POST,
            &app.url("/consultation"),
            content_type,
            body,
        )
        .await;
        check(format!("POST /consultation, {case}"), status, &text);
    }
    let (status, text) = send(
        &admin.client,
        Method::POST,
        &app.url("/api/admin/media"),
        "image/jpeg",
        b"not a jpeg".to_vec(),
    )
    .await;
    check("upload of a non-image".into(), status, &text);
    let (status, text) = send(
        &admin.client,
        Method::DELETE,
        &app.url("/admin/requests.csv"),
        "text/plain",
        Vec::new(),
    )
    .await;
    check("DELETE on the export".into(), status, &text);

    // An untrusted Host is never written into links.
    let page = stranger
        .get(app.url("/"))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = page.status();
    let html = page.text().await.unwrap_or_default();
    check("a forged Host".into(), status, &html);
    assert!(
        !html.contains("evil.example"),
        "the Host header reached the page"
    );
    // Header injection through a query string: no header is split.
    let injected = stranger
        .get(app.url("/articles?category=x%0d%0aSet-Cookie:%20a=b"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(injected.headers().get("set-cookie").is_none());
    check("CRLF in a query".into(), injected.status(), "checked");
    // An oversized cookie.
    let cookie = format!("clinic_session={}", "a".repeat(20_000));
    let big = stranger
        .get(app.url("/"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(big.status(), StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    check("an oversized cookie".into(), big.status(), "431");

    println!(
        "hostile requests: {probes} probes, {} answered 5xx or without a body",
        failures.len()
    );
    assert!(probes >= 150, "only {probes} probes");
    assert_eq!(failures, Vec::<String>::new());
    assert_eq!(state(&app).await, before, "a probe changed what is stored");
}

/// Who may call an admin endpoint, written out here (not read from the
/// router's table) so that this test checks that table.
fn may_call(endpoint: &str, role: Role) -> bool {
    let requests = [
        "inbox",
        "request",
        "request_status",
        "request_note",
        "schedule",
        "appointment_status",
        "desk_book",
        "desk_move",
    ];
    let accounts = [
        "accounts",
        "create_account",
        "disable_account",
        "two_factor_reset",
        "audit",
        "practitioners",
        "save_practitioner",
        "add_time_off",
        "remove_time_off",
        "booking_rules",
        "change_day",
        "restore_day",
        "appointment_types",
        "save_appointment_type",
    ];
    let anyone = ["two_factor_start", "two_factor_confirm"];
    let name = endpoint.trim_start_matches("admin/");
    if anyone.contains(&name) {
        true
    } else if requests.contains(&name) {
        role.handles_requests()
    } else if accounts.contains(&name) {
        role.is_admin()
    } else {
        role.edits_content()
    }
}

/// A member whose role may not call a function is refused (403, with the
/// sentence) before its body is read: a malformed body gets the same
/// answer as a valid one. Members who may call it get past the check.
#[tokio::test]
async fn a_role_that_may_not_call_a_function_is_refused_before_its_body_is_read() {
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .filter(|name| name.starts_with("admin/"))
        .collect();
    // Signing out would end the session the probes are sent with; its
    // tests are in sessions.rs.
    for name in registered.iter().filter(|name| *name != "admin/sign_out") {
        assert!(
            FUNCTIONS.iter().any(|(listed, _)| listed == name),
            "{name} is missing from this test's table"
        );
    }
    let app = spawn_app().await;
    let mut members = Vec::new();
    for role in [Role::FrontDesk, Role::Editor, Role::Admin] {
        members.push((role, app.staff(role).await));
    }
    let before = state(&app).await;
    // Signing in and "who am I" are open to anyone.
    let open = ["admin/sign_in", "admin/sign_in_code", "admin/me"];
    let endpoints = FUNCTIONS
        .iter()
        .filter(|(name, _)| name.starts_with("admin/") && !open.contains(name))
        .copied()
        .chain([("admin/media", Codec::Form)]);
    for (endpoint, codec) in endpoints {
        let url = app.url(&format!("/api/{endpoint}"));
        for (role, member) in &members {
            let role = *role;
            for (case, content_type, body) in bodies(codec) {
                let (status, text) =
                    send(&member.client, Method::POST, &url, content_type, body).await;
                if may_call(endpoint, role) {
                    assert!(
                        !matches!(status.as_u16(), 401 | 403) && !status.is_server_error(),
                        "{endpoint}, {case}, as {role:?}: {status} {text}"
                    );
                } else {
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "{endpoint}, {case}, as {role:?}"
                    );
                    assert_eq!(
                        text, "Your account can't do this. Ask an administrator if you need to.",
                        "{endpoint}, {case}, as {role:?}"
                    );
                }
            }
        }
    }
    assert_eq!(state(&app).await, before, "nothing stored changed");
}
