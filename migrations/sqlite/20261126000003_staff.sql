-- Staff accounts, sign-in throttling, the audit log, and notes on requests.
-- Sessions live in tower-sessions' own table (created at start).

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'front_desk')),
    password_hash TEXT NOT NULL,      -- argon2id, PHC string
    disabled_at   TEXT,               -- set: the account can't sign in, its sessions stop working
    created_at    TEXT NOT NULL
);

-- Failed sign-ins per account and per client, for slowing down and locking.
CREATE TABLE sign_in_failures (
    key             TEXT PRIMARY KEY, -- 'account:<email>' or 'client:<ip>'
    failures        INTEGER NOT NULL,
    locked_until    TEXT,
    last_failure_at TEXT NOT NULL
);

-- Who did what, when: every view, status change and export of patient data.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    staff_id INTEGER REFERENCES staff (id),
    action   TEXT NOT NULL,   -- e.g. 'consultation.view'
    subject  TEXT,            -- e.g. a request's reference; never patient data
    at       TEXT NOT NULL
);

CREATE INDEX audit_log_recent ON audit_log (at DESC);

CREATE TABLE consultation_notes (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    staff_id        INTEGER NOT NULL REFERENCES staff (id),
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
