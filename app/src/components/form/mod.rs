//! Form pieces: a labelled control with its hint and error, and the error
//! summary. Ids follow `Field::id()`, so summary links land on the control.

mod error_summary;
mod field;

pub use error_summary::ErrorSummary;
pub use field::{described_by, use_form_words, FieldError, FieldHint};
