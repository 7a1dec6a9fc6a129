//! The one set of rules for a consultation request, run by the browser as
//! the patient types and again by the server, which never trusts the browser.

use super::{
    ContactMethod, Field, FieldErrors, PatientStatus, RequestForm, RuleWords, ServiceChoice,
    TimeOfDay, Weekday,
};
use crate::domain::{Phone, PhoneError, Slug};
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
pub const MESSAGE_MAX: usize = 1000;

/// A request that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidRequest {
    pub name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub contact_method: ContactMethod,
    pub service: ServiceChoice,
    pub patient: PatientStatus,
    pub days: Vec<Weekday>,
    pub time_of_day: TimeOfDay,
    pub message: String,
}

impl RequestForm {
    /// Checks every field. `services` are the slugs patients may choose;
    /// what is wrong is said in `words`' language.
    /// One step: every field's rule in form order, so all of what is wrong is said at once.
    pub fn validate(
        &self,
        services: &[Slug],
        words: &RuleWords,
    ) -> Result<ValidRequest, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add(Field::Name, &words.name_missing);
        } else if name.chars().count() > NAME_MAX {
            errors.add(Field::Name, &words.name_long);
        } else if name.chars().any(char::is_control) {
            errors.add(Field::Name, &words.name_control);
        }

        let phone = if self.phone.trim().is_empty() {
            errors.add(Field::Phone, &words.phone_missing);
            None
        } else {
            Phone::parse(&self.phone)
                .map_err(|e| {
                    let said = match e {
                        PhoneError::NotTenDigits => &words.phone_digits,
                        PhoneError::BadCharacters => &words.phone_characters,
                    };
                    errors.add(Field::Phone, said);
                })
                .ok()
        };

        let contact_method = ContactMethod::parse(&self.contact_method);
        if contact_method.is_none() {
            errors.add(Field::ContactMethod, &words.contact_missing);
        }

        let email = self.email.trim();
        if email.is_empty() {
            if contact_method == Some(ContactMethod::Email) {
                errors.add(Field::Email, &words.email_missing);
            }
        } else if email.len() > EMAIL_MAX {
            errors.add(Field::Email, &words.email_long);
        } else if !email_address::EmailAddress::is_valid(email) || !email.contains('.') {
            errors.add(Field::Email, &words.email_invalid);
        }

        let service = match self.service.trim() {
            "" | ServiceChoice::NOT_SURE => Some(ServiceChoice::NotSure),
            raw => services
                .iter()
                .find(|s| s.as_str() == raw)
                .cloned()
                .map(ServiceChoice::Service),
        };
        if service.is_none() {
            errors.add(Field::Service, &words.service);
        }

        let patient = PatientStatus::parse(&self.patient);
        if patient.is_none() {
            errors.add(Field::Patient, &words.patient);
        }

        let mut days = Vec::new();
        for raw in &self.days {
            match Weekday::parse(raw) {
                Some(day) if !days.contains(&day) => days.push(day),
                Some(_) => {}
                None => errors.add(Field::Days, &words.days),
            }
        }

        let time_of_day = match self.time_of_day.as_str() {
            "" => Some(TimeOfDay::Any),
            raw => TimeOfDay::parse(raw),
        };
        if time_of_day.is_none() {
            errors.add(Field::TimeOfDay, &words.time);
        }

        let message = self.message.trim();
        let length = message.chars().count();
        if length > MESSAGE_MAX {
            errors.add(
                Field::Message,
                words
                    .message_long
                    .replace("{excess}", &(length - MESSAGE_MAX).to_string()),
            );
        }

        if self.consent.is_empty() {
            errors.add(Field::Consent, &words.consent);
        }

        match (phone, contact_method, service, patient, time_of_day) {
            (
                Some(phone),
                Some(contact_method),
                Some(service),
                Some(patient),
                Some(time_of_day),
            ) if errors.is_empty() => Ok(ValidRequest {
                name: name.to_owned(),
                phone,
                email: (!email.is_empty()).then(|| email.to_owned()),
                contact_method,
                service,
                patient,
                days,
                time_of_day,
                message: message.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

// The rules' words come from the message files, which only the server reads.
#[cfg(all(test, feature = "ssr"))]
mod tests;
