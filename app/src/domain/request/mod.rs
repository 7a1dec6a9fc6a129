//! A patient's consultation request: the raw form as typed, the fields and
//! their names (shared by view and server), and the validated request.

mod choices;
mod form;
mod handling;
pub(crate) mod reference;
mod rules;
mod words;

pub use choices::{ContactMethod, PatientStatus, RequestStatus, ServiceChoice, TimeOfDay, Weekday};
pub use form::{Field, FieldErrors, RequestForm};
pub use handling::{Note, RequestDetail, RequestList, RequestListItem, NOTE_MAX};
pub use reference::Reference;
pub use rules::{ValidRequest, EMAIL_MAX, MESSAGE_MAX, NAME_MAX};
pub use words::{FormWords, RuleWords};
