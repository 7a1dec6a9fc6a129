//! The audit log is tamper-evident: each entry is chained to the one
//! before it, and `server verify-audit` names the first broken link.

use crate::staff::admin::a_request;
use crate::support::helpers::{server_cli, spawn_app, spawn_sqlite_app, TestApp};
use app::domain::staff::Role;
use app::server::db::audit::{chain_unhashed, verify, Verified};

/// Signs in two members and has the front desk open a request: entries
/// written the way the app writes them.
async fn a_few_entries(app: &TestApp) -> i64 {
    let reference = a_request(app).await;
    let front = app.staff(Role::FrontDesk).await;
    app.staff(Role::Editor).await;
    let form = [("reference", reference.as_str())];
    assert!(app
        .call(&front.client, "admin/request", &form)
        .await
        .status()
        .is_success());
    app.count("SELECT COUNT(*) FROM audit_log").await
}

/// What someone with the database file can do first.
async fn tamper_guards_off(app: &TestApp) {
    for trigger in [
        "audit_log_append_only_update",
        "audit_log_append_only_delete",
    ] {
        // PostgreSQL names the table a trigger is on.
        let on = if app.store.sqlite().is_some() {
            ""
        } else {
            " ON audit_log"
        };
        app::on_pool!(&app.store, c => sqlx::query(&format!("DROP TRIGGER {trigger}{on}"))
            .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

async fn verified(app: &TestApp) -> Verified {
    verify(&app.store).await.unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn an_entry_changed_afterwards_is_found_and_named() {
    let app = spawn_sqlite_app().await;
    let entries = a_few_entries(&app).await;
    assert!(entries >= 3, "{entries}");
    assert_eq!(
        verified(&app).await,
        Verified::Intact {
            entries: u64::try_from(entries).unwrap_or_default()
        }
    );
    let (ok, said) = server_cli(app.dir.path(), &["verify-audit"]).await;
    assert!(ok && said.contains("audit log intact"), "{said}");

    // Nothing running through the app's database connection can.
    for change in [
        "UPDATE audit_log SET action = 'staff.sign_out' WHERE id = 2",
        "DELETE FROM audit_log WHERE id = 2",
    ] {
        let refused = app::on_pool!(&app.store, c => sqlx::query(change).execute(c).await.map(|done| done.rows_affected()));
        assert!(
            refused.is_err_and(|e| e.to_string().contains("append-only")),
            "{change}"
        );
    }
    // Someone with the database file drops the guards and rewrites what a
    // member did.
    tamper_guards_off(&app).await;
    app::on_pool!(&app.store, c => sqlx::query("UPDATE audit_log SET action = 'staff.sign_out' WHERE id = 2")
        .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(verified(&app).await, Verified::BrokenAt { id: 2, .. }),
        "{:?}",
        verified(&app).await
    );
    let (ok, said) = server_cli(app.dir.path(), &["verify-audit"]).await;
    assert!(!ok, "verify-audit must fail: {said}");
    assert!(said.contains("broken at entry 2"), "{said}");
}

#[tokio::test]
async fn an_entry_removed_afterwards_is_found() {
    let app = spawn_app().await;
    a_few_entries(&app).await;
    tamper_guards_off(&app).await;
    app::on_pool!(&app.store, c => sqlx::query("DELETE FROM audit_log WHERE id = 2")
        .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(verified(&app).await, Verified::BrokenAt { id: 3, .. }),
        "{:?}",
        verified(&app).await
    );
}

#[tokio::test]
async fn entries_from_before_the_chain_are_chained_at_start() {
    let app = spawn_app().await;
    a_few_entries(&app).await;
    // As an entry written by the previous version looks: no hash.
    app::on_pool!(&app.store, c => sqlx::query(
        "INSERT INTO audit_log (id, staff_id, action, subject, at)
         VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log), NULL, 'old.entry', NULL, '2026-11-01T00:00:00Z')",
    )
    .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(verified(&app).await, Verified::BrokenAt { .. }));
    let chained = chain_unhashed(&app.store)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chained, 1);
    assert!(matches!(verified(&app).await, Verified::Intact { .. }));
}
