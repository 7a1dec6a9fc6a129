use super::super::Slug;
use serde::{Deserialize, Serialize};

/// Declares a closed set of choices with their form values and labels.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($value:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value sent by the form and stored in the database.
            pub fn value(self) -> &'static str {
                match self { $(Self::$variant => $value),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }

            pub fn parse(raw: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.value() == raw)
            }
        }
    };
}

choices!(
    /// How the patient wants to be contacted.
    ContactMethod {
        Phone => ("phone", "Phone call"),
        Text => ("text", "Text message"),
        Email => ("email", "E-mail"),
    }
);

choices!(
    PatientStatus {
        New => ("new", "New patient"),
        Returning => ("returning", "Returning patient"),
    }
);

choices!(
    /// Days the clinic could call back or book.
    Weekday {
        Mon => ("mon", "Monday"),
        Tue => ("tue", "Tuesday"),
        Wed => ("wed", "Wednesday"),
        Thu => ("thu", "Thursday"),
        Fri => ("fri", "Friday"),
        Sat => ("sat", "Saturday"),
    }
);

choices!(
    TimeOfDay {
        Any => ("any", "Any time"),
        Morning => ("morning", "Morning"),
        Afternoon => ("afternoon", "Afternoon"),
        Evening => ("evening", "Evening"),
    }
);

choices!(
    /// Where a request stands in the front desk's work.
    RequestStatus {
        New => ("new", "New"),
        Contacted => ("contacted", "Contacted"),
        Scheduled => ("scheduled", "Scheduled"),
        Closed => ("closed", "Closed"),
        Spam => ("spam", "Spam"),
    }
);

impl RequestStatus {
    /// A request in this status is deleted after the retention period
    /// (`REQUEST_RETENTION_DAYS`); one still being handled never is.
    pub fn expires(self) -> bool {
        matches!(self, Self::Closed | Self::Spam)
    }
}

/// The service a patient asks about, or "not sure".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceChoice {
    NotSure,
    Service(Slug),
}

impl ServiceChoice {
    pub const NOT_SURE: &'static str = "not-sure";

    pub fn value(&self) -> &str {
        match self {
            Self::NotSure => Self::NOT_SURE,
            Self::Service(slug) => slug.as_str(),
        }
    }
}
