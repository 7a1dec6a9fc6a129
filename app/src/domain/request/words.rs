//! Everything the consultation form says, in one language. The server
//! writes it from the message files (`server::i18n::form_words`) and the
//! form carries it to the browser with its token, so the form's code holds
//! no language of its own and checks a patient's answers in theirs.

use serde::{Deserialize, Serialize};

/// The rules' sentences (`RequestForm::validate`). `{excess}` in
/// `message_long` is filled in when the rule runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleWords {
    pub name_missing: String,
    pub name_long: String,
    pub name_control: String,
    pub phone_missing: String,
    pub phone_digits: String,
    pub phone_characters: String,
    pub contact_missing: String,
    pub email_missing: String,
    pub email_long: String,
    pub email_invalid: String,
    pub service: String,
    pub patient: String,
    pub days: String,
    pub time: String,
    pub message_long: String,
    pub consent: String,
}

/// The form's labels, hints, choices and buttons, and its rules' words.
/// `{count}`, `{left}` and `{over}` in the counter's words are filled in
/// as the patient types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormWords {
    pub name: String,
    pub phone: String,
    pub phone_hint: String,
    pub contact_method: String,
    /// Phone call, text message, e-mail (`ContactMethod::ALL`'s order).
    pub contact_methods: Vec<String>,
    pub email: String,
    pub email_needed: String,
    pub email_hint: String,
    pub service: String,
    pub not_sure: String,
    pub patient: String,
    /// New, returning (`PatientStatus::ALL`'s order).
    pub patients: Vec<String>,
    pub days: String,
    /// Monday to Saturday (`Weekday::ALL`'s order).
    pub weekdays: Vec<String>,
    pub time: String,
    /// Any time, morning, afternoon, evening (`TimeOfDay::ALL`'s order).
    pub times: Vec<String>,
    pub message: String,
    pub message_hint: String,
    pub message_count: String,
    pub message_left: String,
    pub message_over: String,
    pub consent: String,
    pub optional: String,
    pub honeypot: String,
    pub not_emergency: String,
    pub urgent: String,
    pub send: String,
    pub sending: String,
    pub privacy: String,
    pub privacy_link: String,
    pub problem: String,
    pub error: String,
    pub rules: RuleWords,
    /// What the form says when the whole request failed (not one field):
    /// too many sends (`{minutes}` filled in), the server unreachable or
    /// failing, the request not saved.
    pub too_many: String,
    pub unreachable: String,
    pub internal: String,
    pub not_saved: String,
}

impl FormWords {
    /// The `index`th of `list`, or nothing if the words are short of it.
    pub fn nth(list: &[String], index: usize) -> String {
        list.get(index).cloned().unwrap_or_default()
    }
}
