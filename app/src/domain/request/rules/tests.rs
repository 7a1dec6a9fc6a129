use super::*;

fn services() -> Vec<Slug> {
    ["chiropractic", "acupuncture"]
        .iter()
        .filter_map(|s| Slug::parse(s).ok())
        .collect()
}

fn words() -> RuleWords {
    crate::server::i18n::form_words(crate::domain::Locale::En).rules
}

fn valid() -> RequestForm {
    RequestForm {
        name: "Ana Lima".into(),
        phone: "(732) 555-0142".into(),
        email: String::new(),
        contact_method: "phone".into(),
        service: "acupuncture".into(),
        patient: "new".into(),
        days: vec!["mon".into(), "wed".into()],
        time_of_day: "morning".into(),
        message: "Back pain for two weeks.".into(),
        consent: "yes".into(),
    }
}

#[test]
fn a_complete_form_becomes_a_request() {
    let request = match valid().validate(&services(), &words()) {
        Ok(request) => request,
        Err(errors) => panic!("valid form refused: {errors:?}"),
    };
    assert_eq!(request.phone.digits(), "7325550142");
    assert_eq!(request.days, vec![Weekday::Mon, Weekday::Wed]);
    assert_eq!(request.service.value(), "acupuncture");
    assert_eq!(request.contact_method, ContactMethod::Phone);
}

#[test]
fn each_rule_names_its_field() {
    type Case = (&'static str, fn(&mut RequestForm), Field);
    let cases: Vec<Case> = vec![
        ("empty name", |f| f.name = "  ".into(), Field::Name),
        (
            "name too long",
            |f| f.name = "a".repeat(NAME_MAX + 1),
            Field::Name,
        ),
        (
            "name with a line break",
            |f| f.name = "Ana\nLima".into(),
            Field::Name,
        ),
        ("no phone", |f| f.phone = String::new(), Field::Phone),
        ("short phone", |f| f.phone = "555-0142".into(), Field::Phone),
        (
            "phone with letters",
            |f| f.phone = "732-CALL-NOW".into(),
            Field::Phone,
        ),
        ("bad e-mail", |f| f.email = "ana@".into(), Field::Email),
        (
            "e-mail without a dot",
            |f| f.email = "ana@localhost".into(),
            Field::Email,
        ),
        (
            "e-mail too long",
            |f| f.email = format!("{}@example.com", "a".repeat(EMAIL_MAX)),
            Field::Email,
        ),
        (
            "e-mail required when chosen",
            |f| f.contact_method = "email".into(),
            Field::Email,
        ),
        (
            "no contact method",
            |f| f.contact_method = String::new(),
            Field::ContactMethod,
        ),
        (
            "unknown contact method",
            |f| f.contact_method = "fax".into(),
            Field::ContactMethod,
        ),
        (
            "unknown service",
            |f| f.service = "cardiology".into(),
            Field::Service,
        ),
        (
            "no patient status",
            |f| f.patient = String::new(),
            Field::Patient,
        ),
        ("unknown day", |f| f.days = vec!["sun".into()], Field::Days),
        (
            "unknown time of day",
            |f| f.time_of_day = "midnight".into(),
            Field::TimeOfDay,
        ),
        (
            "message too long",
            |f| f.message = "x".repeat(MESSAGE_MAX + 1),
            Field::Message,
        ),
        ("no consent", |f| f.consent = String::new(), Field::Consent),
    ];
    for (name, break_it, field) in cases {
        let mut form = valid();
        break_it(&mut form);
        let errors = form
            .validate(&services(), &words())
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1, "case {name}: {errors:?}");
        assert!(
            errors.get(field).is_some(),
            "case {name}: expected an error on {field:?}, got {errors:?}"
        );
    }
}

#[test]
fn optional_fields_may_be_left_empty() {
    let form = RequestForm {
        email: String::new(),
        service: String::new(),
        days: vec![],
        time_of_day: String::new(),
        message: String::new(),
        ..valid()
    };
    let request = form
        .validate(&services(), &words())
        .map_err(|e| format!("{e:?}"));
    assert_eq!(
        request.as_ref().map(|r| r.service.clone()),
        Ok(ServiceChoice::NotSure)
    );
    assert_eq!(request.as_ref().map(|r| r.time_of_day), Ok(TimeOfDay::Any));
    assert_eq!(request.map(|r| r.email), Ok(None));
}

#[test]
fn an_empty_form_lists_every_required_field_in_order() {
    let errors = RequestForm::default()
        .validate(&services(), &words())
        .err()
        .unwrap_or_default();
    let fields: Vec<Field> = errors.iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            Field::Name,
            Field::Phone,
            Field::ContactMethod,
            Field::Patient,
            Field::Consent
        ]
    );
}

#[test]
fn text_that_looks_like_code_is_kept_verbatim() {
    let form = RequestForm {
        name: "Robert'); DROP TABLE consultations;--".into(),
        message: "<script>alert(1)</script>".into(),
        ..valid()
    };
    let request = form
        .validate(&services(), &words())
        .map_err(|e| format!("{e:?}"));
    assert_eq!(
        request.as_ref().map(|r| r.name.as_str()),
        Ok("Robert'); DROP TABLE consultations;--")
    );
    assert_eq!(
        request.as_ref().map(|r| r.message.as_str()),
        Ok("<script>alert(1)</script>")
    );
}
