-- The audit log is tamper-evident: each entry carries a SHA-256 over the
-- previous entry's hash and its own fields (app/src/server/db/audit.rs).
-- Entries written before this migration are chained at the next start.
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Append-only: nothing the app runs may change or remove an entry (only
-- chaining an entry written before this migration sets its hash). Someone
-- with the file can drop these triggers; the chain still shows the change.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
