//! The notification e-mails a consultation request or an appointment
//! causes, queued in the `notifications` table until they are sent or
//! given up. Each belongs to one request or one appointment.

use super::Db;
use crate::server::ServerError;

/// Which e-mail a notification is, and so who it goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationKind {
    /// The clinic's staff: a request arrived.
    Staff,
    /// The patient, if they gave an e-mail: we received it.
    Patient,
    /// The clinic's staff: an appointment was booked, moved or cancelled
    /// online (its reference only).
    BookingStaff,
    /// The patient: the booking (or the request for a time), with its
    /// calendar file and manage link.
    Booked,
    /// The patient, a while before the visit; never for one cancelled.
    Reminder,
    /// The patient: their appointment has a new time.
    Moved,
    /// The patient: their appointment is cancelled.
    Cancelled,
    /// The patient: the front desk confirmed the time they asked for.
    Confirmed,
    /// The patient: the front desk could not give them that time.
    Declined,
}

impl NotificationKind {
    pub const ALL: [Self; 9] = [
        Self::Staff,
        Self::Patient,
        Self::BookingStaff,
        Self::Booked,
        Self::Reminder,
        Self::Moved,
        Self::Cancelled,
        Self::Confirmed,
        Self::Declined,
    ];

    /// The value stored in the database (and logged).
    pub fn value(self) -> &'static str {
        match self {
            Self::Staff => "staff",
            Self::Patient => "patient",
            Self::BookingStaff => "booking_staff",
            Self::Booked => "booked",
            Self::Reminder => "reminder",
            Self::Moved => "moved",
            Self::Cancelled => "cancelled",
            Self::Confirmed => "confirmed",
            Self::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.value() == raw)
    }
}

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A consultation request (`consultations.id`).
    Request(i64),
    /// An appointment (`appointments.id`).
    Appointment(i64),
}

fn stored_kind(raw: &str) -> Result<NotificationKind, ServerError> {
    NotificationKind::parse(raw)
        .ok_or_else(|| ServerError::Corrupt(format!("notification kind {raw:?}")))
}

/// A notification whose time to be sent has come.
#[derive(Debug)]
pub struct DueNotification {
    pub id: i64,
    pub kind: NotificationKind,
    pub attempts: i64,
    pub subject: Subject,
    /// The request's or the appointment's reference.
    pub reference: String,
    /// The patient's e-mail, if they gave one.
    pub email: Option<String>,
    /// The language of the page the patient wrote from.
    pub locale: String,
}

#[derive(sqlx::FromRow)]
struct DueRow {
    id: i64,
    kind: String,
    attempts: i64,
    consultation_id: Option<i64>,
    appointment_id: Option<i64>,
    reference: String,
    /// Sealed (see `requests` and `appointments`).
    email: Option<Vec<u8>>,
    locale: String,
}

/// A notification of a request that failed at least once and is not sent.
#[derive(Debug)]
pub struct UnsentNotification {
    pub kind: NotificationKind,
    pub attempts: i64,
}

#[derive(sqlx::FromRow)]
struct UnsentRow {
    kind: String,
    attempts: i64,
}

/// Queues a notification about `subject`, due at `due_at`, inside the
/// transaction that stores or changes it.
pub(super) async fn enqueue(
    tx: &mut crate::server::db::Tx,
    subject: Subject,
    kind: NotificationKind,
    due_at: &str,
) -> Result<(), ServerError> {
    let (request, appointment) = match subject {
        Subject::Request(id) => (Some(id), None),
        Subject::Appointment(id) => (None, Some(id)),
    };
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO notifications (consultation_id, appointment_id, kind, next_attempt_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(request)
    .bind(appointment)
    .bind(kind.value())
    .bind(due_at)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// Drops an appointment's reminder not sent yet (it was cancelled), or
/// moves it to `due_at` (it was moved), inside the change's transaction.
pub(super) async fn reschedule_reminder(
    tx: &mut crate::server::db::Tx,
    appointment_id: i64,
    due_at: Option<&str>,
) -> Result<(), ServerError> {
    crate::on_tx!(tx, c => sqlx::query(
        "DELETE FROM notifications WHERE appointment_id = $1 AND kind = 'reminder'
           AND sent_at IS NULL AND failed_at IS NULL",
    )
    .bind(appointment_id)
    .execute(c).await.map(|done| done.rows_affected()))?;
    if let Some(due_at) = due_at {
        enqueue(
            tx,
            Subject::Appointment(appointment_id),
            NotificationKind::Reminder,
            due_at,
        )
        .await?;
    }
    Ok(())
}

/// Claims up to 5 notifications due at `now`, oldest first, until
/// `until`, and returns them: another app server (or this one's next pass)
/// leaves a claimed notification alone until then, so each e-mail is sent
/// once whichever servers run. The UPDATE repeats its condition on the row
/// itself, which PostgreSQL re-reads when another transaction has just
/// changed it: two servers never claim the same notification (SQLite has
/// one writer at a time anyway).
pub async fn due(
    db: &Db,
    vault: &crate::server::vault::Vault,
    claimant: &str,
    now: &str,
    until: &str,
) -> Result<Vec<DueNotification>, ServerError> {
    let claim = format!("{claimant}:{:016x}", rand::random::<u64>());
    crate::on_pool!(db, c => sqlx::query(
        "UPDATE notifications SET claimed_by = $1, claimed_until = $2
         WHERE id IN (SELECT id FROM notifications
                      WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
                        AND (claimed_until IS NULL OR claimed_until <= $3)
                      ORDER BY id LIMIT 5)
           AND sent_at IS NULL AND failed_at IS NULL
           AND (claimed_until IS NULL OR claimed_until <= $3)",
    )
    .bind(&claim)
    .bind(until)
    .bind(now)
    .execute(c).await.map(|done| done.rows_affected()))?;
    let rows: Vec<DueRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT n.id, n.kind, n.attempts, n.consultation_id, n.appointment_id,
           COALESCE(c.reference, a.reference) AS reference,
           COALESCE(c.email, a.email) AS email, COALESCE(c.locale, a.locale) AS locale
         FROM notifications n
         LEFT JOIN consultations c ON c.id = n.consultation_id
         LEFT JOIN appointments a ON a.id = n.appointment_id
         WHERE n.claimed_by = $1 AND n.sent_at IS NULL AND n.failed_at IS NULL
         ORDER BY n.id",
    )
    .bind(&claim)
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            let (subject, email) = match (row.consultation_id, row.appointment_id) {
                (Some(id), _) => (
                    Subject::Request(id),
                    super::requests::open_optional(
                        vault,
                        &row.reference,
                        "email",
                        row.email.as_deref(),
                    )?,
                ),
                (None, Some(id)) => (
                    Subject::Appointment(id),
                    row.email
                        .as_deref()
                        .map(|sealed| {
                            super::appointments::open(vault, &row.reference, "email", sealed)
                        })
                        .transpose()?,
                ),
                (None, None) => {
                    return Err(ServerError::Corrupt(format!(
                        "notification {} has no subject",
                        row.id
                    )))
                }
            };
            Ok(DueNotification {
                id: row.id,
                kind: stored_kind(&row.kind)?,
                attempts: row.attempts,
                subject,
                email,
                reference: row.reference,
                locale: row.locale,
            })
        })
        .collect()
}

/// Gives back what `claimant` (one server process) claimed and did not
/// send, when it stops: the next server to start takes them at once.
pub async fn release(db: &Db, claimant: &str) -> Result<u64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query(
        "UPDATE notifications SET claimed_by = NULL, claimed_until = NULL
         WHERE claimed_by LIKE $1 AND sent_at IS NULL",
    )
    .bind(format!("{claimant}:%"))
    .execute(c).await.map(|done| done.rows_affected()))?)
}

/// Notifications neither sent nor given up: the queue's depth.
pub async fn pending(db: &Db) -> Result<i64, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE sent_at IS NULL AND failed_at IS NULL",
    )
    .fetch_one(c).await)?)
}

pub async fn mark_sent(db: &Db, id: i64, sent_at: &str) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query("UPDATE notifications SET sent_at = $1, attempts = attempts + 1 WHERE id = $2")
        .bind(sent_at)
        .bind(id)
        .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// A failed attempt: its count (`attempts`, including this one), the error
/// shown to staff, when to try again, and given up once `attempts` reaches
/// `max_attempts`.
pub struct FailedAttempt<'a> {
    pub attempts: i64,
    pub error: &'a str,
    pub next_attempt_at: &'a str,
    pub max_attempts: i64,
    pub now: &'a str,
}

pub async fn mark_failed(db: &Db, id: i64, failed: &FailedAttempt<'_>) -> Result<(), ServerError> {
    crate::on_pool!(db, c => sqlx::query(
        "UPDATE notifications SET attempts = $1, last_error = $2, next_attempt_at = $3,
           failed_at = CASE WHEN $4 >= $5 THEN $6 END, claimed_until = NULL WHERE id = $7",
    )
    .bind(failed.attempts)
    .bind(failed.error)
    .bind(failed.next_attempt_at)
    .bind(failed.attempts)
    .bind(failed.max_attempts)
    .bind(failed.now)
    .bind(id)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

/// The notifications of request `consultation_id` that failed and are not sent.
pub async fn unsent_of_request(
    db: &Db,
    consultation_id: i64,
) -> Result<Vec<UnsentNotification>, ServerError> {
    let rows: Vec<UnsentRow> = crate::on_pool!(db, c => sqlx::query_as(
        "SELECT kind, attempts FROM notifications WHERE consultation_id = $1 AND sent_at IS NULL AND attempts > 0",
    )
    .bind(consultation_id)
    .fetch_all(c).await)?;
    rows.into_iter()
        .map(|row| {
            Ok(UnsentNotification {
                kind: stored_kind(&row.kind)?,
                attempts: row.attempts,
            })
        })
        .collect()
}
