//! A number that changes whenever anything patients see changes (kept by
//! triggers), for the server's page cache.

use super::Db;
use crate::server::ServerError;

pub async fn current(db: &Db) -> Result<i64, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_scalar("SELECT value FROM content_generation WHERE id = 1")
            .fetch_one(c).await)?,
    )
}
