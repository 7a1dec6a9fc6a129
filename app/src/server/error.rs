/// Failures inside the server. Their causes are logged where the API layer
/// maps them (`api/server/errors.rs`) and never sent to a browser.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("not found")]
    NotFound,
    #[error("database: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached for now: every connection busy past
    /// the acquire timeout, a connection lost, a server restarting or
    /// failing over, a file another process holds. An outage, not a bug:
    /// the reader is asked to try again shortly.
    #[error("database unavailable: {0}")]
    Unavailable(sqlx::Error),
    /// A stored value failed its domain rule: a bug or a hand-edited row.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// The session store failed, or the request lacks what the server
    /// provides every request (its state, session layer, peer address).
    #[error("request context: {0}")]
    Context(String),
}

impl From<sqlx::Error> for ServerError {
    fn from(e: sqlx::Error) -> Self {
        super::db::note_storage_fault(&e);
        if super::db::is_unavailable(&e) {
            Self::Unavailable(e)
        } else {
            Self::Database(e)
        }
    }
}

/// An UPDATE or DELETE of one row by its key: no row means not found.
pub fn one_row(rows_affected: u64) -> Result<(), ServerError> {
    if rows_affected == 0 {
        return Err(ServerError::NotFound);
    }
    Ok(())
}
