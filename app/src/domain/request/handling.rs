//! What the front desk sees of consultation requests.

use super::{ContactMethod, PatientStatus, Reference, RequestStatus, TimeOfDay, Weekday};
use crate::domain::{Locale, Phone};
use serde::{Deserialize, Serialize};

/// Longest note staff can add to a request.
pub const NOTE_MAX: usize = 2000;

/// One line of the requests list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestListItem {
    pub reference: Reference,
    pub received: String,
    pub name: String,
    pub service: Option<String>,
    pub contact_method: ContactMethod,
    pub status: RequestStatus,
    /// The language of the page it was sent from.
    #[serde(default)]
    pub locale: Locale,
}

/// The requests list, newest first, optionally filtered by status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestList {
    pub items: Vec<RequestListItem>,
    pub filter: Option<RequestStatus>,
    /// How many requests have each status.
    pub counts: Vec<(RequestStatus, i64)>,
}

/// A note staff added to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub author: String,
    pub at: String,
    pub body: String,
}

/// Everything about one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub reference: Reference,
    pub received: String,
    pub name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub contact_method: ContactMethod,
    pub service: Option<String>,
    pub patient: PatientStatus,
    pub days: Vec<Weekday>,
    pub time_of_day: TimeOfDay,
    pub message: String,
    pub status: RequestStatus,
    /// For a closed or spam request: the day it will be deleted.
    pub deleted_on: Option<String>,
    pub spam_reason: Option<String>,
    pub notes: Vec<Note>,
    /// E-mails about this request that failed, for staff to follow up.
    pub failed_notifications: Vec<String>,
    /// The language of the page it was sent from: the patient may prefer
    /// to be answered in it.
    #[serde(default)]
    pub locale: Locale,
}
