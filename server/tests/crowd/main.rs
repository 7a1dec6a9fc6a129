//! A crowd on the pages that are rendered for each visitor, or not yet
//! cached: 64 clients at once on each kind, in both languages, against the
//! real server on its default pool (or the test command's pool of one).
//! Every answer must come within 5 s, as the page's own status or as a
//! quick 503 with `Retry-After`, never a hang; a cached page keeps being
//! answered from memory meanwhile. Before issue 26 a render held one
//! pooled connection while it waited for another, so eight visitors at
//! once stopped the site.
//!
//! A test binary of its own, so that no other test shares the machine's
//! two cores while the cached page's answers are timed.

use app::domain::staff::Role;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SEEDED_ARTICLE: &str = "/articles/5-ways-that-acupuncture-helps-with-low-back-pain";
const PASSWORD: &str = "correct horse battery staple";
const CROWD: usize = 64;
const LONGEST: Duration = Duration::from_secs(5);
/// A 503 must be quick: the pool's wait (1 s by default) and a little.
const QUICK_REFUSAL: Duration = Duration::from_millis(2500);
const CACHED_WITHIN: Duration = Duration::from_millis(50);

/// The page kinds a crowd meets uncached, with the status each answers.
fn uncached_pages() -> Vec<(&'static str, u16)> {
    vec![
        ("/services/acupuncture", 200),
        ("/es/servicios/acupuntura", 200),
        ("/consultation", 200),
        ("/es/consulta", 200),
        // Lists are cached, but not before their first visitors.
        ("/articles?category=acupuncture", 200),
        ("/es/articulos?category=acupuncture", 200),
        ("/articles/no-such-article", 404),
        ("/es/articulos/no-such-article", 404),
        ("/no-such-page", 404),
    ]
}

struct Answer {
    status: u16,
    took: Duration,
    retry_after: bool,
}

async fn fetch(client: &reqwest::Client, url: &str) -> Answer {
    let started = Instant::now();
    let response = tokio::time::timeout(LONGEST * 2, client.get(url).send())
        .await
        .unwrap_or_else(|_| panic!("GET {url}: no answer in {:?}", LONGEST * 2))
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let retry_after = response.headers().contains_key("retry-after");
    let _ = response.bytes().await;
    Answer {
        status,
        took: started.elapsed(),
        retry_after,
    }
}

/// Sends `CROWD` requests for `path` at once while one client keeps
/// asking for the cached article; checks every answer.
async fn crowd_on(app: &Server, client: &reqwest::Client, path: &str, status: u16) {
    let url = app.url(path);
    let crowd: Vec<_> = (0..CROWD)
        .map(|_| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move { fetch(&client, &url).await })
        })
        .collect();
    // The cached page is read by a thread of its own, so what it measures
    // is the server's answer, not this process's queue of crowd tasks.
    let done = Arc::new(AtomicBool::new(false));
    let reader = std::thread::spawn({
        let (url, done) = (app.url(SEEDED_ARTICLE), done.clone());
        move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap_or_else(|e| panic!("{e}"));
            runtime.block_on(async move {
                let client = reqwest::Client::new();
                let mut cached = Vec::new();
                while !done.load(Ordering::Relaxed) {
                    cached.push(fetch(&client, &url).await);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
                cached
            })
        }
    });
    let mut answers = Vec::new();
    for task in crowd {
        answers.push(task.await.unwrap_or_else(|e| panic!("{e}")));
    }
    done.store(true, Ordering::Relaxed);
    let cached = reader
        .join()
        .unwrap_or_else(|_| panic!("the reader failed"));
    let refused = answers.iter().filter(|a| a.status == 503).count();
    let answered = answers.iter().filter(|a| a.status == status).count();
    let slowest = answers.iter().map(|a| a.took).max().unwrap_or_default();
    println!(
        "{path}: {CROWD} at once, {answered} answered {status}, {refused} refused (503), slowest {slowest:?}; cached page {} times meanwhile, slowest {:?}",
        cached.len(),
        cached.iter().map(|a| a.took).max().unwrap_or_default()
    );
    for answer in &answers {
        assert!(
            answer.took < LONGEST,
            "{path}: an answer took {:?}",
            answer.took
        );
        match answer.status {
            503 => {
                assert!(answer.retry_after, "{path}: a 503 without Retry-After");
                assert!(
                    answer.took < QUICK_REFUSAL,
                    "{path}: a 503 after {:?}",
                    answer.took
                );
            }
            other => assert_eq!(other, status, "{path}"),
        }
    }
    for answer in &cached {
        assert_eq!(answer.status, 200, "the cached article during {path}");
        assert!(
            answer.took < CACHED_WITHIN,
            "the cached article took {:?} during {path}",
            answer.took
        );
    }
}

/// The real server binary, in a process of its own (its own threads, as
/// deployed), on a fresh database of the engine the suite runs on
/// (`TEST_DATABASE`), with the test command's pool settings
/// (`DATABASE_POOL_SIZE`, `DATABASE_WAIT_MS`, passed on).
struct Server {
    base: String,
    client: reqwest::Client,
    url: String,
    process: std::process::Child,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Server {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let url = if std::env::var("TEST_DATABASE").as_deref() == Ok("postgres") {
            fresh_postgres_database().await
        } else {
            format!("sqlite://{}", dir.path().join("clinic.db").display())
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_or(0, |a| a.port());
        let file = |name: &str| dir.path().join(name).display().to_string();
        let process = Command::new(env!("CARGO_BIN_EXE_server"))
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", &url)
            .env("DATA_KEY_FILE", file("data.key"))
            .env("MEDIA_DIR", file("media"))
            .env("BUILDS_DIR", file("builds"))
            .env("RUST_LOG", "error")
            .env_remove("DATA_KEY")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("start the server: {e}"));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(CROWD)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let server = Self {
            base: format!("http://127.0.0.1:{port}"),
            client,
            url,
            process,
            _dir: dir,
        };
        let up = Instant::now();
        while server
            .client
            .get(server.url("/healthz"))
            .send()
            .await
            .is_err()
        {
            assert!(
                up.elapsed() < Duration::from_secs(30),
                "the server did not start"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A new editor's browser, signed in.
    async fn editor(&self) -> reqwest::Client {
        let db = app::server::db::connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        app::server::auth::accounts::create(
            &db,
            "editor@clinic.example",
            "Eda Editor",
            Role::Editor,
            PASSWORD.into(),
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("create the editor: {e}"));
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let signed_in = browser
            .post(self.url("/api/admin/sign_in"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                serde_html_form::to_string([
                    ("email", "editor@clinic.example"),
                    ("password", PASSWORD),
                ])
                .unwrap_or_default(),
            )
            .send()
            .await
            .unwrap_or_else(|e| panic!("sign in: {e}"));
        assert_eq!(signed_in.status(), 200, "the editor signs in");
        browser
    }
}

/// A new, empty database on the test command's PostgreSQL server.
async fn fresh_postgres_database() -> String {
    use sqlx::Connection;
    let server = std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| panic!("TEST_POSTGRES_URL is not set: run ./.ci/test"));
    let name = format!("crowd_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("{server}: {e}"));
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::query(&sql)
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    format!("{base}/{name}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_on_uncached_pages_is_answered_and_cached_pages_stay_fast() {
    let server = Server::start().await;
    // The cached page, rendered once before the crowds.
    assert_eq!(
        fetch(&server.client, &server.url(SEEDED_ARTICLE))
            .await
            .status,
        200
    );
    for (path, status) in uncached_pages() {
        crowd_on(&server, &server.client, path, status).await;
    }
    let editor = server.editor().await;
    crowd_on(&server, &editor, "/admin/articles", 200).await;
}
