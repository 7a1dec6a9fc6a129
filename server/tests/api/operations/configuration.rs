//! Settings the server cannot use stop it at start, with a sentence, and
//! create nothing.

/// Starts the real server in `dir` with `env`: whether it started, and what
/// it said on stderr.
async fn start_in(dir: &std::path::Path, env: &[(&str, &str)]) -> (bool, String) {
    let cwd = dir.to_owned();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .current_dir(cwd)
            .envs(env)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn created(dir: &std::path::Path) -> Vec<std::ffi::OsString> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|entry| entry.file_name())
        .collect()
}

#[tokio::test]
async fn a_database_url_it_cannot_use_stops_the_server_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for url in [
        "postgres://clinic@localhost/clinic",
        "mysql://localhost/clinic",
    ] {
        let (started, said) = start_in(dir.path(), &[("DATABASE_URL", url)]).await;
        assert!(!started, "{url}: started");
        assert!(said.contains("DATABASE_URL"), "{url}: {said}");
        assert!(
            created(dir.path()).is_empty(),
            "{url} created {:?}",
            created(dir.path())
        );
    }
}

#[tokio::test]
async fn a_media_store_it_cannot_use_stops_the_server_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (started, said) = start_in(
        dir.path(),
        &[
            ("DATABASE_URL", "sqlite://data/clinic.db"),
            ("MEDIA_STORE", "gs://clinic-media"),
        ],
    )
    .await;
    assert!(!started, "started");
    assert!(
        said.contains("MEDIA_STORE=\"gs://clinic-media\": expected s3://bucket"),
        "{said}"
    );
    assert!(
        created(dir.path()).is_empty(),
        "created {:?}",
        created(dir.path())
    );
}
