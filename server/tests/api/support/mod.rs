//! What the tests share: the server started on a fresh database, staff signed in, requests and images made, stand-ins for a mail server and a bucket.

pub mod admin_helpers;
pub mod helpers;
pub mod media_helpers;
pub mod request_helpers;
pub mod s3_standin;
pub mod smtp_sink;
