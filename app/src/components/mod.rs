//! View pieces shared by pages.

mod article_item;
pub mod browser;
mod call_to_action;
mod clinic;
mod contact_details;
mod footer;
pub mod form;
mod header;
mod hydrate_later;
mod hydrated;
mod load_on_use;
mod loaded;
mod modal;
mod not_loaded;
mod page_meta;
mod route_focus;
mod service_item;
mod skip_link;
mod words;

pub use article_item::ArticleItem;
pub use call_to_action::CallToAction;
pub use clinic::{use_clinic, ClinicContext, ClinicProvider};
pub use contact_details::ContactDetails;
pub use footer::Footer;
pub use header::Header;
pub use hydrate_later::hydrate_later;
pub use hydrated::Hydrated;
#[cfg(feature = "hydrate")]
pub use load_on_use::on_first_use;
pub use loaded::{page_data, page_resource, show_loaded, Loading, PageData, PageResource};
pub use modal::Modal;
pub use not_loaded::CodeNotLoaded;
pub use page_meta::PageMeta;
pub use route_focus::RouteFocus;
pub use service_item::{ServiceGrid, ServiceItem};
pub use skip_link::SkipLink;
pub use words::{marked, with_link, Words};
