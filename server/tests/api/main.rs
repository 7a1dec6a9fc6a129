//! One integration-test binary: each test starts the real server on a free
//! port with a fresh SQLite file and talks to it over HTTP.

mod content;
mod operations;
mod patients;
mod staff;
mod support;
