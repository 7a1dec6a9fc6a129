//! The front desk's work on consultation requests: reading, status, notes,
//! times on the clinic's clock, and the CSV export.

use crate::staff::admin::a_request;
use crate::support::helpers::spawn_app;
use crate::support::request_helpers::{redirect_target, valid_fields};
use app::domain::staff::Role;
use reqwest::StatusCode;

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
    let stored: String =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT status FROM consultations")
        .fetch_one(c).await)
        .unwrap_or_default();
    assert_eq!(stored, "contacted");
    let audit: Vec<(String, Option<String>)> =
        app::on_pool!(&app.store, c => sqlx::query_as("SELECT action, subject FROM audit_log ORDER BY id")
            .fetch_all(c).await)
            .unwrap_or_default();
    let actions: Vec<&str> = audit.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        [
            "staff.sign_in",
            "staff.two_factor_enrol",
            "consultation.view",
            "consultation.status",
            "consultation.note"
        ]
    );
    assert_eq!(
        audit[3].1.as_deref(),
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

/// Staff read when a request came in on the clinic's clock (New York by
/// default), with the zone named, not in UTC.
#[tokio::test]
async fn request_times_are_on_the_clinics_clock() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    app::on_pool!(&app.store, c => sqlx::query("UPDATE consultations SET created_at = '2024-07-01T18:05:00Z'")
        .execute(c).await.map(|done| done.rows_affected()))
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
    let fields = crate::support::request_helpers::with(
        valid_fields(),
        "message",
        "=HYPERLINK(\"http://evil\")",
    );
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
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.export'")
            .fetch_one(c).await)
            .unwrap_or_default();
    assert_eq!(exported, 1);
}
