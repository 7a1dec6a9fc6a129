//! The one set of rules for a consultation request, run by the browser as
//! the patient types and again by the server, which never trusts the browser.

use super::{
    ContactMethod, Field, FieldErrors, PatientStatus, RequestForm, ServiceChoice, TimeOfDay,
    Weekday,
};
use crate::domain::{Phone, Slug};
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
    /// Checks every field. `services` are the slugs patients may choose.
    pub fn validate(&self, services: &[Slug]) -> Result<ValidRequest, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.name.trim();
        if name.is_empty() {
            errors.add(Field::Name, "Enter your full name.");
        } else if name.chars().count() > NAME_MAX {
            errors.add(
                Field::Name,
                format!("Your name must be {NAME_MAX} characters or fewer."),
            );
        } else if name.chars().any(char::is_control) {
            errors.add(Field::Name, "Your name can't contain line breaks or tabs.");
        }

        let phone = if self.phone.trim().is_empty() {
            errors.add(
                Field::Phone,
                "Enter a phone number so we can reach you, for example (732) 345-1377.",
            );
            None
        } else {
            Phone::parse(&self.phone)
                .map_err(|e| errors.add(Field::Phone, e.to_string()))
                .ok()
        };

        let contact_method = ContactMethod::parse(&self.contact_method);
        if contact_method.is_none() {
            errors.add(
                Field::ContactMethod,
                "Choose how we should contact you: phone call, text message or e-mail.",
            );
        }

        let email = self.email.trim();
        if email.is_empty() {
            if contact_method == Some(ContactMethod::Email) {
                errors.add(
                    Field::Email,
                    "Enter your e-mail address, or choose another way for us to contact you.",
                );
            }
        } else if email.len() > EMAIL_MAX {
            errors.add(
                Field::Email,
                format!("An e-mail address can't be longer than {EMAIL_MAX} characters."),
            );
        } else if !email_address::EmailAddress::is_valid(email) || !email.contains('.') {
            errors.add(
                Field::Email,
                "Enter an e-mail address like name@example.com.",
            );
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
            errors.add(
                Field::Service,
                "Choose a service from the list, or \"Not sure yet\".",
            );
        }

        let patient = PatientStatus::parse(&self.patient);
        if patient.is_none() {
            errors.add(
                Field::Patient,
                "Tell us whether you are a new or a returning patient.",
            );
        }

        let mut days = Vec::new();
        for raw in &self.days {
            match Weekday::parse(raw) {
                Some(day) if !days.contains(&day) => days.push(day),
                Some(_) => {}
                None => errors.add(Field::Days, "Choose days from the list."),
            }
        }

        let time_of_day = match self.time_of_day.as_str() {
            "" => Some(TimeOfDay::Any),
            raw => TimeOfDay::parse(raw),
        };
        if time_of_day.is_none() {
            errors.add(Field::TimeOfDay, "Choose a time of day from the list.");
        }

        let message = self.message.trim();
        let length = message.chars().count();
        if length > MESSAGE_MAX {
            errors.add(
                Field::Message,
                format!(
                    "Your message is {} characters too long: keep it to {MESSAGE_MAX}.",
                    length - MESSAGE_MAX
                ),
            );
        }

        if self.consent.is_empty() {
            errors.add(
                Field::Consent,
                "Tick the box to let us contact you about this request.",
            );
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

#[cfg(test)]
mod tests;
