//! What patients do and what becomes of it: consultation requests, their rules and limits, their e-mails, and their data at rest.

pub mod booking;
pub mod booking_changes;
pub mod booking_pages;
pub mod encryption;
pub mod privacy;
pub mod request_abuse;
pub mod request_mail;
pub mod request_rules;
pub mod requests;
pub mod retention;
pub mod submissions;
