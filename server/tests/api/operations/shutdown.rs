//! SIGTERM: the server stops taking new connections, finishes the requests
//! in flight, and exits cleanly.

use crate::operations::crash::{start_with, submit, wait_up, Started};
use crate::operations::metrics::Listener;
use crate::support::smtp_sink::SmtpSink;
use std::time::Duration;

#[tokio::test]
async fn sigterm_lets_requests_in_flight_finish_then_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let Started {
        child,
        base,
        metrics,
    } = start_with(dir.path(), &[("METRICS_ADDR", "127.0.0.1:0")]);
    let metrics = Listener::at(&metrics.unwrap_or_default());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    wait_up(&client, &base).await;
    assert!(submit(&client, &base, false).await.is_some());

    // Four failed sign-ins make the next one wait half a second on the
    // server: a request surely in flight when the signal comes.
    let sign_in = |client: reqwest::Client, base: String| async move {
        client
            .post(format!("{base}/api/admin/sign_in"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("email=nobody%40clinic.example&password=not+the+password")
            .send()
            .await
    };
    for _ in 0..4 {
        let _ = sign_in(client.clone(), base.clone()).await;
    }
    let in_flight = tokio::spawn(sign_in(client.clone(), base.clone()));
    metrics.wait_for("http_requests_in_flight", &[], 1.0).await;
    sigterm(&child).await;

    let answer = in_flight
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("the request in flight was cut off: {e}"));
    assert_eq!(answer.status(), 401, "answered, not dropped");
    exits_cleanly(child).await;
    assert!(
        client.get(format!("{base}/healthz")).send().await.is_err(),
        "no longer listening"
    );
}

async fn sigterm(child: &std::process::Child) {
    let pid = child.id().to_string();
    let signalled = tokio::task::spawn_blocking(move || {
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_else(|e| panic!("kill: {e}"));
    assert!(signalled.success());
}

async fn exits_cleanly(mut child: std::process::Child) {
    let exited = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(exited.success(), "exit status {exited}");
}

/// A mail server that takes connections and never answers: an e-mail is
/// being sent, and stays unsent, for as long as the test wants.
async fn silent_mail_server() -> (u16, tokio::sync::mpsc::Receiver<()>) {
    let (listener, port) = crate::support::helpers::local_listener().await;
    let (connected, rx) = tokio::sync::mpsc::channel(8);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
            let _ = connected.send(()).await;
        }
    });
    (port, rx)
}

/// The e-mails of a request whose sending was cut short by a stop are sent
/// by the next start, once each.
#[tokio::test]
async fn the_mail_queue_resumes_after_a_restart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let (silent, mut connected) = silent_mail_server().await;
    let silent_url = format!("smtp://127.0.0.1:{silent}");
    let staff = [("STAFF_EMAIL", "desk@clinic.example")];
    let Started { child, base, .. } =
        start_with(dir.path(), &[staff[0], ("SMTP_URL", silent_url.as_str())]);
    wait_up(&client, &base).await;
    let reference = submit(&client, &base, false)
        .await
        .unwrap_or_else(|| panic!("the request was not acknowledged"));
    tokio::time::timeout(Duration::from_secs(10), connected.recv())
        .await
        .unwrap_or_else(|_| panic!("the server never tried to send the e-mail"));
    sigterm(&child).await;
    exits_cleanly(child).await;

    let sink = SmtpSink::start().await;
    let sink_url = format!("smtp://127.0.0.1:{}", sink.port);
    let Started {
        child,
        base,
        metrics,
    } = start_with(
        dir.path(),
        &[
            staff[0],
            ("SMTP_URL", sink_url.as_str()),
            ("NOTIFY_POLL_SECONDS", "1"),
            ("METRICS_ADDR", "127.0.0.1:0"),
        ],
    );
    let metrics = Listener::at(&metrics.unwrap_or_default());
    wait_up(&client, &base).await;
    let sent = sink.wait_for(2).await;
    assert!(
        sent.iter().all(|m| m.contains(&reference)),
        "both e-mails name the request {reference}: {sent:?}"
    );
    assert!(sent.iter().any(|m| m.contains("desk@clinic.example")));
    assert!(sent.iter().any(|m| m.contains("ana@example.com")));
    // Two later passes of the queue (which looks every second here), each
    // begun after both were sent, find nothing left to send.
    let mail = [r#"worker="mail""#];
    let passes = metrics.value("background_passes_total", &mail).await;
    metrics
        .wait_for(
            "background_passes_total",
            &mail,
            passes.unwrap_or(0.0) + 3.0,
        )
        .await;
    assert_eq!(sink.wait_for(2).await.len(), 2, "each e-mail sent once");
    sigterm(&child).await;
    exits_cleanly(child).await;
}
