-- Staff second factor (TOTP). The secret is sealed with the data key, like
-- patients' data; the last accepted time step refuses a code used twice.
ALTER TABLE staff ADD COLUMN totp_secret BLOB;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;

-- One-time recovery codes, stored as SHA-256 hashes (each code is random
-- and long enough that a fast hash is no shortcut).
CREATE TABLE recovery_codes (
    id        INTEGER PRIMARY KEY,
    staff_id  INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    used_at   TEXT
);
CREATE INDEX recovery_codes_by_staff ON recovery_codes (staff_id);
