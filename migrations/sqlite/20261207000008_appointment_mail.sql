-- The mail queue serves appointments as well as requests (issue 28): a
-- notification belongs to exactly one of them, and its kind says which
-- e-mail it is. SQLite cannot change a CHECK in place, so the table is
-- copied into its new shape.

CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER REFERENCES consultations (id),
    appointment_id  INTEGER REFERENCES appointments (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN (
                        'staff', 'patient',                      -- a request
                        'booking_staff', 'booked', 'reminder',  -- an appointment
                        'moved', 'cancelled', 'confirmed', 'declined')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT,
    failed_at       TEXT,                   -- gave up after the last attempt
    last_error      TEXT,                   -- shown to staff; never patient data
    claimed_by      TEXT,
    claimed_until   TEXT,
    CHECK ((consultation_id IS NULL) <> (appointment_id IS NULL))
);

INSERT INTO notifications_new (id, consultation_id, kind, attempts, next_attempt_at, sent_at,
                               failed_at, last_error, claimed_by, claimed_until)
SELECT id, consultation_id, kind, attempts, next_attempt_at, sent_at, failed_at, last_error,
       claimed_by, claimed_until
FROM notifications;

DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX notifications_of_appointment ON notifications (appointment_id) WHERE appointment_id IS NOT NULL;
