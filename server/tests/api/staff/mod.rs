//! What staff do under /admin: signing in, roles, writing and publishing, images, the audit trail, and hostile callers.

pub mod admin;
pub mod appointment_types;
pub mod audit_chain;
pub mod audited_changes;
pub mod clinic_editor;
pub mod editor;
pub mod hostile;
pub mod media;
pub mod practitioners;
pub mod publishing;
pub mod schedule;
pub mod services_editor;
pub mod sessions;
pub mod two_factor;
