//! SIGTERM: the server stops taking new connections, finishes the requests
//! in flight, and exits cleanly.

use crate::crash::{free_port, start, submit};
use std::time::{Duration, Instant};

#[tokio::test]
async fn sigterm_lets_requests_in_flight_finish_then_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(dir.path(), port);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let up = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(
            up.elapsed() < Duration::from_secs(20),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
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
    tokio::time::sleep(Duration::from_millis(150)).await;
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

    let answer = in_flight
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("the request in flight was cut off: {e}"));
    assert_eq!(answer.status(), 401, "answered, not dropped");
    let exited = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(exited.success(), "exit status {exited}");
    assert!(
        client.get(format!("{base}/healthz")).send().await.is_err(),
        "no longer listening"
    );
}
