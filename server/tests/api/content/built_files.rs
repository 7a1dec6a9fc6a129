//! The app's built files: hashed addresses, `immutable`, precompressed, and
//! earlier builds kept for pages opened before a deploy.

use crate::support::helpers::{get_accepting, TestApp};
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING};
use reqwest::StatusCode;
use std::io::Read;

/// The page's own address for a built file, as its `<link>`/`<script>` give it.
fn hashed_path(page: &str, file: &str) -> String {
    let at = page
        .find(&format!("/{file}"))
        .unwrap_or_else(|| panic!("{file} is not referenced"));
    let start = page[..at]
        .rfind("/pkg/")
        .unwrap_or_else(|| panic!("{file} is not under /pkg/"));
    format!("{}/{file}", &page[start..at])
}

#[tokio::test]
async fn built_files_have_hashed_addresses_are_immutable_and_precompressed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap_or_else(|e| panic!("{e}"));
    let script = "export function hydrate() { /* the app */ }\n".repeat(50);
    std::fs::write(pkg.join("clinic.js"), &script).unwrap_or_else(|e| panic!("{e}"));
    let styles = "main > p { margin: 0 }\n".repeat(50);
    std::fs::write(pkg.join("clinic.css"), &styles).unwrap_or_else(|e| panic!("{e}"));
    let mut config = server::config::Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.leptos.site_root = site.display().to_string().into();
    server::cli::precompress(&config).unwrap_or_else(|e| panic!("{e}"));
    let app = crate::support::helpers::spawn_with(dir, config).await;

    let page = app.get("/").await.text().await.unwrap_or_default();
    // The stylesheet is inside the page, as written: no request before the
    // first paint.
    assert!(page.contains(&format!("<style>{styles}</style>")));
    let js = hashed_path(&page, "clinic.js");
    let css = js.replace("clinic.js", "clinic.css");
    assert_ne!(js, "/pkg/clinic.js", "the address carries the build's hash");

    let plain = app.get(&js).await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert_eq!(
        plain.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(plain.text().await.unwrap_or_default(), script);

    let brotli = get_accepting(&app, &js, "gzip, deflate, br").await;
    assert_eq!(brotli.headers()[CONTENT_ENCODING], "br");
    assert_eq!(
        brotli.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let stored = std::fs::read(pkg_file(&app, "clinic.js.br")).unwrap_or_default();
    assert_eq!(brotli.bytes().await.unwrap_or_default(), stored);

    let gzip = get_accepting(&app, &css, "gzip").await;
    assert_eq!(gzip.headers()[CONTENT_ENCODING], "gzip");

    // Another build's address is not this build's file.
    let stale = app.get("/pkg/0123456789abcdef/clinic.js").await;
    assert_eq!(stale.status(), StatusCode::NOT_FOUND);
    assert_ne!(
        stale
            .headers()
            .get(CACHE_CONTROL)
            .map(|v| v.to_str().unwrap_or_default()),
        Some("public, max-age=31536000, immutable")
    );
}

fn pkg_file(app: &TestApp, name: &str) -> std::path::PathBuf {
    app.dir.path().join("site").join("pkg").join(name)
}

/// Starts the site from `site` (its files under `site/pkg`), keeping earlier
/// builds in `builds`, on a database of its own.
async fn deploy(site: &std::path::Path, builds: &std::path::Path) -> TestApp {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = server::config::Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.leptos.site_root = site.display().to_string().into();
    config.builds_dir = builds.to_path_buf();
    server::cli::precompress(&config).unwrap_or_else(|e| panic!("{e}"));
    crate::support::helpers::spawn_with(dir, config).await
}

#[tokio::test]
async fn a_page_opened_before_a_deploy_still_gets_its_builds_chunks() {
    let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (site, builds) = (root.path().join("site"), root.path().join("builds"));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        std::fs::write(pkg.join(name), text.repeat(40)).unwrap_or_else(|e| panic!("{e}"))
    };
    write("clinic.js", "export const build = 'before';\n");
    write("admin_chunk.js", "export const chunk = 'before';\n");
    let before = deploy(&site, &builds).await;
    let page = before.get("/").await.text().await.unwrap_or_default();
    let old_chunk = hashed_path(&page, "clinic.js").replace("clinic.js", "admin_chunk.js");

    // The deploy: new files, and the old chunk is gone from the build.
    std::fs::remove_dir_all(&pkg).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(&pkg).unwrap_or_else(|e| panic!("{e}"));
    write("clinic.js", "export const build = 'after';\n");
    write("other_chunk.js", "export const chunk = 'after';\n");
    let after = deploy(&site, &builds).await;
    let page = after.get("/").await.text().await.unwrap_or_default();
    let new_js = hashed_path(&page, "clinic.js");
    assert_ne!(new_js.replace("clinic.js", "admin_chunk.js"), old_chunk);
    let current = after.get(&new_js).await.text().await.unwrap_or_default();
    assert!(current.starts_with("export const build = 'after'"));

    // The open tab asks the new server for its build's chunk, and gets it.
    let chunk = get_accepting(&after, &old_chunk, "br").await;
    assert_eq!(chunk.status(), StatusCode::OK);
    assert_eq!(chunk.headers()[CONTENT_ENCODING], "br");
    assert_eq!(
        chunk.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let mut text = String::new();
    brotli::Decompressor::new(&chunk.bytes().await.unwrap_or_default()[..], 4096)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text, "export const chunk = 'before';\n".repeat(40));

    // A build that never ran here is still a 404.
    let unknown = after.get("/pkg/0123456789abcdef/admin_chunk.js").await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}
