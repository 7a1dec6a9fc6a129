//! Pure types and rules shared by server and browser: no leptos, no cfg
//! (but tests that need the message files, which the server reads).

pub mod appointment_type_draft;
mod article;
pub mod article_admin;
pub mod article_draft;
pub mod booking;
pub mod category_draft;
mod clinic;
pub mod clinic_draft;
pub mod draft_errors;
pub mod locale;
pub mod media;
mod page_number;
mod phone;
pub mod practitioner_draft;
#[cfg(all(test, feature = "ssr"))]
mod properties;
pub mod redirect;
pub mod request;
pub mod schedule;
pub mod seo;
mod service;
pub mod service_draft;
mod slug;
pub mod staff;
pub mod translation;

pub use article::{Article, ArticleList, ArticleSummary, ArticleView, Category, HeroImage};
pub use clinic::{ClinicInfo, SocialLink};
pub use draft_errors::{DraftErrors, Field};
pub use locale::{Locale, Msg};
pub use page_number::PageNumber;
pub use phone::{Phone, PhoneError};
pub use service::{Service, ServiceSummary};
pub use slug::{Slug, SlugError};
pub use translation::{PageTranslation, Translated, Translation, ValidPageTranslation};
