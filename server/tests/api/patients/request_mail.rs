//! E-mail about consultation requests, to a real SMTP server in the test.

use crate::support::helpers::spawn_with;
use crate::support::request_helpers::{redirect_target, valid_fields};
use crate::support::smtp_sink::SmtpSink;
use server::config::Config;
use std::time::Duration;

#[tokio::test]
async fn staff_and_patient_are_emailed_the_reference_and_no_patient_field() {
    let sink = SmtpSink::start().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
    config.staff_email = vec!["frontdesk@clinic.example".into()];
    config.public_url = Some("https://clinic.example".into());
    let app = spawn_with(dir, config).await;
    let token = app.form_token().await;
    let location = redirect_target(&app.post_form(&valid_fields(), &token).await);
    let reference = location.rsplit('/').next().unwrap_or_default().to_owned();

    let messages = sink.wait_for(2).await;
    let staff = messages
        .iter()
        .find(|m| m.contains("To: frontdesk@clinic.example"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    let patient = messages
        .iter()
        .find(|m| m.contains("To: ana@example.com"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert!(
        staff.contains(&reference) && staff.contains("https://clinic.example/admin/requests"),
        "{staff}"
    );
    assert!(
        patient.contains(&reference) && patient.contains("(732) 345-1377"),
        "{patient}"
    );
    for message in [staff, patient] {
        for field in [
            "Ana",
            "Lima",
            "555",
            "0142",
            "Lower back pain",
            "Acupuncture",
            "acupuncture",
            "Monday",
            "morning",
        ] {
            assert!(
                !message.contains(field),
                "an e-mail contains the patient's {field:?}:\n{message}"
            );
        }
    }
    assert!(
        !staff.contains("ana@example.com"),
        "the staff e-mail names the patient"
    );
    // The worker records a delivery just after the SMTP server has it.
    let mut sent = 0;
    for _ in 0..50 {
        sent = app
            .count("SELECT COUNT(*) FROM notifications WHERE sent_at IS NOT NULL")
            .await;
        if sent == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(sent, 2);
}

#[tokio::test]
async fn a_mail_outage_never_loses_the_request_and_the_failure_is_recorded() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    // Nothing listens on port 9 here: every attempt fails.
    config.smtp_url = Some("smtp://127.0.0.1:9".into());
    config.staff_email = vec!["frontdesk@clinic.example".into()];
    let app = spawn_with(dir, config).await;
    let token = app.form_token().await;
    let response = app.post_form(&valid_fields(), &token).await;
    redirect_target(&response);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consultations").await,
        1,
        "stored before the e-mail is tried"
    );
    for _ in 0..100 {
        if app
            .count("SELECT COUNT(*) FROM notifications WHERE attempts > 0")
            .await
            == 2
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let failed: (i64, Option<String>, Option<String>) =
        app::on_pool!(&app.store, c => sqlx::query_as(
        "SELECT attempts, last_error, sent_at FROM notifications WHERE kind = 'staff'",
    )
    .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(failed.0, 1, "tried once, retried later");
    assert!(
        failed.1.is_some_and(|e| !e.is_empty()),
        "the failure is recorded for staff"
    );
    assert_eq!(failed.2, None, "not marked sent");
}
