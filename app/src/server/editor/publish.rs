//! Publishing, unpublishing, deleting, and the scheduler that publishes
//! scheduled articles on time.

use crate::domain::article_admin::ArticleState;
use crate::server::content::{now_utc, Timestamp};
use crate::server::db::{self, audit::Entry, Db};
use crate::server::workers::Passes;
use crate::server::ServerError;
use std::time::Duration;

/// Staff member `staff_id` publishes now, schedules for `at`, or takes
/// back to draft; audited as what was asked (`article.scheduled` for a
/// time already past, which publishes at once).
pub async fn set_state(
    db: &Db,
    id: i64,
    state: ArticleState,
    at: Option<Timestamp>,
    staff_id: i64,
) -> Result<(), ServerError> {
    let now = now_utc();
    let (status, when) = match state {
        ArticleState::Published => (ArticleState::Published, Some(now.to_stored())),
        ArticleState::Scheduled => {
            let at = at.ok_or_else(|| ServerError::Corrupt("schedule without a time".into()))?;
            if at.unix() <= now.unix() {
                (ArticleState::Published, Some(now.to_stored()))
            } else {
                (ArticleState::Scheduled, Some(at.to_stored()))
            }
        }
        ArticleState::Draft => (ArticleState::Draft, None),
    };
    let (at, action, subject) = (
        now.to_stored(),
        format!("article.{}", state.value()),
        id.to_string(),
    );
    let by = Entry {
        staff_id,
        at: &at,
        action: &action,
        subject: Some(&subject),
    };
    db::editor::set_status(db, id, status, when.as_deref(), &by).await
}

/// Staff member `staff_id` deletes article `id`, audited in the same
/// transaction.
pub async fn delete(db: &Db, id: i64, staff_id: i64) -> Result<(), ServerError> {
    let (at, subject) = (now_utc().to_stored(), id.to_string());
    let by = Entry {
        staff_id,
        at: &at,
        action: "article.delete",
        subject: Some(&subject),
    };
    db::editor::delete(db, id, &by).await
}

/// Publishes every scheduled article whose time has come. Returns how many.
pub async fn publish_due(db: &Db) -> Result<u64, ServerError> {
    db::editor::publish_due(db, &now_utc().to_stored()).await
}

/// Runs [`publish_due`] now (catching up after downtime) and every `every`,
/// counting each pass in `passes`.
pub fn spawn_scheduler(db: Db, every: Duration, passes: Passes) {
    tokio::spawn(async move {
        loop {
            match publish_due(&db).await {
                Ok(0) => {}
                Ok(n) => {
                    metrics::counter!("scheduled_publishes_total").increment(n);
                    tracing::info!(count = n, "published scheduled articles");
                }
                Err(e) => tracing::error!(error = %e, "publishing scheduled articles"),
            }
            passes.finished();
            tokio::time::sleep(every).await;
        }
    });
}
