//! The consultation request: its page, the form (also used compact on
//! service pages), and the confirmation.

mod choices;
mod form;
mod message;
mod page;
mod sent;
mod setup;
mod state;

#[cfg(feature = "hydrate")]
pub use form::adopt_forms;
pub use form::RequestFormView;
pub use page::RequestPage;
pub use sent::RequestSent;
pub use setup::use_form_setup;
