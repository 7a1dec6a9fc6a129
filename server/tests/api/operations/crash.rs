//! The crash harness: the real server binary takes consultation requests
//! through both paths (the page's JavaScript and the no-JavaScript form)
//! and is killed with SIGKILL at random moments, round after round.
//! Afterwards every acknowledged request is in the database, none is stored
//! twice, and SQLite's integrity check passes. Prints acknowledged / stored
//! / lost.

use crate::support::request_helpers::{json_body, valid_fields};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ROUNDS: u32 = 12;
const CLIENTS: usize = 4;

/// A few random milliseconds, from the clock (no seed to keep).
fn random_ms(low: u64, high: u64) -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()));
    low + nanos % (high - low)
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_or(0, |a| a.port())
}

/// A server process a test started, and where it answers.
pub(crate) struct Started {
    pub child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// `127.0.0.1:<port>` of its metrics, when `METRICS_ADDR` was given.
    pub metrics: Option<String>,
}

pub(crate) fn start(dir: &Path) -> Started {
    start_with(dir, &[])
}

/// What each started server wrote to stderr, by its process id: shown when
/// it does not start, so the failure says why. A pipe, not a file: a test
/// may forbid the server to write files (a full disk).
fn errors_of(pid: u32) -> std::sync::Arc<std::sync::Mutex<String>> {
    type Said = std::sync::Arc<std::sync::Mutex<String>>;
    static SAID: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<u32, Said>>> =
        std::sync::OnceLock::new();
    let mut all = SAID
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    all.entry(pid).or_default().clone()
}

/// Keeps reading `from` on a thread of its own (a pipe must be read, or
/// the server blocks once it is full), handing each line to `line`.
fn drain(from: impl std::io::Read + Send + 'static, mut line: impl FnMut(String) + Send + 'static) {
    std::thread::spawn(move || {
        use std::io::BufRead;
        for read in std::io::BufReader::new(from).lines().map_while(Result::ok) {
            line(read);
        }
    });
}

/// The real server binary on `dir`'s database, with `env` added, on a port
/// the system chooses as it binds (so no other test can take it between a
/// choice and the bind): its address is read from what it prints. A
/// `METRICS_ADDR` of `127.0.0.1:0` is read back the same way.
pub(crate) fn start_with(dir: &Path, env: &[(&str, &str)]) -> Started {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("clinic.db").display()),
        )
        .env("RUST_LOG", "error")
        .env("CONSULTATION_RATE_LIMIT", "1000000/60")
        .env("CONSULTATION_MIN_FILL_SECONDS", "0")
        .env_remove("DATA_KEY")
        .env_remove("DATA_KEY_FILE")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("start the server: {e}"));
    let said = errors_of(child.id());
    if let Some(stderr) = child.stderr.take() {
        drain(stderr, move |line| {
            let mut said = said
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            said.push_str(&line);
            said.push('\n');
        });
    }
    let (lines, printed) = std::sync::mpsc::channel();
    if let Some(stdout) = child.stdout.take() {
        drain(stdout, move |line| {
            let _ = lines.send(line);
        });
    }
    let mut metrics = None;
    loop {
        match printed.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => {
                if let Some(at) = line.strip_prefix("Metrics are served at http://") {
                    metrics = at.strip_suffix("/metrics").map(str::to_owned);
                } else if let Some(at) = line.strip_prefix("The clinic's site is running at ") {
                    return Started {
                        child,
                        base: at.trim().to_owned(),
                        metrics,
                    };
                }
            }
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                let said = errors_of(child.id())
                    .lock()
                    .map(|said| said.clone())
                    .unwrap_or_default();
                panic!("the server did not start; it said: {said}");
            }
        }
    }
}

/// Waits (up to 20 s) until the server at `base` answers `/healthz`.
pub(crate) async fn wait_up(client: &reqwest::Client, base: &str) {
    let up = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        if up.elapsed() > Duration::from_secs(20) {
            let port = base
                .rsplit(':')
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            let said = errors_of(port)
                .lock()
                .map(|said| said.clone())
                .unwrap_or_default();
            panic!("the server at {base} did not start; it said: {said}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One request through the no-JavaScript form (`js` false) or the page's
/// server function; `Some(reference)` when the server acknowledged it.
pub(crate) async fn submit(client: &reqwest::Client, base: &str, js: bool) -> Option<String> {
    let setup = client
        .get(format!("{base}/api/consultation_form"))
        .send()
        .await
        .ok()?;
    let setup: app::api::request::FormSetup =
        postcard::from_bytes(&setup.bytes().await.ok()?).ok()?;
    let fields = valid_fields();
    if js {
        let body = json_body(&fields, &setup.token);
        let answer = client
            .post(format!("{base}/api/consultation"))
            .json(&body)
            .send()
            .await
            .ok()?;
        if !answer.status().is_success() {
            return None;
        }
        let reference: app::domain::request::Reference =
            postcard::from_bytes(&answer.bytes().await.ok()?).ok()?;
        Some(reference.as_str().to_owned())
    } else {
        let mut all: Vec<(&str, String)> = fields;
        all.push(("token", setup.token));
        let answer = client
            .post(format!("{base}/consultation"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(&all).ok()?)
            .send()
            .await
            .ok()?;
        let location = answer.headers().get("location")?.to_str().ok()?.to_owned();
        (answer.status() == 303).then(|| location.rsplit('/').next().unwrap_or_default().to_owned())
    }
}

#[tokio::test]
async fn killed_at_random_moments_the_server_loses_no_acknowledged_request() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..ROUNDS {
        let Started {
            mut child, base, ..
        } = start(dir.path());
        wait_up(&client, &base).await;
        let clients: Vec<_> = (0..CLIENTS)
            .map(|n| {
                let (client, base, acknowledged) =
                    (client.clone(), base.clone(), acknowledged.clone());
                tokio::spawn(async move {
                    // Until the server is gone.
                    for i in 0.. {
                        match submit(&client, &base, (n + i) % 2 == 0).await {
                            Some(reference) => acknowledged
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .push(reference),
                            None => {
                                if client.get(format!("{base}/healthz")).send().await.is_err() {
                                    break;
                                }
                            }
                        }
                    }
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(random_ms(150, 700))).await;
        child.kill().unwrap_or_else(|e| panic!("SIGKILL: {e}"));
        let _ = child.wait();
        for c in clients {
            let _ = c.await;
        }
    }

    let db = crate::support::helpers::open_sqlite(dir.path()).await;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let stored: Vec<String> = sqlx::query_scalar("SELECT reference FROM consultations")
        .fetch_all(&db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let twice: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT submission_token FROM consultations GROUP BY submission_token HAVING COUNT(*) > 1)",
    )
    .fetch_one(&db)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let acknowledged = acknowledged
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|r| !stored.contains(r))
        .collect();
    println!(
        "crash harness: {ROUNDS} SIGKILLs; acknowledged {} / stored {} / lost {}",
        acknowledged.len(),
        stored.len(),
        lost.len()
    );
    assert!(
        acknowledged.len() > usize::try_from(ROUNDS).unwrap_or(0),
        "requests were acknowledged between kills"
    );
    assert_eq!(lost, Vec::<&String>::new(), "acknowledged but not stored");
    assert_eq!(twice, 0, "a form token stored twice");
    assert_eq!(integrity, "ok");
}
