use serde::{Deserialize, Serialize};

/// The form exactly as the patient typed it. Field names here are the names
/// the HTML form posts, so view and server cannot disagree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub contact_method: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub patient: String,
    #[serde(default)]
    pub days: Vec<String>,
    #[serde(default)]
    pub time_of_day: String,
    #[serde(default)]
    pub message: String,
    /// A checked checkbox posts a value ("yes"); an unchecked one posts nothing.
    #[serde(default)]
    pub consent: String,
}

/// The fields of the form, in the order they appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Name,
    Phone,
    Email,
    ContactMethod,
    Service,
    Patient,
    Days,
    TimeOfDay,
    Message,
    Consent,
}

impl Field {
    pub const ALL: [Self; 10] = [
        Self::Name,
        Self::Phone,
        Self::Email,
        Self::ContactMethod,
        Self::Service,
        Self::Patient,
        Self::Days,
        Self::TimeOfDay,
        Self::Message,
        Self::Consent,
    ];

    /// The `name` the form posts.
    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::ContactMethod => "contact_method",
            Self::Service => "service",
            Self::Patient => "patient",
            Self::Days => "days",
            Self::TimeOfDay => "time_of_day",
            Self::Message => "message",
            Self::Consent => "consent",
        }
    }

    /// The `id` of the control the error summary links to.
    pub fn id(self) -> String {
        format!("cr-{}", self.name().replace('_', "-"))
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Full name",
            Self::Phone => "Phone",
            Self::Email => "E-mail",
            Self::ContactMethod => "How should we contact you?",
            Self::Service => "Service you're interested in",
            Self::Patient => "Have you been to the clinic before?",
            Self::Days => "Days that suit you",
            Self::TimeOfDay => "Time of day",
            Self::Message => "Anything else we should know?",
            Self::Consent => "Consent",
        }
    }
}

/// What is wrong with a submitted form, one sentence per field, in form order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(Vec<(Field, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: Field, message: impl Into<String>) {
        self.0.retain(|(f, _)| *f != field);
        self.0.push((field, message.into()));
        self.0
            .sort_by_key(|(f, _)| Field::ALL.iter().position(|x| x == f));
    }

    pub fn get(&self, field: Field) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Field, &str)> {
        self.0.iter().map(|(f, m)| (*f, m.as_str()))
    }
}
