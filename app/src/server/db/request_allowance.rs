//! The consultation form's rate limit, in the database so every app server
//! counts the same sends (GCRA: one timestamp per client).

use super::Tx;
use crate::server::ServerError;

/// One client's send, to be counted against its allowance.
pub struct Send<'a> {
    /// A keyed hash of the client's address.
    pub client: &'a str,
    pub now_ms: i64,
    /// Time that one send uses up (`period / burst`).
    pub cost_ms: i64,
    /// How far ahead of now the allowance may be used (`cost * (burst - 1)`).
    pub tolerance_ms: i64,
}

/// Counts `send` if the client has allowance left; `Err(wait_ms)` if not.
/// Inside the transaction that stores the request, so a send that is not
/// stored is not counted.
pub async fn take(tx: &mut Tx, send: &Send<'_>) -> Result<Result<(), i64>, ServerError> {
    // `CASE` rather than MAX/GREATEST: the one spelling both engines read.
    let counted: Option<i64> = crate::on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO request_allowance (client, full_at_ms) VALUES ($1, $2 + $3)
         ON CONFLICT (client) DO UPDATE SET full_at_ms =
             (CASE WHEN request_allowance.full_at_ms > $2 THEN request_allowance.full_at_ms ELSE $2 END) + $3
           WHERE (CASE WHEN request_allowance.full_at_ms > $2 THEN request_allowance.full_at_ms ELSE $2 END)
                 - $2 <= $4
         RETURNING full_at_ms",
    )
    .bind(send.client)
    .bind(send.now_ms)
    .bind(send.cost_ms)
    .bind(send.tolerance_ms)
    .fetch_optional(c).await)?;
    if counted.is_some() {
        return Ok(Ok(()));
    }
    let full_at: i64 = crate::on_tx!(tx, c => sqlx::query_scalar(
        "SELECT full_at_ms FROM request_allowance WHERE client = $1",
    )
    .bind(send.client)
    .fetch_one(c).await)?;
    Ok(Err((full_at - send.now_ms - send.tolerance_ms).max(1)))
}

/// Forgets clients whose allowance is whole again: their rows say nothing.
pub async fn forget_whole(db: &super::Db, now_ms: i64) -> Result<u64, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query("DELETE FROM request_allowance WHERE full_at_ms <= $1")
        .bind(now_ms)
        .execute(c).await.map(|done| done.rows_affected()))?,
    )
}
