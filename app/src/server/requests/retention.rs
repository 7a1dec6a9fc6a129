//! Patients' requests and appointments are not kept for ever: closed and
//! spam requests are deleted `retention_days` after their status last
//! changed, with their notes and e-mail records; appointments (whatever
//! their status) `appointment_days` after they ended, with their e-mail
//! records. Each purge is audited with its counts, never its contents.

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

/// Deletes the appointments that ended over `appointment_days` before
/// `now`, with their e-mail records; how many.
#[tracing::instrument(skip_all)]
pub async fn purge_appointments(
    db: &Db,
    now: &Timestamp,
    appointment_days: u32,
) -> Result<u64, ServerError> {
    let cutoff = now.unix() - i64::from(appointment_days) * DAY;
    let (appointments, notifications) = db::appointments::purge_ended_before(db, cutoff).await?;
    if appointments > 0 {
        let subject = format!(
            "{appointments} appointments, {notifications} e-mail records (ended over {appointment_days} days ago)"
        );
        db::audit::record_system(db, "appointment.purge", Some(&subject), &now.to_stored()).await?;
        tracing::info!(appointments, "expired appointments deleted");
    }
    Ok(appointments)
}

/// How long patients' data is kept, in days.
#[derive(Debug, Clone, Copy)]
pub struct Retention {
    /// Closed and spam requests, after their last change.
    pub requests: u32,
    /// Appointments, after they ended.
    pub appointments: u32,
}

/// Purges at start and then every `every`, for as long as the server runs.
pub fn spawn_purger(db: Db, retention: Retention, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(error) = purge(&db, &now_utc(), retention.requests).await {
                tracing::error!(%error, "deleting expired requests failed; will try again");
            }
            if let Err(error) = purge_appointments(&db, &now_utc(), retention.appointments).await {
                tracing::error!(%error, "deleting expired appointments failed; will try again");
            }
        }
    });
}
