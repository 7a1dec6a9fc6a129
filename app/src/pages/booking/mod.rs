//! Online booking for patients: the steps (`page`), the details form at
//! the last one (`details`), and the confirmation a patient keeps
//! (`manage`). Every step is a page the server renders from its address,
//! with plain links and one plain form, so it works without JavaScript;
//! with it, the steps load in place like any patient's page.

mod details;
mod manage;
mod page;

pub use manage::BookingManage;
pub use page::BookingPage;
