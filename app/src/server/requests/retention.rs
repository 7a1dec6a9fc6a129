//! Patients' requests are not kept for ever: closed and spam requests are
//! deleted `retention_days` after their status last changed, with their
//! notes and e-mail records. Each purge is audited with its counts, never
//! its contents.

use crate::server::content::{now_utc, Timestamp};
use crate::server::db::{self, requests::Purged, Db};
use crate::server::ServerError;
use std::time::Duration;

const DAY: i64 = 24 * 60 * 60;

/// When a request in a status that expires, changed at `changed_at`, will
/// be deleted.
pub fn deleted_after(changed_at: &Timestamp, retention_days: u32) -> Timestamp {
    Timestamp::from_unix(changed_at.unix() + i64::from(retention_days) * DAY)
}

/// Deletes what has expired as of `now`. `now` is the caller's, so a test
/// can run it at any date.
#[tracing::instrument(skip_all)]
pub async fn purge(db: &Db, now: &Timestamp, retention_days: u32) -> Result<Purged, ServerError> {
    let cutoff = Timestamp::from_unix(now.unix() - i64::from(retention_days) * DAY);
    let purged = db::requests::purge_closed_before(db, &cutoff.to_stored()).await?;
    db::request_allowance::forget_whole(db, now.unix().saturating_mul(1000)).await?;
    if purged.requests > 0 {
        let subject = format!(
            "{} requests, {} notes, {} e-mail records (closed or spam for over {retention_days} days)",
            purged.requests, purged.notes, purged.notifications
        );
        db::audit::record_system(db, "request.purge", Some(&subject), &now.to_stored()).await?;
        tracing::info!(requests = purged.requests, "expired requests deleted");
    }
    Ok(purged)
}

/// Purges at start and then every `every`, for as long as the server runs.
pub fn spawn_purger(db: Db, retention_days: u32, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(error) = purge(&db, &now_utc(), retention_days).await {
                tracing::error!(%error, "deleting expired requests failed; will try again");
            }
        }
    });
}
