//! Settings the server cannot use stop it at start, with a sentence, and
//! create nothing.

#[tokio::test]
async fn a_database_url_it_cannot_use_stops_the_server_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for url in [
        "postgres://clinic@localhost/clinic",
        "mysql://localhost/clinic",
    ] {
        let (cwd, url_owned) = (dir.path().to_owned(), url.to_owned());
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_server"))
                .current_dir(cwd)
                .env("DATABASE_URL", url_owned)
                .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
                .output()
        })
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("{e}"));
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{url}: started");
        assert!(said.contains("DATABASE_URL"), "{url}: {said}");
        let created: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|entry| entry.file_name())
            .collect();
        assert!(created.is_empty(), "{url} created {created:?}");
    }
}

#[tokio::test]
async fn a_media_store_it_cannot_use_stops_the_server_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cwd = dir.path().to_owned();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .current_dir(cwd)
            .env("DATABASE_URL", "sqlite://data/clinic.db")
            .env("MEDIA_STORE", "gs://clinic-media")
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("{e}"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "started");
    assert!(
        said.contains("MEDIA_STORE=\"gs://clinic-media\": expected s3://bucket"),
        "{said}"
    );
    assert!(!dir.path().join("data").exists(), "created a database");
}
