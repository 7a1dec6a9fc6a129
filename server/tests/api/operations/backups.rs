//! `server backup` while the site takes requests, and `server restore`
//! into a fresh folder: every acknowledged request and every article is
//! there; a restore never overwrites a running site or a database without
//! `--replace`, and refuses a key that does not open the backup.

use crate::staff::admin::a_request;
use crate::support::helpers::{server_cli, spawn_with, ArticleSpec};
use app::domain::staff::Role;
use reqwest::StatusCode;
use std::path::Path;

fn config_for(dir: &Path) -> server::config::Config {
    server::config::Config::for_tests(format!("sqlite://{}", dir.join("clinic.db").display()))
}

#[tokio::test]
async fn a_backup_taken_under_writes_restores_every_acknowledged_request_and_article() {
    // Many requests from one test client: the per-client limit is lifted.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = config_for(dir.path());
    config.rate_limit = (10_000, std::time::Duration::from_secs(60));
    let app = spawn_with(dir, config).await;
    app.add_article(ArticleSpec::published(
        "kept-article",
        "Kept through a restore",
        "Acupuncture",
        "2024-03-01",
    ))
    .await;
    let mut before = Vec::new();
    for _ in 0..5 {
        before.push(a_request(&app).await);
    }
    // Requests keep arriving while the backup runs.
    let backup_dir = app.dir.path().join("nightly");
    let dir = app.dir.path().to_owned();
    let target = backup_dir.to_string_lossy().into_owned();
    let backing_up = tokio::spawn(async move { server_cli(&dir, &["backup", &target]).await });
    let mut during = Vec::new();
    while !backing_up.is_finished() {
        during.push(a_request(&app).await);
    }
    let (ok, out) = backing_up.await.unwrap_or_else(|e| panic!("{e}"));
    assert!(ok, "{out}");
    assert!(out.contains("backed up"), "{out}");
    let key_id = std::fs::read_to_string(backup_dir.join("data-key-id.txt")).unwrap_or_default();
    assert_eq!(
        key_id.lines().next().unwrap_or_default().len(),
        8,
        "the key's id, not the key"
    );
    assert!(!backup_dir.join("data.key").exists());

    // A running site is never overwritten.
    let (ok, out) = server_cli(
        app.dir.path(),
        &["restore", &backup_dir.to_string_lossy(), "--replace"],
    )
    .await;
    assert!(!ok && out.contains("the site is running"), "{out}");

    // A fresh machine: the key comes from its own backup.
    let fresh = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (ok, out) = server_cli(fresh.path(), &["restore", &backup_dir.to_string_lossy()]).await;
    assert!(
        !ok && out.contains("data key"),
        "without the backup's key: {out}"
    );
    assert!(
        !fresh.path().join("clinic.db").exists(),
        "nothing put in place"
    );
    std::fs::copy(
        app.dir.path().join("data.key"),
        fresh.path().join("data.key"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (ok, out) = server_cli(fresh.path(), &["restore", &backup_dir.to_string_lossy()]).await;
    assert!(ok, "{out}");
    let (ok, out) = server_cli(fresh.path(), &["restore", &backup_dir.to_string_lossy()]).await;
    assert!(
        !ok && out.contains("--replace"),
        "an existing database: {out}"
    );

    let restored = spawn_with(
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        config_for(fresh.path()),
    )
    .await;
    let front = restored
        .staff_named(Role::FrontDesk, "restored@clinic.example")
        .await;
    for reference in &before {
        let stored = restored.read_request(&front.client, reference).await;
        assert_eq!(stored["name"], serde_json::json!("Ana Lima"), "{reference}");
    }
    let total = restored.count("SELECT COUNT(*) FROM consultations").await;
    let acknowledged = i64::try_from(before.len() + during.len()).unwrap_or(0);
    assert!(
        total >= 5 && total <= acknowledged,
        "{total} of {acknowledged}"
    );
    assert_eq!(
        restored.page("/articles/kept-article").await.status,
        StatusCode::OK
    );
}
