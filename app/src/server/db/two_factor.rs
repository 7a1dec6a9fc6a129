//! Staff second factor: the sealed TOTP secret, the last time step
//! accepted, and one-time recovery codes (hashed).

use super::Db;
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct SecretRow {
    /// Sealed with the data key (`staff:<id>:totp`).
    pub totp_secret: Vec<u8>,
    pub totp_last_step: Option<i64>,
}

/// The enrolled secret of account `staff_id`, if it has one.
pub async fn secret(db: &Db, staff_id: i64) -> Result<Option<SecretRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT totp_secret, totp_last_step FROM staff WHERE id = $1 AND totp_secret IS NOT NULL",
    )
    .bind(staff_id)
    .fetch_optional(c).await)?)
}

/// Enrols `staff_id`: its secret, the step of the code that confirmed it,
/// and new recovery codes (replacing any earlier ones), in one transaction.
pub async fn enrol(
    db: &Db,
    staff_id: i64,
    sealed_secret: &[u8],
    step: i64,
    code_hashes: &[Vec<u8>],
) -> Result<(), ServerError> {
    let mut tx = db.begin().await?;
    crate::server::error::one_row(
        crate::on_tx!(&mut tx, c => sqlx::query("UPDATE staff SET totp_secret = $1, totp_last_step = $2 WHERE id = $3")
            .bind(sealed_secret)
            .bind(step)
            .bind(staff_id)
            .execute(c).await.map(|done| done.rows_affected()))?,
    )?;
    delete_recovery_codes(&mut tx, staff_id).await?;
    for hash in code_hashes {
        crate::on_tx!(&mut tx, c => sqlx::query("INSERT INTO recovery_codes (staff_id, code_hash) VALUES ($1, $2)")
            .bind(staff_id)
            .bind(hash)
            .execute(c).await.map(|done| done.rows_affected()))?;
    }
    tx.commit().await?;
    Ok(())
}

/// Accepts a code of time step `step` if no code of it or a later step was
/// accepted before: `false` means the code was already used. One statement,
/// so two sign-ins racing with the same code cannot both pass.
pub async fn advance_step(db: &Db, staff_id: i64, step: i64) -> Result<bool, ServerError> {
    let done = crate::on_pool!(db, c => sqlx::query(
        "UPDATE staff SET totp_last_step = $1
         WHERE id = $2 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $1)",
    )
    .bind(step)
    .bind(staff_id)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(done == 1)
}

/// Uses up the recovery code hashing to `hash`: `false` if there is no such
/// unused code.
pub async fn use_recovery_code(
    db: &Db,
    staff_id: i64,
    hash: &[u8],
    now: &str,
) -> Result<bool, ServerError> {
    let done = crate::on_pool!(db, c => sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE staff_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(staff_id)
    .bind(hash)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(done == 1)
}

/// Recovery codes `staff_id` has not used.
pub async fn recovery_codes_left(db: &Db, staff_id: i64) -> Result<i64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE staff_id = $1 AND used_at IS NULL",
    )
    .bind(staff_id)
    .fetch_one(c).await)?)
}

/// Removes `staff_id`'s second factor (they enrol again at their next
/// sign-in), with the audit entry `by` in the same transaction.
pub async fn reset(
    db: &Db,
    staff_id: i64,
    by: &super::audit::Entry<'_>,
) -> Result<(), ServerError> {
    let mut audited = super::audit::Audited::begin(db).await?;
    let changed = crate::on_tx!(&mut audited.tx, c => sqlx::query("UPDATE staff SET totp_secret = NULL, totp_last_step = NULL WHERE id = $1")
        .bind(staff_id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    delete_recovery_codes(&mut audited.tx, staff_id).await?;
    audited.commit_one_row(changed, by).await
}

async fn delete_recovery_codes(
    tx: &mut crate::server::db::Tx,
    staff_id: i64,
) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query("DELETE FROM recovery_codes WHERE staff_id = $1")
        .bind(staff_id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}
