//! The consultation request: its page, the form (also used compact on
//! service pages), and the confirmation.

mod choices;
mod form;
mod message;
mod page;
mod sent;
mod state;

pub use form::{use_form_setup, ConsultationFormView};
pub use page::ConsultationPage;
pub use sent::ConsultationSent;
