//! The site on PostgreSQL: the same server, the same pages and the same
//! staff flows, with `DATABASE_URL` naming a real PostgreSQL server (the
//! test command starts one: `.ci/postgres`). Each test gets a database of
//! its own.

use crate::operations::postgres_schema::postgres_url;
use crate::staff::admin::a_request;
use crate::support::helpers::{after_passes, spawn_with, TestApp};
use app::domain::staff::Role;
use server::config::{Config, DataKeySource};
use sqlx::Connection;

/// A new, empty database on the test's PostgreSQL server; its URL.
pub async fn fresh_database(name: &str) -> String {
    let server = postgres_url();
    let name = format!("{name}_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("{server}: {e}"));
    drop_finished_runs(&mut admin).await;
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        sqlx::query(&sql)
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    let base = server
        .rsplit_once('/')
        .map_or(server.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

/// Drops, once per test process, the databases that earlier test processes
/// left (each is named for its process, and one suite leaves a few hundred
/// of about 8 MB each): the test command runs the suite on PostgreSQL more
/// than once, and the disk of a CI machine is shared.
async fn drop_finished_runs(admin: &mut sqlx::PgConnection) {
    static SWEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if SWEPT.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE NOT datistemplate")
            .fetch_all(&mut *admin)
            .await
            .unwrap_or_else(|e| panic!("list databases: {e}"));
    let finished = names.into_iter().filter(|name| {
        name.rsplit_once('_')
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
            .is_some_and(|pid| {
                pid != std::process::id() && !std::path::Path::new(&format!("/proc/{pid}")).exists()
            })
    });
    for name in finished {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        sqlx::query(&sql)
            .execute(&mut *admin)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
}

/// The server on a fresh PostgreSQL database; its files (the data key,
/// images) in a temporary folder.
pub async fn spawn_on_postgres(name: &str) -> TestApp {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = config_on(&fresh_database(name).await, dir.path());
    spawn_with(dir, config).await
}

/// Settings for a server on the PostgreSQL database `url`, its files (the
/// data key, images) in `files`.
pub fn config_on(url: &str, files: &std::path::Path) -> Config {
    let mut config = Config::for_tests(url.to_owned());
    config.data_key = DataKeySource::File(files.join("data.key"));
    config.media_dir = files.join("media");
    config.builds_dir = files.join("builds");
    config
}

/// Two app servers on one new database, started together as a deployment
/// starts its instances, sharing their files (the data key, images) as
/// instances must; `adjust` changes both servers' settings.
pub struct TwoServers {
    pub first: TestApp,
    pub second: TestApp,
    /// The files both servers share; kept as long as they run.
    pub shared: tempfile::TempDir,
}

pub async fn two_servers(name: &str, adjust: impl Fn(&mut Config)) -> TwoServers {
    let shared = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = fresh_database(name).await;
    let config = || {
        let mut config = config_on(&url, shared.path());
        adjust(&mut config);
        config
    };
    let dirs = (
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
        tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
    );
    let (first, second) = tokio::join!(spawn_with(dirs.0, config()), spawn_with(dirs.1, config()));
    TwoServers {
        first,
        second,
        shared,
    }
}

#[tokio::test]
async fn the_site_serves_patients_and_staff_from_postgresql() {
    let app = spawn_on_postgres("serves").await;
    // Seeded on first start, as with SQLite.
    let home = app.page("/").await;
    home.assert_status(reqwest::StatusCode::OK);
    let article = app
        .page("/articles/5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    article.assert_status(reqwest::StatusCode::OK);

    // A patient's request, stored sealed, read back by the front desk.
    let reference = a_request(&app).await;
    assert!(reference.starts_with("CR-"), "{reference}");
    let front = app.staff(Role::FrontDesk).await;
    let request = app.read_request(&front.client, &reference).await;
    assert_eq!(request["name"], "Ana Lima", "{request}");
    let stored: Vec<u8> = app::on_pool!(&app.store, c => sqlx::query_scalar(
        "SELECT name FROM consultations WHERE reference = $1"
    )
    .bind(&reference)
    .fetch_one(c)
    .await)
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !stored.windows(8).any(|w| w == b"Ana Lima"),
        "the name is sealed in PostgreSQL too"
    );

    // An editor writes and publishes an article; patients see it at once.
    let editor = app.staff(Role::Editor).await;
    let (id, _): (i64, i64) = app
        .save_article(
            &editor.client,
            None,
            0,
            "Posture at the desk",
            "posture-at-the-desk",
        )
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let published = app.set_article_state(&editor.client, id, "published").await;
    assert_eq!(published.status(), 200);
    let listed = app.page("/articles").await;
    assert!(listed.text("main").contains("Posture at the desk"));
}

/// Two app servers on one database (sharing its data key, as instances
/// must): requests sent through either are announced by e-mail once each,
/// though both servers' mail workers poll the same queue every second.
#[tokio::test]
async fn with_two_servers_each_e_mail_is_sent_once() {
    let sink = crate::support::smtp_sink::SmtpSink::start().await;
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("two_servers", |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
        config.staff_email = vec!["desk@clinic.example".to_owned()];
        // One test client sends all six: more than one patient's allowance.
        config.rate_limit = (100, std::time::Duration::from_secs(60));
    })
    .await;

    let mut references = Vec::new();
    for n in 0..6 {
        let through = if n % 2 == 0 { &first } else { &second };
        references.push(a_request(through).await);
    }
    // Two e-mails a request: the front desk's and the patient's.
    let sent = sink.wait_for(references.len() * 2).await;
    // Both servers' queues look again, twice: nothing is left to send.
    tokio::join!(
        after_passes(&first.workers.mail, 2),
        after_passes(&second.workers.mail, 2)
    );
    let sent = sink.wait_for(sent.len()).await;
    assert_eq!(sent.len(), references.len() * 2, "no e-mail sent twice");
    for reference in &references {
        let about = sent
            .iter()
            .filter(|m| m.contains(reference.as_str()))
            .count();
        assert_eq!(about, 2, "{reference}: {about} e-mails");
    }
}

/// Two app servers on one database, both polling the mail queue every
/// second: an appointment's reminder, when it comes due, is sent once.
#[tokio::test]
async fn with_two_servers_a_reminder_is_sent_once() {
    use crate::patients::booking_changes::read;
    let sink = crate::support::smtp_sink::SmtpSink::start().await;
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("two_reminders", |config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
        config.staff_email = vec!["desk@clinic.example".to_owned()];
    })
    .await;
    let kind = crate::patients::booking::type_id(&first, "chiropractic", "Follow-up").await;
    let day = crate::patients::booking::a_wednesday_ahead();
    let time = crate::patients::booking::free_times(&first, kind, day).await[0].clone();
    let token = first.form_token().await;
    let body = crate::patients::booking::booking(kind, time.start, &token);
    let answer = crate::patients::booking::book(&first.client, &first.url(""), &body).await;
    assert_eq!(answer.status(), reqwest::StatusCode::OK);
    // The booking's own two e-mails.
    sink.wait_for(2).await;
    // Time passes: the reminder comes due while both servers poll.
    let now = app::server::content::Timestamp::from_unix(jiff::Timestamp::now().as_second() - 1)
        .to_stored();
    assert_eq!(
        second
            .execute(&format!(
                "UPDATE notifications SET next_attempt_at = '{now}' WHERE kind = 'reminder'"
            ))
            .await,
        1
    );
    let sent = sink.wait_for(3).await;
    tokio::join!(
        after_passes(&first.workers.mail, 2),
        after_passes(&second.workers.mail, 2)
    );
    let sent = sink.wait_for(sent.len()).await;
    let reminders = sent
        .iter()
        .map(|m| read(m))
        .filter(|m| m.subject.starts_with("Reminder"))
        .count();
    assert_eq!(reminders, 1, "one reminder, whichever server took it");
    assert_eq!(sent.len(), 3);
}

/// Two app servers on one database: a client's allowance of requests and
/// a staff account's failed sign-ins are counted once, whichever server
/// each attempt reaches (round-robin behind a load balancer).
#[tokio::test]
async fn with_two_servers_the_rate_limit_and_sign_in_lock_are_shared() {
    use crate::support::request_helpers::{redirect_target, valid_fields};
    use reqwest::StatusCode;
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("shared_limits", |config| {
        config.rate_limit = (2, std::time::Duration::from_secs(600));
    })
    .await;

    for through in [&first, &second] {
        let token = through.form_token().await;
        redirect_target(&through.post_form(&valid_fields(), &token).await);
    }
    for through in [&first, &second] {
        let token = through.form_token().await;
        let refused = through.post_form(&valid_fields(), &token).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    }
    assert_eq!(first.count("SELECT COUNT(*) FROM consultations").await, 2);

    let email = "boss@clinic.example";
    first.add_staff(Role::Admin, email).await;
    for n in 0..app::server::auth::throttle::LOCK_AFTER {
        let through = if n % 2 == 0 { &first } else { &second };
        let (_, failed) = through.sign_in_as(email, "wrong password 123").await;
        assert_eq!(failed.status(), StatusCode::UNAUTHORIZED);
    }
    for through in [&first, &second] {
        let (_, locked) = through
            .sign_in_as(email, crate::support::admin_helpers::PASSWORD)
            .await;
        assert_eq!(
            locked.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "locked on both servers"
        );
    }
}

/// Two app servers on one database, each polling for scheduled articles
/// every second: an editor signed in through one works through the other,
/// articles scheduled together are each published once (one audit entry
/// each), the other server's cached list shows them on its next request,
/// and concurrent saves through both keep the audit chain whole.
#[tokio::test]
async fn with_two_servers_scheduled_articles_publish_once_and_the_audit_chain_holds() {
    use reqwest::StatusCode;
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("two_schedulers", |_| {}).await;
    let editor = first.staff(Role::Editor).await;

    // Cached by the second server before anything is published.
    let list = second.page("/articles").await;
    list.assert_status(StatusCode::OK);

    let saves = (0..6).map(|n| {
        let through = if n % 2 == 0 { &first } else { &second };
        let (title, slug) = (format!("Scheduled {n}"), format!("scheduled-{n}"));
        let client = editor.client.clone();
        async move {
            let saved = through.save_article(&client, None, 0, &title, &slug).await;
            assert_eq!(saved.status(), StatusCode::OK, "save through either server");
            let (id, _): (i64, i64) = saved.json().await.unwrap_or_else(|e| panic!("{e}"));
            id
        }
    });
    let ids = futures_util::future::join_all(saves).await;

    let at = time::OffsetDateTime::now_utc() + time::Duration::seconds(2);
    let at = at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    for (n, id) in ids.iter().enumerate() {
        let through = if n % 2 == 0 { &second } else { &first };
        let id = id.to_string();
        let scheduled = through
            .call(
                &editor.client,
                "admin/article_state",
                &[("id", &id), ("state", "scheduled"), ("at", &at)],
            )
            .await;
        assert_eq!(scheduled.status(), StatusCode::OK);
    }

    let all_listed = |page: &crate::support::helpers::Page| {
        let text = page.text("main");
        (0..6).all(|n| text.contains(&format!("Scheduled {n}")))
    };
    let mut listed = false;
    for _ in 0..80 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        if all_listed(&second.page("/articles").await) {
            listed = true;
            break;
        }
    }
    assert!(
        listed,
        "the second server's list shows every published article"
    );
    assert!(all_listed(&first.page("/articles").await));
    // Both schedulers look twice more: nothing is published again.
    tokio::join!(
        after_passes(&first.workers.publish, 2),
        after_passes(&second.workers.publish, 2)
    );
    for id in &ids {
        let entries: i64 = app::on_pool!(&first.store, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'article.published' AND subject = $1",
        )
        .bind(id.to_string())
        .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(entries, 1, "article {id} published once");
    }
    let chain = app::server::db::audit::verify(&first.store)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(chain, app::server::db::audit::Verified::Intact { .. }),
        "{chain:?}"
    );
}

/// `server rotate-key` on a PostgreSQL site: every sealed value moves to
/// the new key, and a server started with it reads every request.
#[tokio::test]
async fn rotate_key_works_on_postgresql() {
    let files = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = fresh_database("rotate").await;
    let key_file = files.path().join("data.key");
    let references = {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let site = spawn_with(dir, config_on(&url, files.path())).await;
        vec![a_request(&site).await, a_request(&site).await]
    };
    let old_key = std::fs::read_to_string(&key_file).unwrap_or_default();

    let (ok, out) =
        crate::support::helpers::server_cli_on(&url, Some(&key_file), &["rotate-key"]).await;
    assert!(ok, "{out}");
    assert!(out.contains("re-sealed"), "{out}");
    let new_key = std::fs::read_to_string(&key_file).unwrap_or_default();
    assert_ne!(new_key, old_key);

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = spawn_with(dir, config_on(&url, files.path())).await;
    let keys: i64 = app::on_pool!(&site.store, c => sqlx::query_scalar(
        "SELECT COUNT(DISTINCT substr(name, 2, 4)) FROM consultations",
    )
    .fetch_one(c).await)
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(keys, 1, "every name under one key");
    let desk = site.staff(Role::FrontDesk).await;
    for reference in &references {
        let stored = site.read_request(&desk.client, reference).await;
        assert_eq!(stored["name"], "Ana Lima", "{reference}");
    }
}

/// Two servers started at the same moment on a new database (as a
/// deployment starts its instances): both come up, the site is seeded
/// once, and they share one data key.
#[tokio::test]
async fn two_servers_starting_together_seed_a_new_database_once() {
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("start_together", |_| {}).await;
    for table in ["clinic", "articles"] {
        let seeded = first.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        assert_eq!(seeded, 1, "{table} seeded once");
    }
    let services: Vec<String> = app::on_pool!(&first.store, c => sqlx::query_scalar(
        "SELECT slug FROM services",
    )
    .fetch_all(c).await)
    .unwrap_or_else(|e| panic!("{e}"));
    let mut distinct = services.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(services.len(), distinct.len(), "no service seeded twice");
    // A request through one opens through the other: one data key.
    let reference = a_request(&first).await;
    let desk = second.staff(Role::FrontDesk).await;
    let stored = second.read_request(&desk.client, &reference).await;
    assert_eq!(stored["name"], "Ana Lima");
}

/// Two app servers sharing an S3-compatible bucket for images (and a
/// database): an image uploaded through one is served by the other, every
/// size is in the bucket and nothing in either server's folder. While the
/// bucket is out of reach, an upload is refused with 503 and a sentence,
/// and nothing is recorded.
#[tokio::test]
async fn with_two_servers_images_live_in_a_shared_bucket() {
    use crate::support::media_helpers::jpeg;
    use app::domain::media::StoredImage;
    use reqwest::StatusCode;
    let bucket = crate::support::s3_standin::S3Standin::start().await;
    let TwoServers {
        first,
        second,
        shared,
    } = two_servers("bucket", |config| {
        config.media_store = Some(("s3://clinic-media/images".to_owned(), bucket.settings()));
    })
    .await;
    let editor = first.staff(Role::Editor).await;

    let uploaded = first
        .upload(&editor.client, "image/jpeg", jpeg(1600, 900))
        .await;
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let image: StoredImage = uploaded.json().await.unwrap_or_else(|e| panic!("{e}"));
    let mut keys = bucket.keys();
    keys.sort();
    let mut expected: Vec<String> = image
        .widths
        .iter()
        .map(|w| format!("clinic-media/images/{}-{w}.jpg", image.key.as_str()))
        .collect();
    expected.sort();
    assert_eq!(keys, expected, "every size in the bucket, under its folder");
    for width in &image.widths {
        let served = second.get(&image.key.url(*width)).await;
        assert_eq!(
            served.status(),
            StatusCode::OK,
            "{width} through the other server"
        );
        assert_eq!(
            served.headers()["content-type"],
            "image/jpeg",
            "served as an image"
        );
        assert!(served.headers()["cache-control"]
            .to_str()
            .unwrap_or_default()
            .contains("immutable"));
        let bytes = served.bytes().await.unwrap_or_default();
        assert!(bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
    }
    assert_eq!(
        second
            .get("/media/0123456789abcdef0123456789abcdef-480.jpg")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        second.get("/media/../data.key").await.status(),
        StatusCode::NOT_FOUND
    );
    assert!(
        !shared.path().join("media").exists(),
        "nothing in the folder"
    );

    bucket.set_down(true);
    let refused = second
        .upload(&editor.client, "image/jpeg", jpeg(1200, 800))
        .await;
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    let said = refused.text().await.unwrap_or_default();
    assert!(said.contains("image storage can't be reached"), "{said}");
    assert_eq!(
        first.count("SELECT COUNT(*) FROM media").await,
        1,
        "nothing recorded"
    );
    bucket.set_down(false);
}

/// The audit log's lock holds across servers, not only inside one: two
/// separate pools (as two servers have) append twenty entries at once,
/// each in its own audit transaction, and the chain is whole.
#[tokio::test]
async fn audit_entries_from_two_servers_at_once_chain_in_one_line() {
    use app::server::db::{self, audit, Serial};
    let url = fresh_database("audit_lock").await;
    let pools = (
        db::connect(&url).await.unwrap_or_else(|e| panic!("{e}")),
        db::connect(&url).await.unwrap_or_else(|e| panic!("{e}")),
    );
    let appends = (0..20).map(|n| {
        let pool = if n % 2 == 0 {
            pools.0.clone()
        } else {
            pools.1.clone()
        };
        tokio::spawn(async move {
            let mut tx = pool
                .begin_serial(Serial::Audit)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let subject = format!("entry {n}");
            audit::append_in(
                &mut tx,
                None,
                "test.entry",
                Some(&subject),
                "2026-12-01T00:00:00Z",
            )
            .await
            .unwrap_or_else(|e| panic!("append {n}: {e}"));
            tx.commit().await.unwrap_or_else(|e| panic!("{e}"));
        })
    });
    for done in futures_util::future::join_all(appends).await {
        done.unwrap_or_else(|e| panic!("{e}"));
    }
    let chain = audit::verify(&pools.0)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chain, audit::Verified::Intact { entries: 20 });
}

/// Fifty patients ask for one time at once, half through each of two
/// servers on one database: PostgreSQL's exclusion constraint books it
/// once, and the other 49 are offered the nearest free times.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_patients_at_one_time_through_two_servers_book_it_once() {
    let TwoServers {
        first,
        second,
        shared: _files,
    } = two_servers("booking_crowd", |config| {
        config.rate_limit = (1000, std::time::Duration::from_secs(60));
    })
    .await;
    crate::patients::booking::a_crowd_at_one_time(&[&first, &second], 50).await;
}
