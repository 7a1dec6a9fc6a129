//! The domain's parsers and rules on any input: they answer, they never
//! panic, and what they accept keeps its promise.

use super::request::{Reference, RequestForm};
use super::{PageNumber, Phone, Slug};
use proptest::prelude::*;

/// Any text, weighted towards what trips parsers: digits, separators,
/// non-ASCII letters, combining marks, controls and very long runs.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 ()+.-]{0,30}",
        "[a-zA-Z0-9_-]{0,90}",
        "\\PC{0,50}",
        "[\u{0}-\u{1f}\u{7f}\u{300}-\u{36f}\u{202e}\u{fffd}]{0,20}",
    ]
}

proptest! {
    #[test]
    fn a_phone_number_either_parses_to_ten_digits_or_is_refused(raw in text()) {
        if let Ok(phone) = Phone::parse(&raw) {
            prop_assert_eq!(phone.digits().len(), 10);
            prop_assert!(phone.digits().bytes().all(|b| b.is_ascii_digit()));
            prop_assert_eq!(Phone::parse(phone.digits()).ok(), Some(phone.clone()), "a parsed number parses again");
        }
    }

    #[test]
    fn a_slug_is_lowercase_ascii_words_or_is_refused(raw in text()) {
        if let Ok(slug) = Slug::parse(&raw) {
            let s = slug.as_str();
            prop_assert!(!s.is_empty());
            prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", s);
        }
    }

    #[test]
    fn references_and_page_numbers_never_panic(raw in text()) {
        let _ = Reference::parse(&raw);
        let page = PageNumber::parse(Some(&raw));
        prop_assert!(page.get() >= 1);
    }

    #[test]
    fn the_request_rules_answer_any_form(
        name in text(), phone in text(), email in text(), contact in text(),
        service in text(), patient in text(), days in prop::collection::vec(text(), 0..4),
        time in text(), message in text(), consent in text(),
    ) {
        let form = RequestForm {
            name, phone, email, contact_method: contact, service, patient, days,
            time_of_day: time, message, consent,
        };
        let slugs = [Slug::parse("acupuncture").unwrap_or_else(|e| panic!("{e}"))];
        let words = crate::server::i18n::form_words(crate::domain::Locale::En).rules;
        if let Ok(valid) = form.validate(&slugs, &words) {
            prop_assert!(!valid.name.trim().is_empty());
            prop_assert_eq!(valid.phone.digits().len(), 10);
        }
    }
}
