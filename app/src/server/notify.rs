//! Sends the e-mails a consultation request or an appointment causes, from
//! a queue in the database, so a mail outage never loses or delays either.
//! E-mails carry no health information: staff get a reference and a link;
//! a patient gets their reference, and for an appointment its time, type
//! and place, a calendar file and their manage link, never what they typed.

use crate::domain::Msg;
use crate::server::content::now_utc;
use crate::server::db::appointments::{self, ManagedRow};
use crate::server::db::mail_queue::{
    self, DueNotification, FailedAttempt, NotificationKind, Subject,
};
use crate::server::db::{Db, WriteGate};
use crate::server::requests::FormSigner;
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
    let signer = desk.signer.clone();
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
            let keys = Keys {
                vault: &vault,
                signer: &signer,
            };
            if let Err(e) = deliver_due(&db, keys, &mail, transport.as_ref(), &writes).await {
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

/// What opens the queue's e-mail addresses and makes manage links.
#[derive(Clone, Copy)]
struct Keys<'a> {
    vault: &'a Vault,
    signer: &'a FormSigner,
}

#[tracing::instrument(skip_all)]
async fn deliver_due(
    db: &Db,
    keys: Keys<'_>,
    mail: &MailConfig,
    transport: Option<&Transport>,
    writes: &WriteGate,
) -> anyhow::Result<()> {
    let now = now_utc();
    let until = crate::server::content::Timestamp::from_unix(now.unix() + CLAIM_SECONDS);
    let due = mail_queue::due(
        db,
        keys.vault,
        claimant(),
        &now.to_stored(),
        &until.to_stored(),
    )
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
        let result = match compose(db, keys, mail, &clinic, &notification).await {
            Ok(message) => send(transport, &notification, message).await,
            Err(e) => Err(format!("{e:#}")),
        };
        let _turn = writes.enter().await;
        record_attempt(db, &notification, result).await?;
    }
    Ok(())
}

/// Sends one notification's e-mail (or logs it without SMTP); `Err` says
/// why it failed. `None`: no one to send it to, or nothing to say any more.
async fn send(
    transport: Option<&Transport>,
    notification: &DueNotification,
    message: Option<Message>,
) -> Result<(), String> {
    let (kind, reference) = (notification.kind.value(), &notification.reference);
    let Some(message) = message else {
        return Ok(());
    };
    let Some(transport) = transport else {
        tracing::info!(%reference, kind, "notification (no SMTP configured: logged only)");
        return Ok(());
    };
    transport
        .send(message)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The e-mail for one notification; `None` when there is no one to send
/// it to or nothing to say (a reminder of a cancelled appointment).
async fn compose(
    db: &Db,
    keys: Keys<'_>,
    mail: &MailConfig,
    clinic: &crate::domain::ClinicInfo,
    notification: &DueNotification,
) -> anyhow::Result<Option<Message>> {
    let locale = crate::domain::Locale::from_code(&notification.locale).unwrap_or_default();
    match notification.subject {
        Subject::Request(_) => build(
            mail,
            clinic,
            notification.kind,
            &notification.reference,
            notification.email.as_deref(),
            locale,
        ),
        Subject::Appointment(id) => {
            let row = appointments::by_id(db, id, locale.code())
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let Some(row) = row else { return Ok(None) };
            let about = Appointment {
                row: &row,
                email: notification.email.as_deref(),
                locale,
                manage_token: &keys.signer.manage_token(&row.reference),
            };
            appointment_mail(mail, clinic, notification.kind, &about)
        }
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

/// A request's e-mail; `None` when there is no one to send it to.
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
        // A request's patient e-mail: the only other kind it has.
        _ => {
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

/// An appointment as its e-mails need it.
struct Appointment<'a> {
    row: &'a ManagedRow,
    email: Option<&'a str>,
    locale: crate::domain::Locale,
    manage_token: &'a str,
}

/// One step: the patient's e-mail, its lines in order.
/// An appointment's e-mail of `kind`: to staff, its reference and the
/// schedule's address only; to the patient, in the language they booked
/// in, the time in the clinic's zone, the place, their manage link and
/// the calendar file, all of which say the same instant.
fn appointment_mail(
    mail: &MailConfig,
    clinic: &crate::domain::ClinicInfo,
    kind: NotificationKind,
    about: &Appointment<'_>,
) -> anyhow::Result<Option<Message>> {
    let row = about.row;
    let public = mail.public_url.trim_end_matches('/');
    if kind == NotificationKind::BookingStaff {
        return staff_appointment_mail(mail, row);
    }
    if kind == NotificationKind::Reminder && row.status != "booked" {
        tracing::info!(reference = %row.reference, status = %row.status, "reminder not sent: the appointment no longer holds its time");
        return Ok(None);
    }
    let Some(email) = about.email.filter(|e| !e.trim().is_empty()) else {
        return Ok(None);
    };
    let to: Mailbox = email.parse().context("patient address")?;
    let locale = about.locale;
    let start = jiff::Timestamp::from_second(row.starts_at).context("the appointment's start")?;
    let time = crate::server::schedule::words::label(
        locale,
        start,
        crate::server::content::clinic_zone(),
        row.duration_minutes,
        &row.practitioner_name,
    );
    let pages = crate::routes::Pages(locale);
    let link = format!("{public}{}", pages.book_manage(about.manage_token));
    let book = format!("{public}{}", pages.book());
    let phone = clinic.phone.to_string();
    let say = |message, variables: &[(&str, &str)]| {
        let variables: Vec<_> = variables
            .iter()
            .map(|(name, value)| (*name, fluent_bundle::FluentValue::from(*value)))
            .collect();
        crate::server::i18n::text_with(locale, message, &variables)
    };
    let requested = row.status == "requested";
    let (subject, lead) = match kind {
        NotificationKind::Booked if requested => {
            (Msg::MailRequestedSubject, Msg::MailRequestedBody)
        }
        NotificationKind::Reminder => (Msg::MailReminderSubject, Msg::MailReminderBody),
        NotificationKind::Moved => (Msg::MailMovedSubject, Msg::MailMovedBody),
        NotificationKind::Cancelled => (Msg::MailCancelledSubject, Msg::MailCancelledBody),
        NotificationKind::Confirmed => (Msg::MailConfirmedSubject, Msg::MailConfirmedBody),
        NotificationKind::Declined => (Msg::MailDeclinedSubject, Msg::MailDeclinedBody),
        _ => (Msg::MailBookedSubject, Msg::MailBookedBody),
    };
    let words: [(&str, &str); 7] = [
        ("clinic", &clinic.name),
        ("time", &time),
        ("kind", &row.type_name),
        ("reference", &row.reference),
        ("book", &book),
        ("phone", &phone),
        ("link", &link),
    ];
    let over = matches!(
        kind,
        NotificationKind::Cancelled | NotificationKind::Declined
    );
    let mut body = vec![
        say(lead, &words),
        say(Msg::MailAppointmentReference, &words),
    ];
    if !over {
        if let Some(address) = &clinic.address {
            body.push(say(Msg::MailAppointmentWhere, &[("address", address)]));
        }
        body.push(say(Msg::MailAppointmentManage, &words));
        body.push(say(Msg::MailAppointmentCalendar, &[]));
    }
    body.push(say(Msg::MailAppointmentCall, &words));
    body.push(say(Msg::MailAppointmentNotYou, &[]));
    let text = body.join("\n\n") + "\n";
    let builder = Message::builder()
        .from(mail.from.clone())
        .to(to)
        .subject(say(subject, &words));
    if over {
        return Ok(Some(builder.body(text).context("building the e-mail")?));
    }
    with_calendar(builder, text, row, clinic, public).map(Some)
}

/// The staff's notice of an appointment: its reference and the schedule's
/// address, nothing about the patient.
fn staff_appointment_mail(mail: &MailConfig, row: &ManagedRow) -> anyhow::Result<Option<Message>> {
    if mail.staff.is_empty() {
        return Ok(None);
    }
    let what = match row.status.as_str() {
        "cancelled" => "cancelled online",
        "requested" => "asked for online, and waits for the front desk to confirm it",
        _ => "booked or moved online",
    };
    let body = format!(
        "Appointment {reference} was {what}.\n\n\
         See it in the schedule: {public}{schedule}\n\n\
         (For privacy, this e-mail does not say who the patient is.)\n",
        reference = row.reference,
        public = mail.public_url.trim_end_matches('/'),
        schedule = crate::routes::ADMIN_SCHEDULE,
    );
    let mut builder = Message::builder()
        .from(mail.from.clone())
        .subject(format!("Appointment {}", row.reference));
    for mailbox in &mail.staff {
        builder = builder.to(mailbox.clone());
    }
    Ok(Some(builder.body(body).context("building the e-mail")?))
}

/// The e-mail's `text` with the appointment's calendar file attached.
fn with_calendar(
    builder: lettre::message::MessageBuilder,
    text: String,
    row: &ManagedRow,
    clinic: &crate::domain::ClinicInfo,
    public: &str,
) -> anyhow::Result<Message> {
    let host = public.split_once("://").map_or(public, |(_, rest)| rest);
    let calendar = crate::server::schedule::manage::calendar_of(row, clinic, host)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let file = lettre::message::Attachment::new(format!("{}.ics", row.reference)).body(
        calendar,
        lettre::message::header::ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
            .context("the calendar's content type")?,
    );
    let parts = lettre::message::MultiPart::mixed()
        .singlepart(lettre::message::SinglePart::plain(text))
        .singlepart(file);
    builder.multipart(parts).context("building the e-mail")
}
