//! Sends the e-mails a consultation request causes, from a queue in the
//! database, so a mail outage never loses or delays a request. E-mails carry
//! no health information: only that a request arrived, and its reference.

use crate::domain::Msg;
use crate::server::content::now_utc;
use crate::server::db::mail_queue::{self, DueNotification, FailedAttempt, NotificationKind};
use crate::server::db::{Db, WriteGate};
use crate::server::requests::RequestDesk;
use crate::server::vault::Vault;
use crate::server::workers::Passes;
use anyhow::Context;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How long a server keeps the notifications it took to send (SMTP's 20 s
/// timeout for each of up to 5); after that another server may retry them.
/// A server that stops gives its claims back ([`release_claims`]); one
/// that crashed loses them when this runs out.
const CLAIM_SECONDS: i64 = 120;

/// This process's name in the queue's claims.
fn claimant() -> &'static str {
    static CLAIMANT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CLAIMANT.get_or_init(|| format!("{:016x}", rand::random::<u64>()))
}

/// Gives back the notifications this process claimed and did not send.
pub async fn release_claims(db: &Db) {
    match mail_queue::release(db, claimant()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(
            count = n,
            "gave back unsent notifications for the next start"
        ),
        Err(e) => tracing::error!(error = %e, "giving back unsent notifications"),
    }
}

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

/// Runs the queue until the process stops: wakes on each new request
/// (`desk.wake`) and at least every `poll`.
/// `measure`: keep the `mail_queue_depth` gauge (one count per pass; only
/// when metrics are served). Each pass is counted in `passes`.
pub fn spawn_worker(
    db: Db,
    mail: MailConfig,
    desk: &RequestDesk,
    poll: Duration,
    measure: bool,
    passes: Passes,
) {
    let (wake, writes, vault) = (desk.wake.clone(), desk.writes.clone(), desk.vault.clone());
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
            if let Err(e) = deliver_due(&db, &vault, &mail, transport.as_ref(), &writes).await {
                tracing::error!(error = format!("{e:#}"), "notification queue");
            }
            let depth = if measure {
                mail_queue::pending(&db).await.ok()
            } else {
                None
            };
            if let Some(depth) = depth {
                #[allow(clippy::cast_precision_loss)] // a count far below 2^52
                metrics::gauge!("mail_queue_depth").set(depth as f64);
            }
            passes.finished();
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
    db: &Db,
    vault: &Vault,
    mail: &MailConfig,
    transport: Option<&Transport>,
    writes: &WriteGate,
) -> anyhow::Result<()> {
    let now = now_utc();
    let until = crate::server::content::Timestamp::from_unix(now.unix() + CLAIM_SECONDS);
    let due = mail_queue::due(db, vault, claimant(), &now.to_stored(), &until.to_stored())
        .await
        .context("reading due notifications")?;
    if due.is_empty() {
        return Ok(());
    }
    // Read each time: staff may have changed the clinic's name or phone.
    let clinic = crate::server::content::clinic::get(db)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    for notification in due {
        let result = send(mail, &clinic, transport, &notification).await;
        let _turn = writes.enter().await;
        record_attempt(db, &notification, result).await?;
    }
    Ok(())
}

/// Sends one notification (or logs it without SMTP); `Err` says why it failed.
async fn send(
    mail: &MailConfig,
    clinic: &crate::domain::ClinicInfo,
    transport: Option<&Transport>,
    notification: &DueNotification,
) -> Result<(), String> {
    let (kind, reference) = (notification.kind, &notification.reference);
    let Some(transport) = transport else {
        tracing::info!(%reference, kind = kind.value(), "new consultation request (no SMTP configured: logged only)");
        return Ok(());
    };
    let locale = crate::domain::Locale::from_code(&notification.locale).unwrap_or_default();
    match build(
        mail,
        clinic,
        kind,
        reference,
        notification.email.as_deref(),
        locale,
    ) {
        Ok(Some(message)) => transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Ok(None) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}

/// Marks a notification sent, or schedules its next attempt (30 s, 1 min,
/// 2 min, ... capped at an hour), giving up after [`MAX_ATTEMPTS`].
async fn record_attempt(
    db: &Db,
    notification: &DueNotification,
    result: Result<(), String>,
) -> anyhow::Result<()> {
    let kind = notification.kind.value();
    match result {
        Ok(()) => {
            mail_queue::mark_sent(db, notification.id, &now_utc().to_stored()).await?;
            metrics::counter!("mail_sent_total", "kind" => kind).increment(1);
        }
        Err(error) => {
            metrics::counter!("mail_failures_total", "kind" => kind).increment(1);
            let attempts = notification.attempts + 1;
            let wait = 30_i64.saturating_mul(1 << attempts.min(7)).min(3600);
            let next = crate::server::content::Timestamp::from_unix(now_utc().unix() + wait);
            tracing::warn!(reference = %notification.reference, kind = notification.kind.value(), attempts, "notification failed; will retry");
            let failed = FailedAttempt {
                attempts,
                error: &error,
                next_attempt_at: &next.to_stored(),
                max_attempts: MAX_ATTEMPTS,
                now: &now_utc().to_stored(),
            };
            mail_queue::mark_failed(db, notification.id, &failed).await?;
        }
    }
    Ok(())
}

/// The e-mail for one notification; `None` when there is no one to send it to.
fn build(
    mail: &MailConfig,
    clinic: &crate::domain::ClinicInfo,
    kind: NotificationKind,
    reference: &str,
    email: Option<&str>,
    locale: crate::domain::Locale,
) -> anyhow::Result<Option<Message>> {
    let (to, subject, body) = match kind {
        NotificationKind::Staff => {
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
        NotificationKind::Patient => {
            let Some(email) = email else { return Ok(None) };
            let to: Mailbox = email.parse().context("patient address")?;
            // In the language of the page the patient wrote from; the
            // reference and the phone only: never what they wrote.
            let say = |message, variables: &[(&str, &str)]| {
                let variables: Vec<_> = variables
                    .iter()
                    .map(|(name, value)| (*name, fluent_bundle::FluentValue::from(*value)))
                    .collect();
                crate::server::i18n::text_with(locale, message, &variables)
            };
            let phone = clinic.phone.to_string();
            let body = format!(
                "{}\n\n{}\n\n{}\n{}\n\n{}\n",
                say(Msg::MailThanks, &[("clinic", &clinic.name)]),
                say(Msg::MailReceived, &[("reference", reference)]),
                say(Msg::MailNext, &[]),
                say(Msg::MailSooner, &[("phone", &phone)]),
                say(Msg::MailNotYou, &[]),
            );
            (
                vec![to],
                say(Msg::MailSubject, &[("reference", reference)]),
                body,
            )
        }
    };
    let mut builder = Message::builder().from(mail.from.clone()).subject(subject);
    for mailbox in to {
        builder = builder.to(mailbox);
    }
    Ok(Some(builder.body(body).context("building the e-mail")?))
}
