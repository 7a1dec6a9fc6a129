//! A database that goes away for a moment is an outage, not an error:
//! PostgreSQL restarted (`pg_ctl restart -m fast`) while four clients send
//! consultation requests, two without JavaScript and two with it. No send
//! may get a 500; a send the database could not take is answered 503 with
//! `Retry-After`, the no-JavaScript form with every typed value; every
//! acknowledged request is stored; and the site carries on by itself.
//! The server under test restarts nothing. The same holds on SQLite when
//! another program holds the database file's lock.

use crate::support::helpers::{spawn_with, TestApp};
use crate::support::request_helpers::{json_body, valid_fields};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A PostgreSQL server of this test's own, from Debian's package, so it
/// can be restarted without disturbing the other tests' server: started as
/// the test command starts its own (`.ci/postgres`), as `postgres` when
/// the tests run as root.
struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
}

impl OwnPostgres {
    fn start() -> Self {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .unwrap_or_else(|e| panic!("Debian's postgresql package is needed: {e}"))
            .filter_map(Result::ok)
            .map(|entry| entry.path().join("bin"))
            .max()
            .unwrap_or_else(|| panic!("no PostgreSQL under /usr/lib/postgresql"));
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let port = crate::operations::crash::free_port();
        let own = Self { dir, bin, port };
        if own.as_root() {
            own.run(Command::new("chown").arg("postgres").arg(own.dir.path()));
        }
        own.run(own.command("initdb").arg("-D").arg(own.data()).args([
            "-U",
            "clinic",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        ]));
        own.pg_ctl("start");
        own
    }

    fn as_root(&self) -> bool {
        Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| out.stdout.starts_with(b"0\n"))
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if self.as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    fn run(&self, command: &mut Command) {
        let out = command
            .output()
            .unwrap_or_else(|e| panic!("{command:?}: {e}"));
        assert!(
            out.status.success(),
            "{command:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl(&self, action: &str) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        self.run(
            self.command("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .arg("-l")
                .arg(self.dir.path().join("server.log"))
                .args(["-w", "-m", "fast", "-o", &options, action]),
        );
    }

    fn url(&self) -> String {
        format!("postgres://clinic@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "stop"])
            .output();
    }
}

/// What one send got.
enum Sent {
    Acknowledged(String),
    /// A 503 with `Retry-After` (and, without JavaScript, the typed values).
    Refused,
}

/// One send as a patient's browser makes it; panics on any answer other
/// than success or a proper 503.
async fn send(client: &reqwest::Client, base: &str, js: bool) -> Option<Sent> {
    // The form's token: the page itself serves it from memory if need be,
    // so this only fails while no connection at all can be made.
    let setup = client
        .get(format!("{base}/api/consultation_form"))
        .send()
        .await
        .ok()?;
    if !setup.status().is_success() {
        return None;
    }
    let setup: app::api::request::FormSetup =
        postcard::from_bytes(&setup.bytes().await.ok()?).ok()?;
    let fields = valid_fields();
    let answer = if js {
        client
            .post(format!("{base}/api/consultation"))
            .json(&json_body(&fields, &setup.token))
    } else {
        let mut all = fields.clone();
        all.push(("token", setup.token.clone()));
        client
            .post(format!("{base}/consultation"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(&all).unwrap_or_default())
    }
    .send()
    .await
    .unwrap_or_else(|e| panic!("the server stopped answering: {e}"));
    let status = answer.status().as_u16();
    let retry_after = answer.headers().contains_key("retry-after");
    let location = answer
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .map(str::to_owned);
    let body = answer.bytes().await.unwrap_or_default();
    match (status, js) {
        (200, true) => {
            let reference: app::domain::request::Reference =
                postcard::from_bytes(&body).unwrap_or_else(|e| panic!("{e}"));
            Some(Sent::Acknowledged(reference.as_str().to_owned()))
        }
        (303, false) => Some(Sent::Acknowledged(
            location
                .and_then(|l| l.rsplit('/').next().map(str::to_owned))
                .unwrap_or_default(),
        )),
        (503, _) => {
            assert!(retry_after, "a 503 without Retry-After");
            if !js {
                let page = String::from_utf8_lossy(&body);
                let html = scraper::Html::parse_document(&page);
                let name = scraper::Selector::parse("#cr-name").unwrap_or_else(|e| panic!("{e:?}"));
                let kept = html
                    .select(&name)
                    .next()
                    .and_then(|field| field.value().attr("value"));
                assert_eq!(kept, Some("Ana Lima"), "the typed form comes back whole");
            }
            Some(Sent::Refused)
        }
        (other, _) => panic!(
            "a send during the restart answered {other}: {}",
            String::from_utf8_lossy(&body)
                .chars()
                .take(400)
                .collect::<String>()
        ),
    }
}

/// Four clients send (two without JavaScript, two with it) from before
/// `outage` (each has been acknowledged once) until after it (each has
/// been acknowledged again since it ended); then everything acknowledged
/// must be stored and the site must take requests again by itself.
async fn sends_through(app: &TestApp, outage: impl std::future::Future<Output = ()>) {
    let base = app.url("");
    let stop = Arc::new(AtomicBool::new(false));
    let taken: Arc<[AtomicUsize; 4]> = Arc::default();
    let clients: Vec<_> = (0..4)
        .map(|n| {
            let (base, stop, taken) = (base.clone(), stop.clone(), taken.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap_or_else(|e| panic!("{e}"));
                let (mut acknowledged, mut refused, mut unreachable) = (Vec::new(), 0, 0);
                while !stop.load(Ordering::Relaxed) {
                    match send(&client, &base, n % 2 == 1).await {
                        Some(Sent::Acknowledged(reference)) => {
                            acknowledged.push(reference);
                            taken[n].fetch_add(1, Ordering::Relaxed);
                        }
                        Some(Sent::Refused) => refused += 1,
                        None => {
                            unreachable += 1;
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    }
                }
                (acknowledged, refused, unreachable)
            })
        })
        .collect();
    let counts = || taken.each_ref().map(|t| t.load(Ordering::Relaxed));
    every_client_taken_since(&counts, [0; 4], "before the outage").await;
    outage.await;
    every_client_taken_since(&counts, counts(), "after the outage, by itself").await;
    stop.store(true, Ordering::Relaxed);
    let (mut acknowledged, mut refused, mut unreachable) = (Vec::new(), 0, 0);
    for client in clients {
        let (a, r, u) = client.await.unwrap_or_else(|e| panic!("{e}"));
        acknowledged.extend(a);
        refused += r;
        unreachable += u;
    }
    println!(
        "sends through the outage: {} acknowledged, {refused} refused with 503, {unreachable} token fetches failed",
        acknowledged.len()
    );
    // Everything acknowledged is stored.
    let stored: Vec<String> =
        app::on_pool!(&app.store, c => sqlx::query_scalar("SELECT reference FROM consultations")
        .fetch_all(c)
        .await)
        .unwrap_or_else(|e| panic!("{e}"));
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|r| !stored.contains(r))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    // Ready again, by itself.
    let started = Instant::now();
    loop {
        if matches!(
            send(&app.client, &base, false).await,
            Some(Sent::Acknowledged(_))
        ) && app.get("/readyz").await.status() == 200
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the site did not recover by itself"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits (up to 30 s, then fails) until every client has had a send
/// acknowledged since `counts()` read `since`.
async fn every_client_taken_since(counts: &impl Fn() -> [usize; 4], since: [usize; 4], when: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while counts().iter().zip(since).any(|(now, then)| *now <= then) {
        assert!(
            Instant::now() < deadline,
            "not every client was acknowledged {when}: {since:?} then, {:?} now",
            counts()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgresql_restart_during_sends_is_an_outage_not_an_error() {
    let postgres = OwnPostgres::start();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = crate::operations::postgres::config_on(&postgres.url(), dir.path());
    config.rate_limit = (1_000_000, Duration::from_secs(60));
    let app = spawn_with(dir, config).await;
    let postgres = Arc::new(postgres);
    let restarted = postgres.clone();
    sends_through(&app, async move {
        tokio::task::spawn_blocking(move || restarted.pg_ctl("restart"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    })
    .await;
    drop(postgres);
}

/// SQLite's equivalent: another program (a copy tool, a `sqlite3` shell
/// left open) holds the database file's write lock for longer than the
/// server waits for it (5 s), so sends made meanwhile cannot be stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sqlite_file_locked_by_another_program_is_an_outage_not_an_error() {
    use sqlx::{ConnectOptions, Connection};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("clinic.db");
    let mut config = server::config::Config::for_tests(format!("sqlite://{}", file.display()));
    config.rate_limit = (1_000_000, Duration::from_secs(60));
    let app = spawn_with(dir, config).await;
    // Whether a send meets the lock for the whole busy wait (and is refused)
    // or is taken once it goes (some runs wait it out) is timing; what it
    // must never get is an error, or lose what it was told was stored.
    sends_through(&app, async move {
        let mut other = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&file)
            .connect()
            .await
            .unwrap_or_else(|e| panic!("another program opens the file: {e}"));
        // A write holds the lock whatever the journal mode.
        sqlx::raw_sql("BEGIN EXCLUSIVE; DELETE FROM consultations WHERE 0")
            .execute(&mut other)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        tokio::time::sleep(Duration::from_secs(8)).await;
        sqlx::raw_sql("ROLLBACK")
            .execute(&mut other)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        other.close().await.unwrap_or_else(|e| panic!("{e}"));
    })
    .await;
}
