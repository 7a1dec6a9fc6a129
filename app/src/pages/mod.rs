//! One page component per file.

mod about;
pub mod admin;
mod article;
mod articles;
mod booking;
mod contact;
mod home;
mod not_found;
mod privacy;
pub mod public_routes;
mod request;
mod server_page;
mod service;
mod services;
mod split_routes;

pub use about::About;
pub use article::ArticlePage;
pub use articles::ArticleList;
pub use booking::{BookingManage, BookingPage};
pub use contact::Contact;
pub use home::Home;
pub use not_found::NotFound;
pub use privacy::Privacy;
pub use request::{use_form_setup, RequestFormView, RequestPage, RequestSent};
pub use server_page::server_page;
pub use service::ServicePage;
pub use services::ServiceList;
