//! Online booking on the server: which times are free (`free_times`, pure),
//! the schedule read from the database for it (`load`), and booking a time
//! so that it is never booked twice (`book`).

pub(crate) mod book;
pub mod desk;
pub mod free_times;
mod load;
pub mod manage;
pub mod setup;
mod steps;
pub mod words;

pub use book::{book, manage_token_hash, BookError, Booking, Confirmation};
pub use load::Loaded;
pub use steps::{details_address, step};
