//! Online booking's shared types: an appointment's reference, the details
//! a patient gives (checked by the consultation form's own rules, in the
//! patient's language), and a free time as a page offers it.

use super::request::reference::{code, parse_code};
use super::request::{FieldErrors, PatientStatus, RequestForm, RuleWords};
use super::Phone;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a patient quotes about an appointment: `AP-7K3Q-9F2D`. Random, so
/// it says nothing about how many the clinic has.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BookingReference(String);

impl BookingReference {
    const PREFIX: &'static str = "AP-";

    pub fn from_random(bytes: [u8; 8]) -> Self {
        Self(code(Self::PREFIX, bytes))
    }

    pub fn parse(raw: &str) -> Option<Self> {
        parse_code(Self::PREFIX, raw).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BookingReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for BookingReference {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw).ok_or_else(|| format!("{raw:?} is not an appointment reference"))
    }
}

impl From<BookingReference> for String {
    fn from(reference: BookingReference) -> Self {
        reference.0
    }
}

/// The details a patient gives when booking, as typed. Field names are the
/// consultation form's, so its errors, labels and rules serve both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingDetails {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub patient: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub consent: String,
}

/// Details that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDetails {
    pub name: String,
    pub phone: Phone,
    /// Needed: the confirmation and the manage link go there.
    pub email: String,
    pub patient: PatientStatus,
    pub message: String,
}

impl BookingDetails {
    /// The consultation form's rules for these fields, with an e-mail
    /// address required (said in `words`' language).
    pub fn validate(&self, words: &RuleWords) -> Result<ValidDetails, FieldErrors> {
        self.validate_as("email", &self.consent, words)
    }

    /// The rules for details the front desk takes on the phone: an e-mail
    /// address is optional (no e-mail, no confirmation), and the caller
    /// agreed to the privacy notice by asking to be booked.
    pub fn validate_for_desk(&self, words: &RuleWords) -> Result<ValidDetails, FieldErrors> {
        self.validate_as("phone", "yes", words)
    }

    /// The request form's rules, as if contacted by `contact_method` (by
    /// e-mail, the address is required) with `consent` given.
    fn validate_as(
        &self,
        contact_method: &str,
        consent: &str,
        words: &RuleWords,
    ) -> Result<ValidDetails, FieldErrors> {
        let as_request = RequestForm {
            name: self.name.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            contact_method: contact_method.into(),
            service: String::new(),
            patient: self.patient.clone(),
            days: Vec::new(),
            time_of_day: String::new(),
            message: self.message.clone(),
            consent: consent.into(),
        };
        let valid = as_request.validate(&[], words)?;
        Ok(ValidDetails {
            name: valid.name,
            phone: valid.phone,
            email: valid.email.unwrap_or_default(),
            patient: valid.patient,
            message: valid.message,
        })
    }
}

/// A time a patient may book, as a page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeTimeView {
    pub practitioner: i64,
    /// Unix seconds.
    pub start: i64,
    /// Its day in the clinic's zone, `YYYY-MM-DD`.
    pub date: String,
    /// What a list of one day's times shows: "10:30 AM".
    pub clock: String,
    /// The whole of it in words, in the page's language and the clinic's
    /// zone: "Tuesday 9 December, 10:30 AM EST, 30 minutes, with …".
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_reads_back_in_any_case_and_is_not_a_requests() {
        let reference = BookingReference::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        assert!(reference.as_str().starts_with("AP-"));
        assert_eq!(
            BookingReference::parse(&reference.as_str().to_lowercase()),
            Some(reference.clone())
        );
        let request = crate::domain::request::Reference::from_random([1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(BookingReference::parse(request.as_str()), None);
    }
}

/// What the booking page shows at its current step: every choice so far
/// and the options of the next one. Built on the server in the page's
/// language; the page holds no rule of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingStep {
    /// The clinic's zone as patients read it ("New York time, EST").
    pub zone: String,
    pub services: Vec<ServiceTypes>,
    pub kind: Option<TypeChoice>,
    pub practitioners: Vec<PractitionerChoice>,
    /// `None`: not chosen yet; `Some(None)`: the first available.
    pub with: Option<Option<i64>>,
    /// The days shown (two weeks from `from`), each with its free times' count.
    pub days: Vec<DayChoice>,
    /// The first day of the next two weeks, and of the two before (if any).
    pub later: Option<String>,
    pub earlier: Option<String>,
    pub day: Option<DayChoice>,
    pub times: Vec<FreeTimeView>,
    pub time: Option<FreeTimeView>,
    /// A fresh signed token for the details form, once a time is chosen.
    pub token: Option<String>,
    /// The details form's words (the consultation form's), once a time is chosen.
    pub words: Option<super::request::FormWords>,
}

/// A service and what can be booked of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTypes {
    pub slug: String,
    pub name: String,
    pub types: Vec<TypeChoice>,
}

/// An appointment type as a patient chooses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeChoice {
    pub id: i64,
    pub name: String,
    pub minutes: i64,
    /// `new`, `returning` or `both`.
    pub patients: String,
    /// Staff confirm it before it holds the time.
    pub requested: bool,
}

/// A practitioner as a patient chooses them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PractitionerChoice {
    pub id: i64,
    pub name: String,
    pub bio: String,
    /// Their photo's address and what it shows.
    pub photo: Option<(String, String)>,
    /// "Sees patients in English and Spanish", in the page's language.
    pub speaks: String,
}

/// A day as a patient chooses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayChoice {
    /// `YYYY-MM-DD`, in the clinic's zone.
    pub date: String,
    /// "Wednesday, December 9, 2026", in the page's language.
    pub label: String,
    pub free: usize,
}

/// What a booking page's address asks for (its query): none of it is
/// about the patient.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepQuery {
    /// A service's slug, to show its types first (from a service page).
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default, rename = "type")]
    pub kind: Option<i64>,
    /// `any` or a practitioner's id.
    #[serde(default)]
    pub with: Option<String>,
    /// The first day shown (`YYYY-MM-DD`).
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
    /// Unix seconds.
    #[serde(default)]
    pub start: Option<i64>,
}

impl StepQuery {
    /// The practitioner asked for: `Some(None)` for anyone.
    pub fn with(&self) -> Option<Option<i64>> {
        match self.with.as_deref()? {
            "any" => Some(None),
            id => id.parse().ok().map(Some),
        }
    }

    /// This query's address under `root` (the booking page in a language).
    pub fn href(&self, root: &str) -> String {
        let mut parts = Vec::new();
        if let Some(service) = &self.service {
            parts.push(format!("service={service}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("type={kind}"));
        }
        if let Some(with) = &self.with {
            parts.push(format!("with={with}"));
        }
        if let Some(from) = &self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(day) = &self.day {
            parts.push(format!("day={day}"));
        }
        if let Some(start) = self.start {
            parts.push(format!("start={start}"));
        }
        if parts.is_empty() {
            root.to_owned()
        } else {
            format!("{root}?{}", parts.join("&"))
        }
    }
}

/// An appointment as its patient's link shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedBooking {
    pub reference: BookingReference,
    /// The appointment type, in the page's language.
    pub kind: String,
    /// The time in full, with whom (as [`FreeTimeView::label`]).
    pub when: String,
    /// `requested`, `booked`, `arrived`, `no_show`, `cancelled` or `declined`.
    pub status: String,
    /// It has begun.
    pub past: bool,
    /// The patient may still move or cancel it here (before the cutoff).
    pub changeable: bool,
    /// How many hours before the visit changes become phone-only.
    pub cutoff_hours: i64,
    /// When moving it: two weeks of days with their free times, the day
    /// chosen and its free times (its own time is free to it).
    pub days: Vec<DayChoice>,
    pub day: Option<DayChoice>,
    pub times: Vec<FreeTimeView>,
}

impl ManagedBooking {
    /// It still holds or asks for its time.
    pub fn active(&self) -> bool {
        self.status == "booked" || self.status == "requested"
    }
}

/// What a manage page's address asks for: `step` is `move` or `cancel`,
/// `day` the day whose times a move shows, `done` what just happened
/// (`moved`, `cancelled`, `taken`, `late`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManageQuery {
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub day: Option<String>,
    #[serde(default)]
    pub done: Option<String>,
}
