//! Prometheus metrics: on their own listener only when `METRICS_ADDR` is
//! set, counting requests by route and status, the page cache, stored
//! requests and the mail queue, with no patient value in any label.

use crate::operations::crash::{start_with, submit, wait_up, Started};
use crate::support::request_helpers::valid_fields;

/// The value of the first series named `name` whose labels include every
/// one of `labels` (`route="/privacy"`).
fn value(text: &str, name: &str, labels: &[&str]) -> Option<f64> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| {
            line.starts_with(&format!("{name}{{")) || line.starts_with(&format!("{name} "))
        })
        .find(|line| labels.iter().all(|label| line.contains(label)))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

/// A server process's metrics listener, read by tests that wait for
/// something the server counts instead of for a length of time.
pub struct Listener {
    client: reqwest::Client,
    url: String,
}

impl Listener {
    pub fn at(addr: &str) -> Self {
        Self {
            client: reqwest::Client::new(),
            url: format!("http://{addr}/metrics"),
        }
    }

    pub async fn value(&self, name: &str, labels: &[&str]) -> Option<f64> {
        let text = self
            .client
            .get(&self.url)
            .send()
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        value(&text, name, labels)
    }

    /// Waits until `name{labels}` reads at least `at_least` (up to 30 s,
    /// then fails).
    pub async fn wait_for(&self, name: &str, labels: &[&str], at_least: f64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let now = self.value(name, labels).await;
            if now >= Some(at_least) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{name}{labels:?} read {now:?}, not {at_least}, after 30 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}

#[tokio::test]
async fn metrics_count_routes_cache_requests_and_mail_without_patient_data() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let Started {
        mut child,
        base,
        metrics,
    } = start_with(
        dir.path(),
        &[
            ("METRICS_ADDR", "127.0.0.1:0"),
            ("NOTIFY_POLL_SECONDS", "1"),
        ],
    );
    let metrics_addr = metrics.unwrap_or_default();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    wait_up(&client, &base).await;
    let get = |path: String| {
        let client = client.clone();
        async move {
            client
                .get(path)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .status()
        }
    };

    assert_eq!(get(format!("{base}/privacy")).await, 200);
    assert_eq!(get(format!("{base}/privacy")).await, 200);
    assert_eq!(get(format!("{base}/wp-login.php")).await, 404);
    let reference = submit(&client, &base, false)
        .await
        .unwrap_or_else(|| panic!("the request was not acknowledged"));
    assert_eq!(
        get(format!("{base}/consultation/sent/{reference}")).await,
        200
    );
    assert_eq!(
        get(format!("{base}/metrics")).await,
        404,
        "metrics are not on the site's own port"
    );

    // The mail worker (polling every second here) sends both e-mails. Both
    // kinds are waited for: the queue's gauge is set once per pass, so it
    // still reads the 0 from before the request while the pass that sends
    // the first e-mail runs.
    let mut text = String::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while std::time::Instant::now() < deadline {
        text = client
            .get(format!("http://{metrics_addr}/metrics"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default();
        let sent =
            |kind: &str| value(&text, "mail_sent_total", &[&format!("kind=\"{kind}\"")]).is_some();
        if value(&text, "mail_queue_depth", &[]) == Some(0.0) && sent("patient") && sent("staff") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let count = |labels: &[&str]| value(&text, "http_requests_total", labels);
    assert_eq!(
        count(&[r#"route="/privacy""#, r#"status="200""#, r#"method="GET""#]),
        Some(2.0),
        "{text}"
    );
    // `/wp-login.php` and `/metrics` on the site's port: one series for
    // every address the site does not know.
    assert_eq!(count(&[r#"route="other""#, r#"status="404""#]), Some(2.0));
    assert_eq!(
        count(&[
            r#"route="/consultation/sent/{reference}""#,
            r#"status="200""#
        ]),
        Some(1.0)
    );
    assert_eq!(
        count(&[
            r#"route="/consultation""#,
            r#"method="POST""#,
            r#"status="303""#
        ]),
        Some(1.0)
    );
    assert!(value(
        &text,
        "http_request_duration_seconds_bucket",
        &[r#"route="/privacy""#]
    )
    .is_some());
    assert!(value(&text, "page_cache_total", &[r#"result="hit""#]) >= Some(1.0));
    assert!(value(&text, "page_cache_total", &[r#"result="miss""#]) >= Some(1.0));
    assert_eq!(
        value(&text, "requests_stored_total", &[r#"spam="no""#]),
        Some(1.0)
    );
    assert_eq!(value(&text, "mail_queue_depth", &[]), Some(0.0));
    // Nothing is being answered while the test reads the metrics.
    assert_eq!(value(&text, "http_requests_in_flight", &[]), Some(0.0));
    for worker in ["mail", "publish"] {
        let label = format!("worker=\"{worker}\"");
        assert!(
            value(&text, "background_passes_total", &[&label]) >= Some(1.0),
            "the {worker} worker's passes are counted: {text}"
        );
    }
    assert_eq!(
        value(&text, "mail_sent_total", &[r#"kind="patient""#]),
        Some(1.0)
    );

    let mut private: Vec<String> = valid_fields()
        .into_iter()
        .filter(|(name, _)| ["name", "phone", "email", "message"].contains(name))
        .map(|(_, value)| value)
        .collect();
    private.push(reference);
    for value in private {
        assert!(!text.contains(&value), "{value:?} in the metrics");
    }
    let _ = child.kill();
    let _ = tokio::task::spawn_blocking(move || child.wait()).await;
}
