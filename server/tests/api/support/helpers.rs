use app::domain::article_admin::ArticleState;
use app::domain::{HeroImage, Slug};
use app::server::content::articles::{self, NewArticle};
use app::server::content::Timestamp;
use reqwest::StatusCode;
use scraper::{Html, Selector};
use server::config::Config;
use server::startup::Application;
use sqlx::SqlitePool;
use std::net::SocketAddr;
use tempfile::TempDir;

pub const SEEDED_ARTICLE: &str = "/articles/5-ways-that-acupuncture-helps-with-low-back-pain";
pub const SEEDED_TITLE: &str = "5 Ways that Acupuncture Helps with Low Back Pain";
pub const CLINIC: &str = "Monmouth Pain & Scoliosis Center";

pub struct TestApp {
    pub address: SocketAddr,
    /// The site's database (either engine): tests run their own SQL on it
    /// with `app::on_pool!`.
    pub store: app::server::db::Db,
    pub client: reqwest::Client,
    pub dir: TempDir,
    /// Its background workers' passes ([`after_passes`]).
    pub workers: app::server::workers::Workers,
}

/// Waits until `passes`' worker has run `more` whole passes that began
/// after this call (up to 30 s, then fails): "nothing happens again" is
/// then seen over real passes, not assumed from a length of time.
pub async fn after_passes(passes: &app::server::workers::Passes, more: u64) {
    // The pass under way now may have begun before: it does not count.
    let target = passes.count() + more + 1;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while passes.count() < target {
        assert!(
            std::time::Instant::now() < deadline,
            "the {} worker did not run {more} passes in 30 s",
            passes.worker()
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A served page: its status and parsed document.
pub struct Page {
    pub status: StatusCode,
    pub path: String,
    pub html: Html,
}

/// The server on a fresh database: a SQLite file, or, when the test
/// command runs the suite a second time with `TEST_DATABASE=postgres`, a
/// database of its own on the test's PostgreSQL server.
pub async fn spawn_app() -> TestApp {
    if std::env::var("TEST_DATABASE").as_deref() == Ok("postgres") {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        return crate::operations::postgres::spawn_on_postgres(&format!("t{n}")).await;
    }
    spawn_sqlite_app().await
}

/// The server on a fresh SQLite file, whichever engine the suite runs on:
/// for tests of what only SQLite has (its file's bytes, its locks, legacy
/// plain values, the CLI on the same file).
pub async fn spawn_sqlite_app() -> TestApp {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    spawn_app_in(dir).await
}

/// Starts the server on a database file in `dir` (reused by restart tests).
pub async fn spawn_app_in(dir: TempDir) -> TestApp {
    let config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    spawn_with(dir, config).await
}

/// Starts the server with `config` (its database in `dir`).
pub async fn spawn_with(dir: TempDir, config: Config) -> TestApp {
    server::telemetry::init();
    let config = config.with_addr(SocketAddr::from(([127, 0, 0, 1], 0)));
    let app = Application::build(config)
        .await
        .unwrap_or_else(|e| panic!("start: {e:#}"));
    let address = app.address();
    let store = app.state.db.clone();
    let workers = app.state.workers.clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("client: {e}"));
    TestApp {
        address,
        store,
        client,
        dir,
        workers,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn page(&self, path: &str) -> Page {
        let response = self.get(path).await;
        let status = response.status();
        let body = response
            .text()
            .await
            .unwrap_or_else(|e| panic!("GET {path} body: {e}"));
        Page {
            status,
            path: path.to_owned(),
            html: Html::parse_document(&body),
        }
    }

    /// Stores an article as staff would, with sensible defaults.
    pub async fn add_article(&self, article: ArticleSpec<'_>) {
        let new = NewArticle {
            wordpress_id: None,
            slug: Slug::parse(article.slug).unwrap_or_else(|e| panic!("{}: {e}", article.slug)),
            title: article.title.to_owned(),
            category: article.category.to_owned(),
            summary: article.summary.map(str::to_owned),
            body_md: article.body.to_owned(),
            hero: article.hero,
            status: article.status,
            published_at: Some(
                Timestamp::parse_date(article.published).unwrap_or_else(|e| panic!("{e}")),
            ),
        };
        articles::insert(&self.store, &new)
            .await
            .unwrap_or_else(|e| panic!("insert: {e}"));
    }
}

pub struct ArticleSpec<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub category: &'a str,
    pub body: &'a str,
    pub published: &'a str,
    pub summary: Option<&'a str>,
    pub hero: Option<HeroImage>,
    pub status: ArticleState,
}

impl<'a> ArticleSpec<'a> {
    pub fn published(slug: &'a str, title: &'a str, category: &'a str, published: &'a str) -> Self {
        Self {
            slug,
            title,
            category,
            body: "A first paragraph.\n\nA second one.",
            published,
            summary: None,
            hero: None,
            status: ArticleState::Published,
        }
    }
}

impl Page {
    fn selector(css: &str) -> Selector {
        Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"))
    }

    /// Text of every element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .map(|el| {
                el.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{}: nothing matches {css}", self.path))
    }

    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .filter_map(|el| el.value().attr(attr).map(str::to_owned))
            .collect()
    }

    pub fn title(&self) -> String {
        self.text("head title")
    }

    pub fn description(&self) -> String {
        self.attrs(r#"head meta[name="description"]"#, "content")
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{}: no meta description", self.path))
    }

    pub fn inner_html(&self, css: &str) -> String {
        self.html
            .select(&Self::selector(css))
            .map(|el| el.inner_html())
            .collect::<Vec<_>>()
            .join("")
    }

    /// Each matching element's inner HTML.
    pub fn inner_html_all(&self, css: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .map(|el| el.inner_html())
            .collect()
    }

    pub fn assert_status(&self, want: StatusCode) {
        assert_eq!(self.status, want, "GET {}", self.path);
    }
}

/// A server function's answer decoded as the browser decodes it: the
/// patients' pages' data and every error travel as postcard.
pub async fn decoded<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> T {
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    postcard::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}: {bytes:?}"))
}

/// The error a server function answered with.
pub async fn api_error(response: reqwest::Response) -> app::api::ApiError {
    decoded(response).await
}

/// What a refused save said about its fields (a `422`'s `InvalidDraft`).
pub async fn draft_errors(response: reqwest::Response) -> app::domain::DraftErrors {
    match api_error(response).await {
        app::api::ApiError::InvalidDraft(errors) => errors,
        other => panic!("not a refused draft: {other:?}"),
    }
}

/// GET `path` from a browser that accepts `encodings`.
pub async fn get_accepting(app: &TestApp, path: &str, encodings: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header(reqwest::header::ACCEPT_ENCODING, encodings)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// `server <args>` against the database in `dir` (its default key file
/// beside it): (succeeded, stdout and stderr). On a thread of its own, so
/// the server on this test's runtime runs on.
pub async fn server_cli(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let url = format!("sqlite://{}", dir.join("clinic.db").display());
    server_cli_on(&url, None, args).await
}

/// `server <args>` against the database `url`, with `DATA_KEY_FILE` set to
/// `key_file` if given.
pub async fn server_cli_on(
    url: &str,
    key_file: Option<&std::path::Path>,
    args: &[&str],
) -> (bool, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let url = url.to_owned();
    let key_file = key_file.map(std::path::Path::to_path_buf);
    let out = tokio::task::spawn_blocking(move || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .args(&args)
            .env("DATABASE_URL", url)
            .env_remove("DATA_KEY")
            .env_remove("DATA_KEY_FILE")
            .env("RUST_LOG", "warn");
        if let Some(file) = key_file {
            command.env("DATA_KEY_FILE", file);
        }
        command.output()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// A listener on a free local port, and the port: for the stand-ins of
/// other servers (a mail server, an old WordPress site).
pub async fn local_listener() -> (tokio::net::TcpListener, u16) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("{e}"));
    (listener, port)
}

/// The SQLite pool inside the app's database handle.
pub fn sqlite(db: &app::server::db::Db) -> SqlitePool {
    db.sqlite()
        .cloned()
        .unwrap_or_else(|| panic!("a SQLite database"))
}

/// The SQLite database in `dir` (`clinic.db`), opened and migrated as the
/// server opens it: to read what a stopped server left.
pub async fn open_sqlite(dir: &std::path::Path) -> SqlitePool {
    let url = format!("sqlite://{}", dir.join("clinic.db").display());
    let db = app::server::db::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    sqlite(&db)
}

/// Makes every new audit entry fail, as a full disk or a broken chain
/// would, on whichever engine the test runs.
pub async fn refuse_audit_entries(app: &TestApp) {
    match &app.store {
        app::server::db::Db::Sqlite(pool) => {
            sqlx::query(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                 BEGIN SELECT RAISE(ABORT, 'the audit log refuses'); END",
            )
            .execute(pool)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        }
        app::server::db::Db::Postgres(pool) => {
            for statement in [
                "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$
                 BEGIN RAISE EXCEPTION 'the audit log refuses'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
                 FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
            ] {
                sqlx::query(statement)
                    .execute(pool)
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
