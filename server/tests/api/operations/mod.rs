//! Running the site: configuration, the command line, backups, crashes, full disks, outages, shutdown, metrics, PostgreSQL, WordPress, and the code's own boundaries.

pub mod backups;
pub mod boundaries;
pub mod command_line;
pub mod configuration;
pub mod crash;
pub mod faults;
pub mod health;
pub mod metrics;
pub mod migrate;
pub mod outages;
pub mod postgres;
pub mod postgres_schema;
pub mod shutdown;
pub mod wordpress;
pub mod wordpress_media;
