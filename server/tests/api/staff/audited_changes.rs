//! Every staff change is kept only together with its audit entry: with an
//! audit log that refuses every new entry (a full disk, a broken chain), no
//! change of any kind is kept, and the caller is told it failed.

use crate::staff::admin::a_request;
use crate::support::helpers::{refuse_audit_entries, spawn_app};
use app::domain::staff::Role;

#[tokio::test]
async fn no_staff_change_is_kept_without_its_audit_entry() {
    let app = spawn_app().await;
    let reference = a_request(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let editor = app.staff(Role::Editor).await;
    let admin = app.staff(Role::Admin).await;
    let colleague = app
        .add_staff(Role::Editor, "colleague@clinic.example")
        .await;
    let article = app
        .count("SELECT id FROM articles WHERE slug = '5-ways-that-acupuncture-helps-with-low-back-pain'")
        .await
        .to_string();
    let entries = app.count("SELECT COUNT(*) FROM audit_log").await;
    refuse_audit_entries(&app).await;

    let colleague = colleague.to_string();
    let attempts = [
        (
            &front.client,
            "admin/request_status",
            vec![("reference", reference.as_str()), ("status", "contacted")],
        ),
        (
            &front.client,
            "admin/request_note",
            vec![("reference", reference.as_str()), ("body", "Called back.")],
        ),
        (
            &editor.client,
            "admin/article_state",
            vec![("id", article.as_str()), ("state", "draft")],
        ),
        (
            &editor.client,
            "admin/delete_article",
            vec![("id", article.as_str())],
        ),
        (
            &admin.client,
            "admin/disable_account",
            vec![("id", colleague.as_str()), ("disabled", "true")],
        ),
        (
            &admin.client,
            "admin/create_account",
            vec![
                ("email", "new@clinic.example"),
                ("name", "New Person"),
                ("role", "editor"),
                ("password", "a long enough password"),
            ],
        ),
    ];
    for (client, endpoint, form) in attempts {
        let answer = app.call(client, endpoint, &form).await;
        assert!(
            answer.status().is_server_error(),
            "{endpoint}: {}",
            answer.status()
        );
    }

    let kept = |sql: &'static str| app.count(sql);
    assert_eq!(
        kept("SELECT COUNT(*) FROM consultations WHERE status = 'new'").await,
        1
    );
    assert_eq!(kept("SELECT COUNT(*) FROM consultation_notes").await, 0);
    assert_eq!(
        kept("SELECT COUNT(*) FROM articles WHERE status = 'published' AND slug = '5-ways-that-acupuncture-helps-with-low-back-pain'")
            .await,
        1
    );
    assert_eq!(
        kept("SELECT COUNT(*) FROM staff WHERE disabled_at IS NOT NULL").await,
        0
    );
    assert_eq!(
        kept("SELECT COUNT(*) FROM staff WHERE email = 'new@clinic.example'").await,
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log").await, entries);
}
