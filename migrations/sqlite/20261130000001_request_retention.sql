-- When a request last changed status: closed and spam requests are deleted
-- REQUEST_RETENTION_DAYS after it (README, privacy). Existing requests count
-- from when they arrived.
ALTER TABLE consultations ADD COLUMN status_changed_at TEXT;
UPDATE consultations SET status_changed_at = created_at;
CREATE INDEX consultations_retention ON consultations (status, status_changed_at);
