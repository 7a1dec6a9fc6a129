//! Sends the e-mails a consultation request causes, from a queue in the
//! database, so a mail outage never loses or delays a request. E-mails carry
//! no health information: only that a request arrived, and its reference.

use crate::server::content::now_utc;
use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::SqlitePool;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Attempts before a notification is given up (and shown to staff as failed).
pub const MAX_ATTEMPTS: i64 = 8;

/// Where e-mail goes. Without `smtp_url`, notifications are logged instead.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:port`, `smtps://user:pass@host` or `smtp://host?tls=required`.
    pub smtp_url: Option<String>,
    pub from: Mailbox,
    pub staff: Vec<Mailbox>,
    /// The public address of the site, for the admin link.
    pub public_url: String,
}

/// Runs the queue until the process stops: wakes on each new request and
/// at least every `poll`.
pub fn spawn_worker(
    db: SqlitePool,
    mail: MailConfig,
    wake: Arc<Notify>,
    writes: crate::server::db::WriteGate,
    poll: Duration,
) {
    tokio::spawn(async move {
        let transport = match &mail.smtp_url {
            None => None,
            Some(url) => match AsyncSmtpTransport::<Tokio1Executor>::from_url(url) {
                Ok(builder) => Some(builder.timeout(Some(Duration::from_secs(20))).build()),
                Err(e) => {
                    tracing::error!(error = %e, "SMTP_URL is not usable; notifications will only be logged");
                    None
                }
            },
        };
        loop {
            if let Err(e) = deliver_due(&db, &mail, transport.as_ref(), &writes).await {
                tracing::error!(error = format!("{e:#}"), "notification queue");
            }
            tokio::select! {
                () = wake.notified() => {},
                () = tokio::time::sleep(poll) => {},
            }
        }
    });
}

type Transport = AsyncSmtpTransport<Tokio1Executor>;

#[tracing::instrument(skip_all)]
async fn deliver_due(
    db: &SqlitePool,
    mail: &MailConfig,
    transport: Option<&Transport>,
    writes: &crate::server::db::WriteGate,
) -> anyhow::Result<()> {
    let now = now_utc().to_stored();
    let due: Vec<(i64, String, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT n.id, n.kind, n.attempts, c.reference, c.email
         FROM notifications n JOIN consultations c ON c.id = n.consultation_id
         WHERE n.sent_at IS NULL AND n.failed_at IS NULL AND n.next_attempt_at <= ?
         ORDER BY n.id LIMIT 20",
    )
    .bind(&now)
    .fetch_all(db)
    .await
    .context("reading due notifications")?;

    if due.is_empty() {
        return Ok(());
    }
    // Read each time: staff may have changed the clinic's name or phone.
    let clinic = crate::server::content::clinic::get(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    for (id, kind, attempts, reference, email) in due {
        let result = match transport {
            None => {
                tracing::info!(%reference, kind, "new consultation request (no SMTP configured: logged only)");
                Ok(())
            }
            Some(transport) => match build(mail, &clinic, &kind, &reference, email.as_deref()) {
                Ok(Some(message)) => transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Ok(None) => Ok(()),
                Err(e) => Err(e.to_string()),
            },
        };
        let _turn = writes.enter().await;
        match result {
            Ok(()) => {
                sqlx::query(
                    "UPDATE notifications SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                )
                .bind(now_utc().to_stored())
                .bind(id)
                .execute(db)
                .await?;
            }
            Err(error) => {
                let attempts = attempts + 1;
                // 30 s, 1 min, 2 min, ... capped at an hour.
                let wait = 30_i64.saturating_mul(1 << attempts.min(7)).min(3600);
                let next = crate::server::content::Timestamp::from_unix(now_utc().unix() + wait);
                tracing::warn!(%reference, kind, attempts, "notification failed; will retry");
                sqlx::query(
                    "UPDATE notifications SET attempts = ?, last_error = ?, next_attempt_at = ?,
                       failed_at = CASE WHEN ? >= ? THEN ? END WHERE id = ?",
                )
                .bind(attempts)
                .bind(error)
                .bind(next.to_stored())
                .bind(attempts)
                .bind(MAX_ATTEMPTS)
                .bind(now_utc().to_stored())
                .bind(id)
                .execute(db)
                .await?;
            }
        }
    }
    Ok(())
}

/// The e-mail for one notification; `None` when there is no one to send it to.
fn build(
    mail: &MailConfig,
    clinic: &crate::domain::ClinicInfo,
    kind: &str,
    reference: &str,
    email: Option<&str>,
) -> anyhow::Result<Option<Message>> {
    let (to, subject, body) = match kind {
        "staff" => {
            if mail.staff.is_empty() {
                return Ok(None);
            }
            let body = format!(
                "A new consultation request arrived on the website.\n\n\
                 Reference: {reference}\n\n\
                 Read it in the admin: {}{}\n\n\
                 (For privacy, this e-mail does not contain the request itself.)\n",
                mail.public_url.trim_end_matches('/'),
                crate::routes::ADMIN_REQUESTS,
            );
            (
                mail.staff.clone(),
                format!("New consultation request {reference}"),
                body,
            )
        }
        "patient" => {
            let Some(email) = email else { return Ok(None) };
            let to: Mailbox = email.parse().context("patient address")?;
            let body = format!(
                "Thank you for contacting {name}.\n\n\
                 We have received your request. Your reference is {reference}.\n\n\
                 We will contact you the way you asked, usually within one business day.\n\
                 If you need us sooner, call {phone}.\n\n\
                 If you did not send this request, you can ignore this e-mail.\n",
                name = clinic.name,
                phone = clinic.phone,
            );
            (
                vec![to],
                format!("We received your request ({reference})"),
                body,
            )
        }
        other => anyhow::bail!("unknown notification kind {other}"),
    };
    let mut builder = Message::builder().from(mail.from.clone()).subject(subject);
    for mailbox in to {
        builder = builder.to(mailbox);
    }
    Ok(Some(builder.body(body).context("building the e-mail")?))
}
