//! A crowd on the pages that are rendered for each visitor, or not yet
//! cached: 64 clients at once on each kind, in both languages, against the
//! real server on its default pool (or the test command's pool of one).
//! Every answer must come within 5 s, as the page's own status or as a
//! quick 503 with `Retry-After`, never a hang; a cached page keeps being
//! answered from memory meanwhile. Before issue 26 a render held one
//! pooled connection while it waited for another, so eight visitors at
//! once stopped the site.

use crate::crash::{free_port, start_with, wait_up};
use crate::helpers::{TestApp, SEEDED_ARTICLE};
use app::domain::staff::Role;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

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
async fn crowd_on(app: &TestApp, client: &reqwest::Client, path: &str, status: u16) {
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
/// deployed), on a fresh database of the engine the suite runs on, with
/// the test command's pool settings; the test talks to it over HTTP and
/// reads its database as a `TestApp`.
async fn start_server() -> (TestApp, ServerProcess) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = if std::env::var("TEST_DATABASE").as_deref() == Ok("postgres") {
        crate::postgres::fresh_database("crowd").await
    } else {
        format!("sqlite://{}", dir.path().join("clinic.db").display())
    };
    let port = free_port();
    let child = start_with(
        dir.path(),
        port,
        &[
            ("DATABASE_URL", url.as_str()),
            (
                "DATA_KEY_FILE",
                &dir.path().join("data.key").display().to_string(),
            ),
            ("MEDIA_DIR", &dir.path().join("media").display().to_string()),
            (
                "BUILDS_DIR",
                &dir.path().join("builds").display().to_string(),
            ),
        ],
    );
    let process = ServerProcess(child);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(CROWD)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let base = format!("http://127.0.0.1:{port}");
    wait_up(&client, &base).await;
    let store = app::server::db::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let app = TestApp {
        address: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        store,
        client,
        dir,
    };
    (app, process)
}

/// Stops the server however the test ends.
struct ServerProcess(std::process::Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crowd_on_uncached_pages_is_answered_and_cached_pages_stay_fast() {
    let (app, _server) = start_server().await;
    // The cached page, rendered once before the crowds.
    assert_eq!(
        fetch(&app.client, &app.url(SEEDED_ARTICLE)).await.status,
        200
    );
    for (path, status) in uncached_pages() {
        crowd_on(&app, &app.client, path, status).await;
    }
    let editor = app.staff(Role::Editor).await;
    crowd_on(&app, &editor.client, "/admin/articles", 200).await;
}
