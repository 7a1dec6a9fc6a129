-- The clinic's facts are saved like every other staff content (issue 27):
-- against the version the editor opened (a stale save is refused), with a
-- revision in content_revisions and the audit entry in one transaction.
ALTER TABLE clinic ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
