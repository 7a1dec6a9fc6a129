//! The audit log: who did what, when.

use super::{Db, Serial, Tx};
use crate::server::ServerError;

#[derive(Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub at: String,
    /// The staff member's name, if the account still exists.
    pub staff: Option<String>,
    pub action: String,
    pub subject: Option<String>,
}

/// Appends in this process queue here rather than for a database lock
/// each (`append` also takes the database's, for other servers).
static APPEND: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The hash before the first entry.
const GENESIS: &str = "audit-log";

/// One entry's link in the chain: its fields and the previous link.
fn link(
    previous: &str,
    id: i64,
    staff_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> String {
    use sha2::{Digest, Sha256};
    let staff = staff_id.map(|s| s.to_string()).unwrap_or_default();
    let mut hasher = Sha256::new();
    // Fields are separated, and a missing subject differs from an empty one.
    for part in [
        previous,
        &id.to_string(),
        &staff,
        action,
        subject.unwrap_or("\u{0}"),
        at,
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    format!("{:x}", hasher.finalize())
}

#[derive(Debug, sqlx::FromRow)]
struct ChainRow {
    id: i64,
    staff_id: Option<i64>,
    action: String,
    subject: Option<String>,
    at: String,
    hash: Option<String>,
}

impl ChainRow {
    fn link(&self, previous: &str) -> String {
        link(
            previous,
            self.id,
            self.staff_id,
            &self.action,
            self.subject.as_deref(),
            &self.at,
        )
    }
}

async fn append(
    db: &Db,
    staff_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    let _turn = APPEND.lock().await;
    let mut tx = db.begin_serial(Serial::Audit).await?;
    append_in(&mut tx, staff_id, action, subject, at).await?;
    tx.commit().await?;
    Ok(())
}

/// A staff change and its audit entry in one transaction: begun alone among
/// every appender (this process's and other servers'), committed only
/// together with its entry, rolled back (dropped) without one.
pub struct Audited {
    // Declared first so it is dropped first: the next appender's turn
    // starts after this transaction is gone.
    pub tx: Tx,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl Audited {
    pub async fn begin(db: &Db) -> Result<Self, ServerError> {
        let turn = APPEND.lock().await;
        let tx = db.begin_serial(Serial::Audit).await?;
        Ok(Self { _turn: turn, tx })
    }

    /// Records the change as `entry` says and keeps both.
    pub async fn commit(mut self, entry: &Entry<'_>) -> Result<(), ServerError> {
        let Entry {
            staff_id,
            at,
            action,
            subject,
        } = *entry;
        append_in(&mut self.tx, Some(staff_id), action, subject, at).await?;
        self.tx.commit().await?;
        Ok(())
    }

    /// Keeps a change of one row (`changed` rows) with its entry; rolls it
    /// back as not found when it changed none.
    pub async fn commit_one_row(self, changed: u64, entry: &Entry<'_>) -> Result<(), ServerError> {
        if changed == 0 {
            self.rollback().await?;
            return Err(ServerError::NotFound);
        }
        self.commit(entry).await
    }

    /// Keeps nothing (a refused change). Awaited, so the database has let
    /// go of it before the next appender's turn; a drop only queues it.
    pub async fn rollback(self) -> Result<(), ServerError> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Who made a change, when, and how the log names it (`article.save`,
/// the article's address).
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub staff_id: i64,
    pub at: &'a str,
    pub action: &'a str,
    pub subject: Option<&'a str>,
}

/// Appends an entry inside `tx`, which must be a [`Serial::Audit`]
/// transaction: the entry chains onto the last one, which no other server
/// can append after meanwhile.
pub async fn append_in(
    tx: &mut Tx,
    staff_id: Option<i64>,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    let last: Option<(i64, Option<String>)> = crate::on_tx!(tx, c => sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(c).await)?;
    let (id, previous) = match last {
        Some((id, hash)) => (id + 1, hash.unwrap_or_default()),
        None => (1, GENESIS.to_owned()),
    };
    let hash = link(&previous, id, staff_id, action, subject, at);
    crate::on_tx!(tx, c => sqlx::query(
        "INSERT INTO audit_log (id, staff_id, action, subject, at, hash) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(staff_id)
    .bind(action)
    .bind(subject)
    .bind(at)
    .bind(hash)
    .execute(c).await.map(|done| done.rows_affected()))?;
    Ok(())
}

pub async fn record(
    db: &Db,
    staff_id: i64,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    append(db, Some(staff_id), action, subject, at).await
}

/// Records what the server did on its own (no staff member), such as a
/// retention purge.
pub async fn record_system(
    db: &Db,
    action: &str,
    subject: Option<&str>,
    at: &str,
) -> Result<(), ServerError> {
    append(db, None, action, subject, at).await
}

async fn chain(db: &Db) -> Result<Vec<ChainRow>, ServerError> {
    Ok(
        crate::on_pool!(db, c => sqlx::query_as("SELECT id, staff_id, action, subject, at, hash FROM audit_log ORDER BY id")
            .fetch_all(c).await)?,
    )
}

/// Chains the entries written before the log was chained (run at start).
pub async fn chain_unhashed(db: &Db) -> Result<u64, ServerError> {
    let _turn = APPEND.lock().await;
    // Usually none: then the log is not read at every start.
    let unhashed: i64 = crate::on_pool!(db, c => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE hash IS NULL")
        .fetch_one(c).await)?;
    if unhashed == 0 {
        return Ok(0);
    }
    let mut previous = GENESIS.to_owned();
    let mut chained = 0;
    for row in chain(db).await? {
        previous = match row.hash {
            Some(hash) => hash,
            None => {
                let hash = row.link(&previous);
                crate::on_pool!(db, c => sqlx::query("UPDATE audit_log SET hash = $1 WHERE id = $2")
                    .bind(&hash)
                    .bind(row.id)
                    .execute(c).await.map(|done| done.rows_affected()))?;
                chained += 1;
                hash
            }
        };
    }
    Ok(chained)
}

/// What checking the chain found.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// Every entry links to the one before it.
    Intact { entries: u64 },
    /// The first entry whose link does not hold: it, or the one before it,
    /// was changed, removed or inserted after it was written.
    BrokenAt { id: i64, at: String },
}

/// Recomputes the chain from the first entry.
pub async fn verify(db: &Db) -> Result<Verified, ServerError> {
    let mut previous = GENESIS.to_owned();
    let mut entries = 0;
    for (expected_id, row) in (1..).zip(chain(db).await?) {
        let hash = row.link(&previous);
        if row.id != expected_id || row.hash.as_deref() != Some(hash.as_str()) {
            return Ok(Verified::BrokenAt {
                id: row.id,
                at: row.at,
            });
        }
        previous = hash;
        entries += 1;
    }
    Ok(Verified::Intact { entries })
}

/// The newest `limit` entries, newest first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<AuditRow>, ServerError> {
    Ok(crate::on_pool!(db, c => sqlx::query_as(
        "SELECT a.at, s.name AS staff, a.action, a.subject FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         ORDER BY a.at DESC, a.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c).await)?)
}
