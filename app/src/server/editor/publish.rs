//! Publishing, unpublishing, deleting, and the scheduler that publishes
//! scheduled articles on time.

use crate::domain::article_admin::ArticleState;
use crate::server::content::{now_utc, Timestamp};
use crate::server::ServerError;
use sqlx::SqlitePool;
use std::time::Duration;

/// Publishes now, schedules for `at`, or takes back to draft.
pub async fn set_state(
    db: &SqlitePool,
    id: i64,
    state: ArticleState,
    at: Option<Timestamp>,
) -> Result<(), ServerError> {
    let now = now_utc();
    let (status, when) = match state {
        ArticleState::Published => ("published", Some(now.to_stored())),
        ArticleState::Scheduled => {
            let at = at.ok_or_else(|| ServerError::Corrupt("schedule without a time".into()))?;
            if at.unix() <= now.unix() {
                ("published", Some(now.to_stored()))
            } else {
                ("scheduled", Some(at.to_stored()))
            }
        }
        ArticleState::Draft => ("draft", None),
    };
    // Publishing again keeps the first publication date; publishing a
    // scheduled article now dates it now; unpublishing keeps the date.
    crate::server::error::one_row(
        sqlx::query(
            "UPDATE articles SET updated_at = ?3,
           published_at = CASE
             WHEN ?1 = 'published' AND status = 'scheduled' THEN ?2
             WHEN ?1 = 'published' THEN COALESCE(published_at, ?2)
             WHEN ?1 = 'scheduled' THEN ?2
             ELSE published_at END,
           status = ?1
         WHERE id = ?4",
        )
        .bind(status)
        .bind(when)
        .bind(now.to_stored())
        .bind(id)
        .execute(db)
        .await?,
    )
}

pub async fn delete(db: &SqlitePool, id: i64) -> Result<(), ServerError> {
    crate::server::error::one_row(
        sqlx::query("DELETE FROM articles WHERE id = ?")
            .bind(id)
            .execute(db)
            .await?,
    )
}

/// Publishes every scheduled article whose time has come. Returns how many.
pub async fn publish_due(db: &SqlitePool) -> Result<u64, ServerError> {
    Ok(sqlx::query(
        "UPDATE articles SET status = 'published', updated_at = ?1 WHERE status = 'scheduled' AND published_at <= ?1",
    )
    .bind(now_utc().to_stored())
    .execute(db)
    .await?
    .rows_affected())
}

/// Runs [`publish_due`] now (catching up after downtime) and every `every`.
pub fn spawn_scheduler(db: SqlitePool, every: Duration) {
    tokio::spawn(async move {
        loop {
            match publish_due(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "published scheduled articles"),
                Err(e) => tracing::error!(error = %e, "publishing scheduled articles"),
            }
            tokio::time::sleep(every).await;
        }
    });
}
