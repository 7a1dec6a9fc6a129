//! The clinic site's server: configuration, startup and telemetry, as a
//! library so tests start exactly what production runs.

pub mod config;
mod consultation_post;
mod guard;
pub mod startup;
pub mod telemetry;
