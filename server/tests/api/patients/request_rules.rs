//! The consultation form's field rules over HTTP: each refused with a 422,
//! the error next to its field, and every value kept.

use crate::support::helpers::spawn_app;
use crate::support::request_helpers::{valid_fields, with, without, Fields};
use reqwest::StatusCode;

/// A named case: the fields posted, the field id with the error, and its message.
type RuleCase = (&'static str, Fields, &'static str, &'static str);

#[tokio::test]
async fn each_field_rule_answers_422_with_the_error_next_to_the_field_and_every_value_kept() {
    let app = spawn_app().await;
    let token = app.form_token().await;
    let cases: Vec<RuleCase> = vec![
        (
            "empty name",
            with(valid_fields(), "name", ""),
            "name",
            "Enter your full name",
        ),
        (
            "name too long",
            with(valid_fields(), "name", &"a".repeat(101)),
            "name",
            "100 characters or fewer",
        ),
        (
            "no phone",
            with(valid_fields(), "phone", ""),
            "phone",
            "Enter a phone number",
        ),
        (
            "short phone",
            with(valid_fields(), "phone", "555-0142"),
            "phone",
            "10-digit US phone number",
        ),
        (
            "letters in phone",
            with(valid_fields(), "phone", "732-CALL-NOW"),
            "phone",
            "only digits",
        ),
        (
            "bad e-mail",
            with(valid_fields(), "email", "ana@"),
            "email",
            "like name@example.com",
        ),
        (
            "e-mail chosen but empty",
            with(valid_fields(), "email", ""),
            "email",
            "Enter your e-mail address",
        ),
        (
            "no contact method",
            without(valid_fields(), "contact_method"),
            "contact-method",
            "Choose how we should contact you",
        ),
        (
            "unknown service",
            with(valid_fields(), "service", "cardiology"),
            "service",
            "Choose a service from the list",
        ),
        (
            "no patient status",
            without(valid_fields(), "patient"),
            "patient",
            "new or a returning patient",
        ),
        (
            "unknown day",
            with(valid_fields(), "days", "sun"),
            "days",
            "Choose days from the list",
        ),
        (
            "unknown time",
            with(valid_fields(), "time_of_day", "midnight"),
            "time-of-day",
            "time of day from the list",
        ),
        (
            "message too long",
            with(valid_fields(), "message", &"x".repeat(1001)),
            "message",
            "1 characters too long",
        ),
        (
            "no consent",
            without(valid_fields(), "consent"),
            "consent",
            "Tick the box",
        ),
    ];
    for (name, fields, field_id, message) in cases {
        let page = app.post_form_page(&fields, &token).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "case {name}");
        let error = page.text(&format!("#cr-{field_id}-error"));
        assert!(error.contains(message), "case {name}: error {error:?}");
        assert!(
            page.text(".error-summary").contains(message),
            "case {name}: summary"
        );
        assert_eq!(
            page.attrs(".error-summary a", "href"),
            [format!("#cr-{field_id}")],
            "case {name}: summary link"
        );
        // Every value typed is still there.
        let typed_name = fields
            .iter()
            .find(|(k, _)| *k == "name")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        assert_eq!(
            page.attrs("#cr-name", "value"),
            [typed_name],
            "case {name}: name kept"
        );
        assert_eq!(
            page.text("#cr-message"),
            fields
                .iter()
                .find(|(k, _)| *k == "message")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            "case {name}: message kept"
        );
        let typed_days: Vec<String> = fields
            .iter()
            .filter(|(k, v)| *k == "days" && ["mon", "wed"].contains(&v.as_str()))
            .map(|(_, v)| v.clone())
            .collect();
        assert_eq!(
            page.attrs("input[name=days][checked]", "value"),
            typed_days,
            "case {name}: days kept"
        );
        let json = app.post_json(&fields, &token).await;
        assert_eq!(
            json.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "case {name}: JSON path"
        );
        let error = crate::support::helpers::api_error(json).await;
        let app::api::ApiError::Invalid(errors) = &error else {
            panic!("case {name}: JSON path answered {error:?}");
        };
        assert!(
            errors.iter().any(|(_, said)| said.contains(message)),
            "case {name}: JSON error {errors:?}"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consultations").await,
        0,
        "nothing invalid is stored"
    );
}
