use super::{ClientKey, ConsultationDesk};
use crate::domain::consultation::{ConsultationForm, FieldErrors, Reference, ServiceChoice};
use crate::domain::Slug;
use crate::server::content::{now_utc, services};
use crate::server::ServerError;
use rand::RngCore;
use sqlx::SqlitePool;
use std::time::Duration;

/// One submission as it reached the server.
pub struct Submission {
    pub form: ConsultationForm,
    /// The signed token rendered into the form.
    pub token: String,
    /// The hidden field only bots fill in.
    pub honeypot: String,
    pub client: ClientKey,
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("too many requests")]
    RateLimited { retry_after: Duration },
    #[error("invalid fields")]
    Invalid(FieldErrors),
    #[error(transparent)]
    Server(#[from] ServerError),
}

impl From<sqlx::Error> for SubmitError {
    fn from(e: sqlx::Error) -> Self {
        Self::Server(ServerError::Database(e))
    }
}

/// Checks, stores and queues notifications for a request. Returns its
/// reference once it is committed to disk. The same form token always gives
/// the same single request. Suspected spam is stored too, marked, and not
/// announced.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &SqlitePool,
    desk: &ConsultationDesk,
    submission: Submission,
) -> Result<Reference, SubmitError> {
    let offered = services::list(db).await?;
    let slugs: Vec<Slug> = offered.iter().map(|s| s.slug.clone()).collect();
    let request = submission
        .form
        .validate(&slugs)
        .map_err(SubmitError::Invalid)?;

    let now = now_utc();
    let (key, mut spam) = match desk.signer.verify(&submission.token) {
        Some(token) => {
            let age = now.unix() - token.issued_at;
            let too_fast = age < i64::try_from(desk.min_fill.as_secs()).unwrap_or(i64::MAX);
            (
                token.nonce,
                too_fast.then_some("sent faster than a person can fill in the form"),
            )
        }
        None => (random_hex(), Some("missing or forged form token")),
    };
    if !submission.honeypot.trim().is_empty() {
        spam = Some("filled in the hidden field");
    }

    // A retry of a stored request (double click, reload, lost response)
    // gets the first answer, and does not count against the rate limit.
    if let Some(existing) = stored_reference(db, &key).await? {
        tracing::info!(reference = %existing, "repeated submission answered with its first reference");
        return Ok(existing);
    }
    desk.limiter
        .check(submission.client)
        .map_err(|retry_after| SubmitError::RateLimited { retry_after })?;

    let reference = new_reference();
    let service_name = match &request.service {
        ServiceChoice::NotSure => None,
        ServiceChoice::Service(slug) => offered
            .iter()
            .find(|s| &s.slug == slug)
            .map(|s| s.name.clone()),
    };
    let service_slug = match &request.service {
        ServiceChoice::NotSure => None,
        ServiceChoice::Service(slug) => Some(slug.as_str().to_owned()),
    };
    let days: Vec<&str> = request.days.iter().map(|d| d.value()).collect();
    let created_at = now.to_stored();
    // The transaction's first statement writes, so SQLite takes the write lock
    // at once (waiting out others) instead of failing to upgrade a read.
    let _turn = desk.writes.enter().await;
    let mut tx = db.begin().await?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO consultations (reference, submission_token, name, phone, email, contact_method,
           service_slug, service_name, patient, days, time_of_day, message, status, spam_reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (submission_token) DO NOTHING RETURNING id",
    )
    .bind(reference.as_str())
    .bind(&key)
    .bind(&request.name)
    .bind(request.phone.digits())
    .bind(&request.email)
    .bind(request.contact_method.value())
    .bind(service_slug)
    .bind(service_name)
    .bind(request.patient.value())
    .bind(days.join(","))
    .bind(request.time_of_day.value())
    .bind(&request.message)
    .bind(if spam.is_some() { "spam" } else { "new" })
    .bind(spam)
    .bind(&created_at)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        // The same form arrived twice at once: the other one stored it.
        tx.rollback().await?;
        return stored_reference(db, &key)
            .await?
            .ok_or_else(|| ServerError::Corrupt("token conflict without a row".into()).into());
    };

    if spam.is_none() {
        let mut kinds = vec!["staff"];
        if request.email.is_some() {
            kinds.push("patient");
        }
        for kind in kinds {
            sqlx::query("INSERT INTO notifications (consultation_id, kind, next_attempt_at) VALUES (?, ?, ?)")
                .bind(id)
                .bind(kind)
                .bind(&created_at)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;

    match spam {
        None => {
            tracing::info!(reference = %reference, "consultation request stored");
            desk.wake.notify_one();
        }
        Some(reason) => {
            tracing::warn!(reference = %reference, reason, "consultation request stored as suspected spam")
        }
    }
    Ok(reference)
}

async fn stored_reference(db: &SqlitePool, key: &str) -> Result<Option<Reference>, SubmitError> {
    let existing: Option<String> =
        sqlx::query_scalar("SELECT reference FROM consultations WHERE submission_token = ?")
            .bind(key)
            .fetch_optional(db)
            .await?;
    match existing {
        None => Ok(None),
        Some(raw) => Reference::parse(&raw)
            .map(Some)
            .ok_or_else(|| ServerError::Corrupt(format!("stored reference {raw:?}")).into()),
    }
}

fn new_reference() -> Reference {
    let mut bytes = [0_u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Reference::from_random(bytes)
}

fn random_hex() -> String {
    let mut bytes = [0_u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
