//! An appointment type as administrators edit it: the service it belongs
//! to, its name in each of the site's languages, how long it takes, the
//! time kept free before and after it, who may book it (new patients,
//! returning ones or both), and whether it is booked at once or asked for
//! and confirmed by the front desk. Validated here, on both sides.

use super::draft_errors::{DraftErrors, Field};
use super::Locale;
use serde::{Deserialize, Serialize};

pub const TYPE_NAME_MAX: usize = 80;
pub const MINUTES_MIN: i64 = 5;
pub const MINUTES_MAX: i64 = 480;
pub const BUFFER_MAX: i64 = 120;

/// The type's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A field a form leaves out (an unticked box) is its empty value.
#[serde(default)]
pub struct AppointmentTypeDraft {
    /// The service's slug.
    pub service: String,
    /// In English, the admin's and the site's first language.
    pub name: String,
    /// Its name in each other language of the site.
    pub other_names: Vec<OtherName>,
    pub minutes: String,
    pub before: String,
    pub after: String,
    /// `new`, `returning` or `both`.
    pub patients: String,
    /// `instant` or `request`.
    pub mode: String,
    pub active: bool,
}

/// The type's name in another language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherName {
    pub locale: Locale,
    pub name: String,
}

/// A type that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidType {
    pub service: String,
    pub name: String,
    /// One for each other language, in the registry's order.
    pub other_names: Vec<(Locale, String)>,
    pub minutes: i64,
    pub before: i64,
    pub after: i64,
    pub patients: &'static str,
    pub mode: &'static str,
    pub active: bool,
}

/// A type open in the editor (`id` `None`: a new one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedType {
    pub id: Option<i64>,
    pub version: i64,
    pub draft: AppointmentTypeDraft,
}

/// The types' editor: every type, in the services' order, and the
/// services (slug, name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeSetup {
    pub types: Vec<EditedType>,
    pub services: Vec<(String, String)>,
}

impl AppointmentTypeDraft {
    /// An empty draft for `service`, with a field for each other language.
    pub fn new_for(service: &str) -> Self {
        Self {
            service: service.to_owned(),
            other_names: Locale::En
                .others()
                .map(|locale| OtherName {
                    locale,
                    name: String::new(),
                })
                .collect(),
            minutes: "30".into(),
            before: "0".into(),
            after: "0".into(),
            patients: "both".into(),
            mode: "instant".into(),
            active: true,
            ..Self::default()
        }
    }

    /// The name typed for `locale`.
    pub fn name_in(&self, locale: Locale) -> String {
        self.other_names
            .iter()
            .find(|n| n.locale == locale)
            .map(|n| n.name.clone())
            .unwrap_or_default()
    }

    /// Sets the name for `locale`.
    pub fn set_name_in(&mut self, locale: Locale, name: String) {
        match self.other_names.iter_mut().find(|n| n.locale == locale) {
            Some(other) => other.name = name,
            None => self.other_names.push(OtherName { locale, name }),
        }
    }

    pub fn validate(&self) -> Result<ValidType, DraftErrors> {
        let mut errors = DraftErrors::default();
        if self.service.trim().is_empty() {
            errors.add(Field::Specialties, "Choose the service it belongs to.");
        }
        let name = checked_name(&mut errors, Field::Name, &self.name, "English");
        let mut other_names = Vec::new();
        for locale in Locale::En.others() {
            let typed = self.name_in(locale);
            if let Some(name) = checked_name(
                &mut errors,
                Field::OtherNames,
                &typed,
                locale.english_name(),
            ) {
                other_names.push((locale, name));
            }
        }
        let minutes = number(&self.minutes);
        if !minutes.is_some_and(|m| (MINUTES_MIN..=MINUTES_MAX).contains(&m) && m % 5 == 0) {
            errors.add(
                Field::Duration,
                format!("Give the length in minutes, a multiple of 5 from {MINUTES_MIN} to {MINUTES_MAX}."),
            );
        }
        let (before, after) = (number(&self.before), number(&self.after));
        let buffer = |b: Option<i64>| b.is_some_and(|b| (0..=BUFFER_MAX).contains(&b));
        if !buffer(before) || !buffer(after) {
            errors.add(
                Field::Buffers,
                format!("Give each buffer in minutes, from 0 to {BUFFER_MAX}."),
            );
        }
        let patients = match self.patients.as_str() {
            "new" => "new",
            "returning" => "returning",
            _ => "both",
        };
        let mode = if self.mode == "request" {
            "request"
        } else {
            "instant"
        };
        errors.or_ok(|| ValidType {
            service: self.service.trim().to_owned(),
            name: name.unwrap_or_default(),
            other_names,
            minutes: minutes.unwrap_or_default(),
            before: before.unwrap_or_default(),
            after: after.unwrap_or_default(),
            patients,
            mode,
            active: self.active,
        })
    }
}

/// The name trimmed, or `None` with its error added.
fn checked_name(
    errors: &mut DraftErrors,
    field: Field,
    typed: &str,
    language: &str,
) -> Option<String> {
    let name = typed.trim();
    if name.is_empty() {
        errors.add(
            field,
            format!("Write its name in {language}, as patients reading {language} see it."),
        );
        None
    } else if name.chars().count() > TYPE_NAME_MAX {
        errors.add(
            field,
            format!("Keep the {language} name under {TYPE_NAME_MAX} characters."),
        );
        None
    } else {
        Some(name.to_owned())
    }
}

fn number(typed: &str) -> Option<i64> {
    typed.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up() -> AppointmentTypeDraft {
        let mut draft = AppointmentTypeDraft::new_for("chiropractic");
        draft.name = " Follow-up ".into();
        draft.set_name_in(Locale::Es, "Seguimiento".into());
        draft.after = "10".into();
        draft.mode = "request".into();
        draft
    }

    #[test]
    fn a_type_reads_its_numbers_names_and_choices() {
        let valid = follow_up().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(valid.name, "Follow-up");
        assert_eq!(valid.other_names, [(Locale::Es, "Seguimiento".to_owned())]);
        assert_eq!((valid.minutes, valid.before, valid.after), (30, 0, 10));
        assert_eq!((valid.patients, valid.mode), ("both", "request"));
    }

    #[test]
    fn each_wrong_field_says_what_to_write() {
        let mut draft = follow_up();
        draft.name.clear();
        draft.set_name_in(Locale::Es, " ".into());
        draft.minutes = "7".into();
        draft.before = "-5".into();
        draft.service.clear();
        let errors = draft.validate().err().unwrap_or_default();
        assert!(errors
            .get(Field::Name)
            .is_some_and(|m| m.contains("English")));
        assert!(errors
            .get(Field::OtherNames)
            .is_some_and(|m| m.contains("Spanish")));
        assert!(errors
            .get(Field::Duration)
            .is_some_and(|m| m.contains("multiple of 5")));
        assert!(errors.get(Field::Buffers).is_some());
        assert!(errors.get(Field::Specialties).is_some());
        for minutes in ["0", "485", "thirty", ""] {
            let mut draft = follow_up();
            draft.minutes = minutes.into();
            assert!(draft.validate().is_err(), "{minutes:?}");
        }
    }
}
