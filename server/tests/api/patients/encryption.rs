//! Patients' data at rest: sealed in the database file, its write-ahead log
//! and its backups; readable only with the data key; the key rotated.

use crate::support::helpers::{
    server_cli as cli, spawn_app, spawn_sqlite_app, spawn_with, TestApp,
};
use crate::support::request_helpers::{redirect_target, valid_fields, with};
use app::domain::staff::Role;
use serde_json::json;
use server::config::{Config, DataKeySource};
use server::startup::Application;
use std::path::{Path, PathBuf};

const NAME: &str = "Zebulon Quillfeather";
const EMAIL: &str = "zq.unique@example.org";
const PHONE: &str = "7325550199";
const MESSAGE: &str = "Sciatica-marker-7731 since the ski trip";
const NOTE: &str = "Callback-marker-4412 left on voicemail";

fn db_path(dir: &Path) -> PathBuf {
    dir.join("clinic.db")
}

fn config_for(dir: &Path) -> Config {
    Config::for_tests(format!("sqlite://{}", db_path(dir).display()))
}

/// Sends a request with values found nowhere else; returns its reference.
async fn distinctive_request(app: &TestApp) -> String {
    let token = app.form_token().await;
    let fields = with(
        with(
            with(with(valid_fields(), "name", NAME), "email", EMAIL),
            "phone",
            PHONE,
        ),
        "message",
        MESSAGE,
    );
    let location = redirect_target(&app.post_form(&fields, &token).await);
    location.rsplit('/').next().unwrap_or_default().to_owned()
}

const BOOKED_NAME: &str = "Ottoline Brackenbury";
const BOOKED_MESSAGE: &str = "Booking-marker-5521 after the move";

/// Books a time with values found nowhere else.
async fn distinctive_booking(app: &TestApp) {
    use crate::patients::booking::{a_wednesday_ahead, book, booking, free_times, type_id};
    let kind = type_id(app, "acupuncture", "Acupuncture session").await;
    let offered = free_times(app, kind, a_wednesday_ahead()).await;
    let mut body = booking(kind, offered[0].start, &app.form_token().await);
    body["details"] = json!({
        "name": BOOKED_NAME, "phone": "7325550123", "email": "ob.unique@example.org",
        "patient": "returning", "message": BOOKED_MESSAGE, "consent": "yes"
    });
    assert_eq!(book(&app.client, &app.url(""), &body).await.status(), 200);
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Why starting a server with `config` failed (it must fail).
async fn refused_start(config: Config) -> String {
    match Application::build(config).await {
        Ok(_) => panic!("the server started"),
        Err(e) => format!("{e:#}"),
    }
}

#[tokio::test]
async fn patients_words_are_in_no_byte_of_the_database_its_log_or_a_backup() {
    let app = spawn_sqlite_app().await;
    let reference = distinctive_request(&app).await;
    distinctive_booking(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let note = app
        .call(
            &front.client,
            "admin/request_note",
            &[("reference", &reference), ("body", NOTE)],
        )
        .await;
    assert_eq!(note.status(), 200);
    // Staff read them as typed.
    let stored = app.read_request(&front.client, &reference).await;
    assert_eq!(
        (
            &stored["name"],
            &stored["email"],
            &stored["phone"],
            &stored["message"]
        ),
        (&json!(NAME), &json!(EMAIL), &json!(PHONE), &json!(MESSAGE))
    );
    assert_eq!(stored["notes"][0]["body"], json!(NOTE));

    let backup_dir = app.dir.path().join("backup");
    let (ok, out) = cli(app.dir.path(), &["backup", &backup_dir.to_string_lossy()]).await;
    assert!(ok, "{out}");
    let backup = backup_dir.join("clinic.db");
    let wal = app.dir.path().join("clinic.db-wal");
    let files = [db_path(app.dir.path()), wal, backup];
    for file in &files {
        let raw = bytes(file);
        for value in [
            NAME,
            "Quillfeather",
            EMAIL,
            PHONE,
            "Sciatica-marker",
            "Callback-marker",
            BOOKED_NAME,
            "Brackenbury",
            "ob.unique@example.org",
            "7325550123",
            "Booking-marker",
        ] {
            assert!(
                !contains(&raw, value),
                "{value:?} readable in {}",
                file.display()
            );
        }
    }
    // The check is a real one: the clinic's name, stored in the clear, is found.
    assert!(files.iter().any(|f| contains(&bytes(f), "Acupuncture")));

    // The key is not in the database; its file is the owner's alone.
    let key = app.dir.path().join("data.key");
    let key_text = std::fs::read_to_string(&key).unwrap_or_default();
    assert_eq!(key_text.trim().len(), 44, "base64 of 32 bytes");
    for file in &files {
        assert!(
            !contains(&bytes(file), key_text.trim()),
            "the key is in {}",
            file.display()
        );
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&key).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.ok(), Some(0o600));
}

#[tokio::test]
async fn a_missing_damaged_or_foreign_key_stops_the_start_and_no_key_is_made_up() {
    let app = spawn_sqlite_app().await;
    distinctive_request(&app).await;
    let dir = app.dir.path();
    let key = dir.join("data.key");
    let kept = dir.join("kept.key");
    std::fs::rename(&key, &kept).unwrap_or_else(|e| panic!("{e}"));

    let missing = refused_start(config_for(dir)).await;
    assert!(
        missing.contains("there is no key at DATA_KEY_FILE"),
        "{missing}"
    );
    assert!(
        missing.contains("Restore the key file from its backup"),
        "{missing}"
    );
    assert!(!key.exists(), "a second key was created next to the data");

    // Another database's key.
    let other = spawn_sqlite_app().await;
    std::fs::copy(other.dir.path().join("data.key"), &key).unwrap_or_else(|e| panic!("{e}"));
    let foreign = refused_start(config_for(dir)).await;
    assert!(foreign.contains("is not this database's"), "{foreign}");

    std::fs::write(&key, "not a key\n").unwrap_or_else(|e| panic!("{e}"));
    let damaged = refused_start(config_for(dir)).await;
    assert!(damaged.contains("is damaged"), "{damaged}");

    let mut inline = config_for(dir);
    inline.data_key = DataKeySource::Inline("c2hvcnQ=".into());
    let short = refused_start(inline).await;
    assert!(short.contains("DATA_KEY is not a data key"), "{short}");

    // The right key, readable by others: refused until it is private again.
    std::fs::rename(&kept, &key).unwrap_or_else(|e| panic!("{e}"));
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    let shared = refused_start(config_for(dir)).await;
    assert!(shared.contains("chmod 600"), "{shared}");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(Application::build(config_for(dir)).await.is_ok());
}

#[tokio::test]
async fn a_value_moved_to_another_request_does_not_open() {
    let app = spawn_app().await;
    let first = distinctive_request(&app).await;
    let second = crate::staff::admin::a_request(&app).await;
    app::on_pool!(&app.store, c => sqlx::query(
        "UPDATE consultations SET name = (SELECT name FROM consultations WHERE reference = $1) WHERE reference = $2",
    )
    .bind(&first)
    .bind(&second)
    .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    let front = app.staff(Role::FrontDesk).await;
    let moved = app
        .call(&front.client, "admin/request", &[("reference", &second)])
        .await;
    assert_eq!(
        moved.status(),
        500,
        "a swapped value is an error, not another patient's name"
    );
    let body = moved.text().await.unwrap_or_default();
    assert!(!body.contains(NAME), "{body}");
    assert_eq!(
        app.read_request(&front.client, &first).await["name"],
        json!(NAME)
    );
}

#[tokio::test]
async fn requests_stored_before_encryption_are_sealed_at_the_next_start() {
    let app = spawn_sqlite_app().await;
    let reference = distinctive_request(&app).await;
    // What an earlier version stored: the patient's words as text.
    app::on_pool!(&app.store, c => sqlx::query("UPDATE consultations SET name = $1, message = $2 WHERE reference = $3")
        .bind("Plain Olderversion")
        .bind("plain-message-5512")
        .bind(&reference)
        .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{e}"));
    let restarted = spawn_with(
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        config_for(app.dir.path()),
    )
    .await;
    assert_eq!(
        restarted.count("SELECT COUNT(*) FROM consultations WHERE typeof(name) = 'text' OR typeof(message) = 'text'").await,
        0
    );
    let front = restarted.staff(Role::FrontDesk).await;
    let stored = restarted.read_request(&front.client, &reference).await;
    assert_eq!(
        (&stored["name"], &stored["message"]),
        (&json!("Plain Olderversion"), &json!("plain-message-5512"))
    );
}

/// The key id each sealed name is under, and how many values are under it.
async fn names_by_key(app: &TestApp) -> Vec<(Vec<u8>, i64)> {
    app::on_pool!(&app.store, c => sqlx::query_as("SELECT substr(name, 2, 4) AS key_id, COUNT(*) FROM consultations GROUP BY key_id ORDER BY key_id")
        .fetch_all(c).await)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn rotate_key_reseals_everything_under_a_new_key_and_resumes_after_an_interruption() {
    let app = spawn_sqlite_app().await;
    let mut references = vec![distinctive_request(&app).await];
    for _ in 0..3 {
        references.push(crate::staff::admin::a_request(&app).await);
    }
    distinctive_booking(&app).await;
    let front = app.staff(Role::FrontDesk).await;
    let note = app
        .call(
            &front.client,
            "admin/request_note",
            &[("reference", &references[0]), ("body", NOTE)],
        )
        .await;
    assert_eq!(note.status(), 200);
    let dir = app.dir.path();
    let old_key = std::fs::read_to_string(dir.join("data.key")).unwrap_or_default();

    // Interrupted after one value of each field.
    let rotation = server::data_key::rotate(&config_for(dir), &app.store, 1, Some(1))
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert!(!rotation.finished);
    assert_eq!(names_by_key(&app).await.len(), 2, "half done");
    assert!(dir.join("data.key.next").exists());

    // A server started now reads every request, under either key.
    let between = spawn_with(
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        config_for(dir),
    )
    .await;
    let reader = between
        .staff_named(Role::FrontDesk, "between@clinic.example")
        .await;
    for reference in &references {
        let stored = between.read_request(&reader.client, reference).await;
        assert!(
            stored["name"].is_string(),
            "{reference} readable mid-rotation"
        );
    }

    // Run again, as an operator would: it finishes.
    let (ok, out) = cli(dir, &["rotate-key"]).await;
    assert!(ok, "{out}");
    assert!(out.contains("re-sealed"), "{out}");
    let by_key = names_by_key(&app).await;
    assert_eq!(by_key.len(), 1, "every value under one key");
    let notes_old: i64 = app
        .count(&format!(
            "SELECT COUNT(*) FROM consultation_notes WHERE substr(body, 2, 4) <> X'{}'",
            by_key[0]
                .0
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        ))
        .await;
    assert_eq!(notes_old, 0, "notes re-sealed too");
    for field in ["name", "phone", "email", "message"] {
        let appointments_old: i64 = app
            .count(&format!(
                "SELECT COUNT(*) FROM appointments WHERE substr({field}, 2, 4) <> X'{}'",
                by_key[0]
                    .0
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            ))
            .await;
        assert_eq!(appointments_old, 0, "appointments' {field} re-sealed too");
    }
    let new_key = std::fs::read_to_string(dir.join("data.key")).unwrap_or_default();
    assert_ne!(new_key, old_key);
    assert_eq!(
        std::fs::read_to_string(dir.join("data.key.old")).unwrap_or_default(),
        old_key
    );
    assert!(!dir.join("data.key.next").exists());

    let after = spawn_with(
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        config_for(dir),
    )
    .await;
    let reader = after
        .staff_named(Role::FrontDesk, "after@clinic.example")
        .await;
    let stored = after.read_request(&reader.client, &references[0]).await;
    assert_eq!(
        (&stored["name"], &stored["notes"][0]["body"]),
        (&json!(NAME), &json!(NOTE))
    );

    // The retired key no longer opens this database.
    std::fs::rename(dir.join("data.key.old"), dir.join("data.key"))
        .unwrap_or_else(|e| panic!("{e}"));
    let retired = refused_start(config_for(dir)).await;
    assert!(retired.contains("is not this database's"), "{retired}");
}
