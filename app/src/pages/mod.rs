//! One page component per file.

mod about;
pub mod admin;
mod article;
mod articles;
mod consultation;
mod contact;
mod home;
mod not_found;
mod privacy;
pub mod public_routes;
mod service;
mod services;
mod split_routes;

pub use about::About;
pub use article::ArticlePage;
pub use articles::ArticleList;
pub use consultation::{use_form_setup, ConsultationFormView, ConsultationPage, ConsultationSent};
pub use contact::Contact;
pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;
pub use service::ServicePage;
pub use services::ServiceList;
