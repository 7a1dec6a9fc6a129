//! The clinic's facts as staff edit them in the admin, and their rules.

use super::draft_errors::{DraftErrors, Field};
use super::{ClinicInfo, Phone, SocialLink};
use serde::{Deserialize, Serialize};

pub const LINE_MAX: usize = 200;
pub const TEXT_MAX: usize = 1000;

/// The form's fields as typed: lists are one entry per line; social links
/// are "Label | https://…".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicDraft {
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub hours: String,
    pub specialties: String,
    pub social: String,
}

/// `value` trimmed; `missing` when it is empty, or a word on the limit of
/// `max` characters when longer, is said on `field`.
fn required(
    errors: &mut DraftErrors,
    field: Field,
    value: &str,
    max: usize,
    missing: &str,
    what: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, missing);
    } else if value.chars().count() > max {
        errors.add(field, format!("Keep {what} to {max} characters."));
    }
    value.to_owned()
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The clinic's facts open in the editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditedClinic {
    /// Sent back with a save: a save against an older version is refused.
    pub version: i64,
    pub draft: ClinicDraft,
    /// The words patients read in each language besides English (empty at
    /// version 0 where not yet written).
    pub translations: Vec<super::Translation<ClinicText>>,
}

/// The facts written in words, in another language; the rest (name,
/// phone, e-mail, address, specialties, links) is the same in every
/// language. Hours are one per line; empty: the English hours.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicText {
    pub tagline: String,
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub hours: String,
}

impl ClinicText {
    /// The text trimmed, or what is wrong with it per field.
    pub fn validate(&self) -> Result<Self, DraftErrors> {
        let mut errors = DraftErrors::default();
        let mut required = |field, value: &str, max, what: &str| {
            let missing = format!("Write {what} in this language.");
            required(&mut errors, field, value, max, &missing, what)
        };
        let tagline = required(Field::Tagline, &self.tagline, LINE_MAX, "the tagline");
        let description = required(
            Field::Description,
            &self.description,
            TEXT_MAX,
            "the description",
        );
        let about = required(Field::About, &self.about, TEXT_MAX, "the about text");
        let area_served = required(
            Field::AreaServed,
            &self.area_served,
            LINE_MAX,
            "the area served",
        );
        let hours = lines(&self.hours).join("\n");
        if hours.chars().count() > TEXT_MAX {
            errors.add(
                Field::Hours,
                format!("Keep the hours to {TEXT_MAX} characters."),
            );
        }
        errors.or_ok(|| Self {
            tagline,
            description,
            about,
            area_served,
            hours,
        })
    }
}

impl ClinicDraft {
    pub fn from_info(info: &ClinicInfo) -> Self {
        Self {
            name: info.name.clone(),
            tagline: info.tagline.clone(),
            description: info.description.clone(),
            about: info.about.clone(),
            area_served: info.area_served.clone(),
            phone: info.phone.to_string(),
            email: info.email.clone(),
            address: info.address.clone().unwrap_or_default(),
            hours: info.hours.join("\n"),
            specialties: info.specialties.join("\n"),
            social: info
                .social
                .iter()
                .map(|s| format!("{} | {}", s.label, s.url))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    // One step: every field's rule in form order, so all of what is wrong is said at once.
    pub fn validate(&self) -> Result<ClinicInfo, DraftErrors> {
        let mut errors = DraftErrors::default();
        let mut required = |field, value: &str, max, what: &str| {
            required(
                &mut errors,
                field,
                value,
                max,
                &format!("Fill in {what}."),
                what,
            )
        };
        let name = required(Field::Name, &self.name, LINE_MAX, "the clinic's name");
        let tagline = required(Field::Tagline, &self.tagline, LINE_MAX, "the tagline");
        let description = required(
            Field::Description,
            &self.description,
            TEXT_MAX,
            "the description",
        );
        let about = required(Field::About, &self.about, TEXT_MAX, "the about text");
        let area_served = required(
            Field::AreaServed,
            &self.area_served,
            LINE_MAX,
            "the area served",
        );
        let phone = Phone::parse(&self.phone);
        if let Err(e) = &phone {
            errors.add(Field::Phone, e.to_string());
        }
        let email = self.email.trim().to_owned();
        if !email_address::EmailAddress::is_valid(&email) {
            errors.add(
                Field::Email,
                "Type an e-mail address like info@example.com.",
            );
        }
        let address = self.address.trim();
        if address.chars().count() > LINE_MAX {
            errors.add(
                Field::Address,
                format!("Keep the address to {LINE_MAX} characters."),
            );
        }
        let mut social = Vec::new();
        for line in lines(&self.social) {
            match line.split_once('|') {
                Some((label, url))
                    if !label.trim().is_empty()
                        && url.trim().starts_with("https://")
                        && !url.trim().contains(char::is_whitespace) =>
                {
                    social.push(SocialLink {
                        label: label.trim().to_owned(),
                        url: url.trim().to_owned(),
                    });
                }
                _ => {
                    errors.add(
                        Field::Social,
                        format!("Write each link as Name | https://… (this line isn't: {line})"),
                    );
                    break;
                }
            }
        }
        match phone {
            Ok(phone) if errors.is_empty() => Ok(ClinicInfo {
                name,
                tagline,
                description,
                about,
                area_served,
                phone,
                email,
                address: (!address.is_empty()).then(|| address.to_owned()),
                hours: lines(&self.hours),
                specialties: lines(&self.specialties),
                social,
                base_url: String::new(),
                services: Vec::new(),
                text: Default::default(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ClinicDraft {
        ClinicDraft {
            name: "Clinic".into(),
            tagline: "Care.".into(),
            description: "A clinic.".into(),
            about: "About.".into(),
            area_served: "Monmouth County, NJ".into(),
            phone: "732 345 1377".into(),
            email: "info@example.com".into(),
            address: " 1 Main St, Town, NJ ".into(),
            hours: "Mon–Fri 9 am – 6 pm\n\nSat 9 am – 1 pm".into(),
            specialties: "Physiotherapy".into(),
            social: "Facebook | https://facebook.com/clinic".into(),
        }
    }

    #[test]
    fn a_valid_draft_becomes_the_facts() {
        let info = valid().validate().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(info.address.as_deref(), Some("1 Main St, Town, NJ"));
        assert_eq!(info.hours.len(), 2);
        assert_eq!(info.social[0].url, "https://facebook.com/clinic");
        assert_eq!(ClinicDraft::from_info(&info).validate(), Ok(info));
    }

    #[test]
    fn the_words_in_another_language_are_required_but_the_hours() {
        let empty = ClinicText::default().validate().err().unwrap_or_default();
        for field in [
            Field::Tagline,
            Field::Description,
            Field::About,
            Field::AreaServed,
        ] {
            assert!(empty.get(field).is_some(), "{field:?}: {empty:?}");
        }
        assert!(empty.get(Field::Hours).is_none());
        let text = ClinicText {
            tagline: " Cuidado. ".into(),
            description: "Una clínica.".into(),
            about: "Quiénes somos.".into(),
            area_served: "Condado de Monmouth".into(),
            hours: "Lun–Vie 9–18\n\n Sáb 9–13 ".into(),
        };
        let valid = text.validate().unwrap_or_default();
        assert_eq!(valid.tagline, "Cuidado.");
        assert_eq!(valid.hours, "Lun–Vie 9–18\nSáb 9–13");
    }

    #[test]
    fn each_mistake_names_its_field() {
        type Case = (fn(&mut ClinicDraft), Field);
        let cases: [Case; 4] = [
            (|d| d.name.clear(), Field::Name),
            (|d| d.phone = "12".into(), Field::Phone),
            (|d| d.email = "not an address".into(), Field::Email),
            (|d| d.social = "Facebook http://x".into(), Field::Social),
        ];
        for (break_it, field) in cases {
            let mut draft = valid();
            break_it(&mut draft);
            let errors = draft.validate().err().unwrap_or_default();
            assert!(errors.get(field).is_some(), "{field:?}: {errors:?}");
        }
    }
}
