use super::{ClientKey, RequestDesk};
use crate::domain::request::{
    FieldErrors, Reference, RequestForm, RequestStatus, ServiceChoice, ValidRequest,
};
use crate::domain::{Locale, ServiceSummary, Slug};
use crate::server::content::{now_utc, services, Timestamp};
use crate::server::db::request_allowance::Send;
use crate::server::db::requests::{Inserted, NewRequest};
use crate::server::db::{self, mail_queue::NotificationKind, Db};
use crate::server::ServerError;
use rand::RngCore;
use std::time::Duration;

/// One submission as it reached the server.
pub struct Submission {
    pub form: RequestForm,
    /// The signed token rendered into the form.
    pub token: String,
    /// The hidden field only bots fill in.
    pub honeypot: String,
    pub client: ClientKey,
    /// The language of the page it was sent from: its errors are said in
    /// it, and staff see it.
    pub locale: Locale,
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

/// Checks, stores and queues notifications for a request. Returns its
/// reference once it is committed to disk. The same form token always gives
/// the same single request. Suspected spam is stored too, marked, and not
/// announced.
#[tracing::instrument(skip_all)]
pub async fn submit(
    db: &Db,
    desk: &RequestDesk,
    submission: Submission,
) -> Result<Reference, SubmitError> {
    // Staff read the services' English names, whatever the patient's page.
    let offered = services::list(db, Locale::En).await?;
    let request = validate(&submission, &offered)?;
    let now = now_utc();
    let screened = screen(desk, &submission, &now);

    // A retry of a stored request (double click, reload, lost response)
    // gets the first answer, and does not count against the rate limit.
    if let Some(existing) = stored_reference(db, &screened.key).await? {
        tracing::info!(reference = %existing, "repeated submission answered with its first reference");
        return Ok(existing);
    }

    let reference = new_reference();
    let client = desk.signer.client_tag(submission.client);
    let send = desk.limit.send(&client, now.unix().saturating_mul(1000));
    match store(
        db,
        desk,
        &request,
        &offered,
        &screened,
        &reference,
        &now,
        &send,
        submission.locale,
    )
    .await?
    {
        Inserted::Stored(_) => {}
        Inserted::Limited { wait_ms } => {
            let wait = Duration::from_millis(u64::try_from(wait_ms).unwrap_or(1));
            return Err(SubmitError::RateLimited { retry_after: wait });
        }
        // The same form arrived twice at once: the other one stored it.
        Inserted::Repeated => {
            return stored_reference(db, &screened.key)
                .await?
                .ok_or_else(|| ServerError::Corrupt("token conflict without a row".into()).into())
        }
    }
    let marked = if screened.spam.is_some() { "yes" } else { "no" };
    metrics::counter!("requests_stored_total", "spam" => marked).increment(1);
    announce(desk, &reference, screened.spam);
    Ok(reference)
}

/// The form's rules, against the services offered now.
fn validate(
    submission: &Submission,
    offered: &[ServiceSummary],
) -> Result<ValidRequest, SubmitError> {
    let slugs: Vec<Slug> = offered.iter().map(|s| s.slug.clone()).collect();
    let words = crate::server::i18n::form_words(submission.locale).rules;
    submission
        .form
        .validate(&slugs, &words)
        .map_err(SubmitError::Invalid)
}

/// A submission's idempotency key and, if it looks like spam, why.
struct Screened {
    /// The form token's nonce (a random one when the token is bad).
    key: String,
    spam: Option<&'static str>,
}

/// Checks the form token, the time taken to fill the form and the honeypot.
fn screen(desk: &RequestDesk, submission: &Submission, now: &Timestamp) -> Screened {
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
    Screened { key, spam }
}

/// Commits the request with its notifications (none for spam) if the
/// client's allowance has room, waiting for this process's turn to write.
#[allow(clippy::too_many_arguments)]
async fn store(
    db: &Db,
    desk: &RequestDesk,
    request: &ValidRequest,
    offered: &[ServiceSummary],
    screened: &Screened,
    reference: &Reference,
    now: &Timestamp,
    send: &Send<'_>,
    locale: Locale,
) -> Result<Inserted, SubmitError> {
    let (service_slug, service_name) = match &request.service {
        ServiceChoice::NotSure => (None, None),
        ServiceChoice::Service(slug) => (
            Some(slug.as_str()),
            offered
                .iter()
                .find(|s| &s.slug == slug)
                .map(|s| s.name.as_str()),
        ),
    };
    let days: Vec<&str> = request.days.iter().map(|d| d.value()).collect();
    let days = days.join(",");
    let created_at = now.to_stored();
    let row = NewRequest {
        reference: reference.as_str(),
        submission_token: &screened.key,
        name: &request.name,
        phone: request.phone.digits(),
        email: request.email.as_deref(),
        contact_method: request.contact_method,
        service_slug,
        service_name,
        patient: request.patient,
        days: &days,
        time_of_day: request.time_of_day,
        message: &request.message,
        status: if screened.spam.is_some() {
            RequestStatus::Spam
        } else {
            RequestStatus::New
        },
        spam_reason: screened.spam,
        created_at: &created_at,
        locale: locale.code(),
    };
    let notifications = notifications_for(request, screened.spam);
    let _turn = desk.writes.enter().await;
    Ok(db::requests::insert(db, &desk.vault, &row, &notifications, send).await?)
}

/// The e-mails a request causes: staff always, the patient if they gave an
/// address; none for suspected spam.
fn notifications_for(request: &ValidRequest, spam: Option<&'static str>) -> Vec<NotificationKind> {
    if spam.is_some() {
        return Vec::new();
    }
    let mut kinds = vec![NotificationKind::Staff];
    if request.email.is_some() {
        kinds.push(NotificationKind::Patient);
    }
    kinds
}

/// Logs the stored request and, unless it is spam, wakes the mail queue.
fn announce(desk: &RequestDesk, reference: &Reference, spam: Option<&'static str>) {
    match spam {
        None => {
            tracing::info!(reference = %reference, "consultation request stored");
            desk.wake.notify_one();
        }
        Some(reason) => {
            tracing::warn!(reference = %reference, reason, "consultation request stored as suspected spam")
        }
    }
}

async fn stored_reference(db: &Db, key: &str) -> Result<Option<Reference>, SubmitError> {
    match db::requests::reference_for_token(db, key).await? {
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
