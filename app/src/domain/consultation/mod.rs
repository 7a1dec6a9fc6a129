//! A patient's consultation request: the raw form as typed, the fields and
//! their names (shared by view and server), and the validated request.

mod choices;
mod form;
mod inbox;
mod reference;
mod rules;

pub use choices::{ContactMethod, PatientStatus, RequestStatus, ServiceChoice, TimeOfDay, Weekday};
pub use form::{ConsultationForm, Field, FieldErrors};
pub use inbox::{InboxItem, InboxPage, Note, RequestDetail, NOTE_MAX};
pub use reference::Reference;
pub use rules::{ConsultationRequest, EMAIL_MAX, MESSAGE_MAX, NAME_MAX};
