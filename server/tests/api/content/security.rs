//! Security headers: every HTML answer carries a Content-Security-Policy
//! that allows exactly its own inline code (by hash), also when the page
//! cache answers; HSTS and a host-only session cookie over HTTPS; 431 for
//! oversized request headers.

use crate::support::helpers::{spawn_app, SEEDED_ARTICLE};
use app::domain::staff::Role;
use base64::Engine;
use sha2::{Digest, Sha256};

/// The hashes a browser computes for the page's inline scripts and styles.
fn inline_hashes(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse("script:not([src]):not([type='application/ld+json']), style")
            .unwrap_or_else(|e| panic!("{e}"));
    page.select(&selector)
        .map(|el| {
            let text: String = el.text().collect();
            let digest = Sha256::digest(text.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn check(response: reqwest::Response, what: &str) {
    let policy = header(&response, "content-security-policy");
    assert_eq!(
        header(&response, "permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
        "{what}"
    );
    assert_eq!(
        header(&response, "cross-origin-opener-policy"),
        "same-origin",
        "{what}"
    );
    let body = response.text().await.unwrap_or_default();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(
            policy.contains(directive),
            "{what}: {directive} in {policy}"
        );
    }
    assert!(!policy.contains("unsafe-inline"), "{what}: {policy}");
    let hashes = inline_hashes(&body);
    assert!(!hashes.is_empty(), "{what} has inline code to allow");
    for hash in &hashes {
        assert!(
            policy.contains(hash.as_str()),
            "{what}: {hash} not in {policy}"
        );
    }
    assert_eq!(
        policy.matches("'sha256-").count(),
        hashes.len(),
        "{what}: the policy allows only this page's inline code"
    );
}

#[tokio::test]
async fn every_page_allows_exactly_its_own_inline_code_also_from_the_cache() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/services/acupuncture",
        "/articles",
        SEEDED_ARTICLE,
        "/consultation",
        "/privacy",
        "/no-such-page",
        "/admin/sign-in",
    ] {
        check(app.get(path).await, path).await;
        // The second answer of a public page comes from the page cache.
        check(app.get(path).await, &format!("{path}, again")).await;
    }
    let staff = app.staff(Role::Admin).await;
    let page = staff
        .client
        .get(app.url("/admin/requests"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    check(page, "/admin/requests, signed in").await;
}

#[tokio::test]
async fn oversized_request_headers_are_refused_with_431() {
    let app = spawn_app().await;
    let big = "x".repeat(17 * 1024);
    for path in ["/", SEEDED_ARTICLE, "/api/admin/me"] {
        let response = app
            .browser()
            .get(app.url(path))
            .header("x-padding", &big)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            response.status(),
            reqwest::StatusCode::from_u16(431).unwrap_or_default(),
            "{path}"
        );
        let sentence = response.text().await.unwrap_or_default();
        assert!(
            sentence.contains("headers are too large"),
            "{path}: {sentence}"
        );
    }
    // A normal request still passes.
    assert_eq!(app.get("/").await.status(), reqwest::StatusCode::OK);
}

#[tokio::test]
async fn over_https_browsers_are_told_to_stay_on_https_and_the_session_cookie_is_host_only() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = server::config::Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.public_url = Some("https://clinic.example".into());
    config.secure_cookies = true;
    let app = crate::support::helpers::spawn_with(dir, config).await;
    for path in ["/", "/privacy"] {
        // The second answer comes from the page cache.
        for _ in 0..2 {
            let response = app.get(path).await;
            assert_eq!(
                header(&response, "strict-transport-security"),
                "max-age=31536000",
                "{path}"
            );
        }
    }
    app.add_staff(Role::Editor, "hsts@clinic.example").await;
    let response = app
        .browser()
        .post(app.url("/api/admin/sign_in"))
        .form(&[
            ("email", "hsts@clinic.example"),
            ("password", crate::support::admin_helpers::PASSWORD),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let cookie = header(&response, "set-cookie");
    assert!(cookie.starts_with("__Host-clinic_session="), "{cookie}");
    assert!(
        cookie.contains("Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Domain"), "{cookie}");

    // Over plain HTTP (development), neither.
    let plain = spawn_app().await;
    assert_eq!(
        header(&plain.get("/").await, "strict-transport-security"),
        ""
    );
}
