//! Two-factor sign-in for staff who read patients' requests: enrolment,
//! the code after the password, replayed and wrong codes, recovery codes,
//! the administrator's reset, and throttling that cannot lock out a
//! colleague.

use crate::support::admin_helpers::{now_unix, totp_code, PASSWORD};
use crate::support::helpers::{api_error, spawn_app};
use app::api::ApiError;
use app::domain::staff::{Role, SignInStep};
use reqwest::StatusCode;

async fn inbox(
    app: &crate::support::helpers::TestApp,
    client: &reqwest::Client,
) -> reqwest::Response {
    app.call(client, "admin/inbox", &[("status", "")]).await
}

async fn audit_actions(app: &crate::support::helpers::TestApp) -> Vec<(String, Option<String>)> {
    app::on_pool!(&app.store, c => sqlx::query_as("SELECT action, subject FROM audit_log ORDER BY id")
        .fetch_all(c).await)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn until_enrolled_the_front_desk_can_only_set_up_its_second_factor() {
    let app = spawn_app().await;
    app.add_staff(Role::FrontDesk, "desk@clinic.example").await;
    let (client, response) = app.sign_in_as("desk@clinic.example", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let me: Option<app::api::admin::auth::SignedIn> = app
        .call(&client, "admin/me", &[])
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(me.is_some_and(|me| me.member.must_enrol()));
    let refused = inbox(&app, &client).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(api_error(refused).await, ApiError::MustEnrol);
    let page = client
        .get(app.url("/admin/requests"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(
        page.status(),
        StatusCode::OK,
        "the requests page is closed too"
    );

    // A wrong code does not enrol.
    let started = app.call(&client, "admin/two_factor_start", &[]).await;
    let enrolment: app::domain::staff::Enrolment =
        started.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        enrolment.qr_svg.contains("<svg"),
        "the QR code is drawn by the server"
    );
    assert!(enrolment.uri.starts_with("otpauth://totp/"));
    let secret = totp_rs::Secret::Encoded(enrolment.secret.clone())
        .to_bytes()
        .unwrap_or_default();
    let wrong = if totp_code(&secret, now_unix()) == "123456" {
        "654321"
    } else {
        "123456"
    };
    let rejected = app
        .call(&client, "admin/two_factor_confirm", &[("code", wrong)])
        .await;
    assert_eq!(rejected.status(), StatusCode::BAD_REQUEST);
    assert_eq!(inbox(&app, &client).await.status(), StatusCode::FORBIDDEN);

    let code = totp_code(&secret, now_unix());
    let confirmed = app
        .call(&client, "admin/two_factor_confirm", &[("code", &code)])
        .await;
    assert_eq!(confirmed.status(), StatusCode::OK);
    let codes: Vec<String> = confirmed.json().await.unwrap_or_default();
    assert_eq!(codes.len(), 10);
    assert_eq!(inbox(&app, &client).await.status(), StatusCode::OK);
    assert!(audit_actions(&app)
        .await
        .iter()
        .any(|(a, _)| a == "staff.two_factor_enrol"));

    // Stored sealed, and the recovery codes only as hashes.
    let stored: Vec<u8> =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT totp_secret FROM staff WHERE email = 'desk@clinic.example'")
            .fetch_one(c).await)
            .unwrap_or_default();
    assert!(!stored.windows(secret.len()).any(|w| w == secret.as_slice()));
    assert!(!stored
        .windows(8)
        .any(|w| w == &enrolment.secret.as_bytes()[..8]));
    let hashes: Vec<Vec<u8>> =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT code_hash FROM recovery_codes")
        .fetch_all(c).await)
        .unwrap_or_default();
    assert_eq!(hashes.len(), 10);
    assert!(hashes.iter().all(|h| !h
        .windows(5)
        .any(|w| codes.iter().any(|c| w == &c.as_bytes()[..5]))));
}

#[tokio::test]
async fn sign_in_asks_for_a_fresh_code_after_the_password() {
    let app = spawn_app().await;
    let desk = app.staff(Role::FrontDesk).await;
    let secret = desk.secret.clone().unwrap_or_default();

    let (browser, password) = app.sign_in_as(&desk.email, PASSWORD).await;
    assert_eq!(password.status(), StatusCode::OK);
    let step: SignInStep = password.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(step, SignInStep::CodeNeeded);
    assert_eq!(
        inbox(&app, &browser).await.status(),
        StatusCode::UNAUTHORIZED,
        "a password alone opens nothing"
    );

    let now = now_unix();
    let wrong = ["000000", "999999"]
        .into_iter()
        .find(|c| (-1..=1).all(|s| totp_code(&secret, now + s * 30) != *c))
        .unwrap_or("000000");
    let bad = app
        .call(&browser, "admin/sign_in_code", &[("code", wrong)])
        .await;
    assert_eq!(bad.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(api_error(bad).await, ApiError::WrongCode);

    // The code enrolment used (this step's) is spent.
    let reused = app
        .call(
            &browser,
            "admin/sign_in_code",
            &[("code", &totp_code(&secret, now))],
        )
        .await;
    assert_eq!(
        reused.status(),
        StatusCode::UNAUTHORIZED,
        "a code used once is refused"
    );

    let next = totp_code(&secret, now + 30);
    let ok = app
        .call(&browser, "admin/sign_in_code", &[("code", &next)])
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(inbox(&app, &browser).await.status(), StatusCode::OK);

    // Someone who saw that code, within its window, gets nothing.
    let (_, replayed) = app.sign_in_with_code(&desk.email, &next).await;
    assert_eq!(replayed.status(), StatusCode::UNAUTHORIZED);

    // A code without a password first is not a sign-in.
    let stranger = app.browser();
    let alone = app
        .call(&stranger, "admin/sign_in_code", &[("code", &next)])
        .await;
    assert_eq!(api_error(alone).await, ApiError::CodeExpired);
}

#[tokio::test]
async fn a_recovery_code_signs_in_once() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let code = admin.recovery_codes[3].to_uppercase();
    let (browser, first) = app.sign_in_with_code(&admin.email, &code).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(
        app.call(&browser, "admin/accounts", &[]).await.status(),
        StatusCode::OK
    );
    let (_, again) = app.sign_in_with_code(&admin.email, &code).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert!(audit_actions(&app)
        .await
        .iter()
        .any(|(a, _)| a == "staff.recovery_code_used"));
}

#[tokio::test]
async fn wrong_codes_count_towards_the_accounts_lock() {
    let app = spawn_app().await;
    let desk = app.staff(Role::FrontDesk).await;
    let (browser, _) = app.sign_in_as(&desk.email, PASSWORD).await;
    let mut answers = Vec::new();
    for _ in 0..app::server::auth::throttle::LOCK_AFTER {
        let r = app
            .call(&browser, "admin/sign_in_code", &[("code", "abcde-fghij")])
            .await;
        answers.push(r.status());
    }
    assert!(
        answers.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{answers:?}"
    );
    let (_, locked) = app.sign_in_as(&desk.email, PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the right password is locked out too"
    );
}

#[tokio::test]
async fn one_persons_failures_do_not_lock_out_a_colleague_at_the_same_address() {
    let app = spawn_app().await;
    app.add_staff(Role::Editor, "typo@clinic.example").await;
    app.add_staff(Role::Editor, "colleague@clinic.example")
        .await;
    for _ in 0..app::server::auth::throttle::LOCK_AFTER {
        let (_, r) = app
            .sign_in_as("typo@clinic.example", "wrong password 123")
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let (_, locked) = app.sign_in_as("typo@clinic.example", PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the guessed account is locked"
    );
    // Same address (every test client is 127.0.0.1): only slowed.
    let (_, colleague) = app.sign_in_as("colleague@clinic.example", PASSWORD).await;
    assert_eq!(colleague.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_administrator_resets_a_lost_second_factor_and_it_is_audited() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let desk = app.staff(Role::FrontDesk).await;
    let desk_id: i64 =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT id FROM staff WHERE email = $1")
        .bind(&desk.email)
        .fetch_one(c).await)
        .unwrap_or_default();
    let id = desk_id.to_string();
    let by_desk = app
        .call(&desk.client, "admin/two_factor_reset", &[("id", &id)])
        .await;
    assert_eq!(by_desk.status(), StatusCode::FORBIDDEN);
    let own = admin_id(&app, &admin.email).await;
    let self_reset = app
        .call(&admin.client, "admin/two_factor_reset", &[("id", &own)])
        .await;
    assert_eq!(self_reset.status(), StatusCode::BAD_REQUEST);

    let reset = app
        .call(&admin.client, "admin/two_factor_reset", &[("id", &id)])
        .await;
    assert_eq!(reset.status(), StatusCode::OK);
    assert!(audit_actions(&app).await.contains(&(
        "staff.two_factor_reset".to_owned(),
        Some(desk.email.clone())
    )));
    // The member's open session must set up a new factor before anything else.
    assert_eq!(
        inbox(&app, &desk.client).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM recovery_codes WHERE staff_id IN (SELECT id FROM staff WHERE role = 'front_desk')").await, 0);
    let (client, password) = app.sign_in_as(&desk.email, PASSWORD).await;
    let step: SignInStep = password.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(step, SignInStep::Done(_)),
        "no code asked: it enrols again"
    );
    app.enrol(&client).await;
    assert_eq!(inbox(&app, &client).await.status(), StatusCode::OK);
}

async fn admin_id(app: &crate::support::helpers::TestApp, email: &str) -> String {
    app::on_pool!(&app.store, c => sqlx::query_scalar::<_, i64>("SELECT id FROM staff WHERE email = $1")
        .bind(email)
        .fetch_one(c).await)
        .unwrap_or_default()
        .to_string()
}
