//! The staff admin under `/admin`. Pages only decide what to show: every
//! server function behind them checks the session and role itself.

mod accounts;
mod appointment_types;
mod article_delete;
mod article_preview;
mod articles;
mod audit;
mod categories;
mod clinic;
mod draft_form;
mod editor;
mod hero_field;
mod home;
mod kept_draft;
mod language_tabs;
mod layout;
pub mod lazy;
mod practitioners;
mod redirects;
mod request;
mod requests;
mod schedule;
mod seo_fields;
mod services;
mod sign_in;
mod translation_editor;
mod two_factor;

pub use accounts::AdminAccounts;
pub use appointment_types::AdminAppointmentTypes;
pub use articles::AdminArticles;
pub use audit::AdminAudit;
pub use categories::AdminCategories;
pub use clinic::AdminClinic;
pub use editor::AdminArticleEditor;
pub use home::AdminHome;
pub use layout::{AdminLayout, CurrentStaff};
pub use practitioners::AdminPractitioners;
pub use redirects::AdminRedirects;
pub use request::AdminRequest;
pub use requests::AdminRequests;
pub use schedule::AdminSchedule;
pub use services::{AdminServiceEditor, AdminServices};
pub use sign_in::AdminSignIn;
pub use two_factor::AdminTwoFactor;
