-- Consultation requests and the e-mails they cause. Patient fields live only
-- here: never in logs, URLs or e-mail bodies.

CREATE TABLE consultations (
    id               INTEGER PRIMARY KEY,
    reference        TEXT NOT NULL UNIQUE,  -- what the patient quotes: CR-XXXX-XXXX
    submission_token TEXT NOT NULL UNIQUE,  -- one request per rendered form
    name             TEXT NOT NULL,
    phone            TEXT NOT NULL,         -- ten digits
    email            TEXT,
    contact_method   TEXT NOT NULL,
    service_slug     TEXT,                  -- NULL: not sure
    service_name     TEXT,                  -- as it was called when asked
    patient          TEXT NOT NULL,
    days             TEXT NOT NULL,         -- comma-separated: mon,wed
    time_of_day      TEXT NOT NULL,
    message          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'new'
                     CHECK (status IN ('new', 'contacted', 'scheduled', 'closed', 'spam')),
    spam_reason      TEXT,                  -- why it was marked spam, if it was
    created_at       TEXT NOT NULL
);

CREATE INDEX consultations_inbox ON consultations (status, created_at DESC);

-- Store first, notify later: a failed e-mail never loses or delays a request.
CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    kind            TEXT NOT NULL CHECK (kind IN ('staff', 'patient')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at         TEXT,
    failed_at       TEXT,                   -- gave up after the last attempt
    last_error      TEXT                    -- shown to staff; never patient data
);

CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- Keys the server generates once and keeps (the form-token signing key).
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
