use crate::helpers::{spawn_app, TestApp, SEEDED_ARTICLE};
use app::domain::staff::Role;
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, VARY,
};
use reqwest::StatusCode;
use std::io::Read;

#[tokio::test]
async fn an_unchanged_page_is_a_304_and_a_published_change_shows_on_the_next_request() {
    let app = spawn_app().await;
    let first = app.get(SEEDED_ARTICLE).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()[CACHE_CONTROL], "no-cache");
    let tag = first.headers()[ETAG].clone();

    let again = app
        .client
        .get(app.url(SEEDED_ARTICLE))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()[ETAG], tag);
    assert!(again.bytes().await.unwrap_or_default().is_empty());

    // Staff change the article: the old tag no longer matches.
    sqlx::query("UPDATE articles SET body_html = '<p>Updated advice.</p>' WHERE slug = ?")
        .bind(SEEDED_ARTICLE.trim_start_matches("/articles/"))
        .execute(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let changed = app
        .client
        .get(app.url(SEEDED_ARTICLE))
        .header(IF_NONE_MATCH, tag.clone())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changed.status(), StatusCode::OK);
    assert_ne!(changed.headers()[ETAG], tag);
    assert!(changed
        .text()
        .await
        .unwrap_or_default()
        .contains("Updated advice."));
}

#[tokio::test]
async fn admin_pages_are_never_kept_or_tagged() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let page = editor
        .client
        .get(app.url("/admin/articles"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[CACHE_CONTROL], "no-store");
    assert!(page.headers().get(ETAG).is_none());
}

#[tokio::test]
async fn every_visitor_gets_a_fresh_form_token() {
    let app = spawn_app().await;
    for path in ["/consultation", "/services/acupuncture"] {
        let tokens: Vec<String> = {
            let mut tokens = Vec::new();
            for _ in 0..2 {
                let page = app.page(path).await;
                tokens.extend(page.attrs(r#"input[name="token"]"#, "value"));
            }
            tokens
        };
        assert_eq!(tokens.len(), 2, "{path}");
        assert_ne!(
            tokens[0], tokens[1],
            "{path}: a form token was served twice"
        );
    }
}

#[tokio::test]
async fn a_change_made_outside_the_admin_shows_at_once_too() {
    let app = spawn_app().await;
    let before = app.page("/services").await;
    assert!(!before.inner_html("main").contains("Now also on Saturdays"));
    // The WordPress import and the scheduler write straight to the database.
    sqlx::query(
        "UPDATE services SET summary = 'Now also on Saturdays.' WHERE slug = 'acupuncture'",
    )
    .execute(&app.db)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let after = app.page("/services").await;
    assert!(after.inner_html("main").contains("Now also on Saturdays."));
}

/// GET `path` from a browser that accepts `encodings`.
async fn get_accepting(app: &TestApp, path: &str, encodings: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header(ACCEPT_ENCODING, encodings)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

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
    let app = crate::helpers::spawn_with(dir, config).await;

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

#[tokio::test]
async fn a_cached_page_is_sent_compressed_and_says_the_same() {
    let app = spawn_app().await;
    let plain = app
        .get(SEEDED_ARTICLE)
        .await
        .text()
        .await
        .unwrap_or_default();
    for encoding in ["br", "gzip"] {
        let response = get_accepting(&app, SEEDED_ARTICLE, encoding).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[CONTENT_ENCODING], encoding);
        assert_eq!(response.headers()[VARY], "accept-encoding");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let bytes = response.bytes().await.unwrap_or_default();
        let mut decoded = String::new();
        if encoding == "br" {
            brotli::Decompressor::new(bytes.as_ref(), 4096)
                .read_to_string(&mut decoded)
                .unwrap_or_else(|e| panic!("{e}"));
        } else {
            flate2::read::GzDecoder::new(bytes.as_ref())
                .read_to_string(&mut decoded)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(decoded, plain, "{encoding}");
    }
}

#[tokio::test]
async fn missing_pages_and_feeds_are_compressed_too() {
    let app = spawn_app().await;
    for (path, status) in [
        ("/no-such-page", StatusCode::NOT_FOUND),
        ("/feed.xml", StatusCode::OK),
        ("/sitemap.xml", StatusCode::OK),
    ] {
        let response = get_accepting(&app, path, "gzip").await;
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(response.headers()[CONTENT_ENCODING], "gzip", "{path}");
        let bytes = response.bytes().await.unwrap_or_default();
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes.as_ref())
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(text.starts_with("<"), "{path}: {text:.40}");
    }
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
    crate::helpers::spawn_with(dir, config).await
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
