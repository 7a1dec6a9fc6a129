-- Online booking (issue 28): practitioners, the appointment types of each
-- service, weekly hours and their exceptions, the clinic's booking rules,
-- and appointments. Instants are Unix seconds (UTC); hours are minutes
-- after local midnight in the clinic's zone (CLINIC_TIME_ZONE), so a 9:00
-- start stays 9:00 on both sides of a daylight-saving change.

CREATE TABLE practitioners (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    bio        TEXT NOT NULL DEFAULT '',
    photo_key  TEXT REFERENCES media (key),
    photo_alt  TEXT NOT NULL DEFAULT '',
    languages  TEXT NOT NULL DEFAULT 'en', -- comma-separated locale codes
    active     INTEGER NOT NULL DEFAULT 1,
    position   INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE practitioner_services (
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    service_id      INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (practitioner_id, service_id)
);

CREATE TABLE appointment_types (
    id                    INTEGER PRIMARY KEY,
    service_id            INTEGER NOT NULL REFERENCES services (id),
    name                  TEXT NOT NULL, -- in English; other languages below
    duration_minutes      INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120),
    buffer_after_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
    patients              TEXT NOT NULL DEFAULT 'both' CHECK (patients IN ('new', 'returning', 'both')),
    mode                  TEXT NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'request')),
    active                INTEGER NOT NULL DEFAULT 1,
    position              INTEGER NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE appointment_type_translations (
    type_id INTEGER NOT NULL REFERENCES appointment_types (id) ON DELETE CASCADE,
    locale  TEXT NOT NULL,
    name    TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (type_id, locale)
);

-- A practitioner's usual week: one row per working range; the gaps
-- between a day's ranges are breaks. Monday is 0.
CREATE TABLE working_hours (
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute    INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute      INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (start_minute < end_minute),
    PRIMARY KEY (practitioner_id, weekday, start_minute)
);

-- Changes to the usual week, on local dates (YYYY-MM-DD): time off or a
-- closure (no minutes: the whole days first_day..last_day), or other
-- hours on one day (one row per range). No practitioner: the whole clinic.
CREATE TABLE schedule_exceptions (
    id              INTEGER PRIMARY KEY,
    practitioner_id INTEGER REFERENCES practitioners (id) ON DELETE CASCADE,
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL,
    start_minute    INTEGER,
    end_minute      INTEGER,
    note            TEXT NOT NULL DEFAULT '',
    CHECK (first_day <= last_day),
    CHECK ((start_minute IS NULL) = (end_minute IS NULL)),
    CHECK (start_minute IS NULL OR (first_day = last_day AND start_minute < end_minute
                                    AND practitioner_id IS NOT NULL))
);

CREATE TABLE booking_rules (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    min_notice_minutes  INTEGER NOT NULL DEFAULT 120 CHECK (min_notice_minutes >= 0),
    horizon_days        INTEGER NOT NULL DEFAULT 60 CHECK (horizon_days BETWEEN 1 AND 365),
    cancel_cutoff_hours INTEGER NOT NULL DEFAULT 24 CHECK (cancel_cutoff_hours >= 0),
    reminder_hours      INTEGER NOT NULL DEFAULT 24 CHECK (reminder_hours >= 0),
    version             INTEGER NOT NULL DEFAULT 1
);
INSERT INTO booking_rules (id) VALUES (1);

-- The patient's name, phone, e-mail and message are sealed like a
-- request's (vault.rs). held_from/held_until: the visit with its buffers,
-- which no other appointment of the practitioner that holds its time may
-- overlap.
CREATE TABLE appointments (
    id                INTEGER PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE, -- what the patient quotes: AP-XXXX-XXXX
    submission_token  TEXT UNIQUE,          -- one booking per rendered form; NULL when staff book
    practitioner_id   INTEGER NOT NULL REFERENCES practitioners (id),
    type_id           INTEGER NOT NULL REFERENCES appointment_types (id),
    starts_at         INTEGER NOT NULL,
    ends_at           INTEGER NOT NULL,
    held_from         INTEGER NOT NULL,
    held_until        INTEGER NOT NULL,
    status            TEXT NOT NULL
                      CHECK (status IN ('requested', 'booked', 'arrived', 'no_show', 'cancelled', 'declined')),
    patient           TEXT NOT NULL CHECK (patient IN ('new', 'returning')),
    locale            TEXT NOT NULL,
    name              BLOB NOT NULL,
    phone             BLOB NOT NULL,
    email             BLOB NOT NULL,
    message           BLOB NOT NULL,
    manage_token_hash TEXT NOT NULL UNIQUE, -- SHA-256 of the manage link's token
    booked_by         INTEGER REFERENCES staff (id), -- NULL: the patient, online
    created_at        TEXT NOT NULL,
    status_changed_at TEXT,
    CHECK (starts_at < ends_at AND held_from <= starts_at AND ends_at <= held_until)
);
CREATE INDEX appointments_by_time ON appointments (practitioner_id, held_from);
CREATE INDEX appointments_by_day ON appointments (starts_at);

-- Never double-booked: two appointments of one practitioner that hold
-- their time may not overlap, buffers included. SQLite has no exclusion
-- constraint; a booking checks and inserts in one write transaction, and
-- these triggers refuse an overlap whatever wrote it.
CREATE TRIGGER appointments_never_overlap_insert
BEFORE INSERT ON appointments
WHEN NEW.status IN ('booked', 'arrived', 'no_show')
 AND EXISTS (SELECT 1 FROM appointments a
             WHERE a.practitioner_id = NEW.practitioner_id
               AND a.status IN ('booked', 'arrived', 'no_show')
               AND a.held_from < NEW.held_until AND NEW.held_from < a.held_until)
BEGIN
    SELECT RAISE(ABORT, 'appointments_never_overlap');
END;

CREATE TRIGGER appointments_never_overlap_update
BEFORE UPDATE OF practitioner_id, held_from, held_until, status ON appointments
WHEN NEW.status IN ('booked', 'arrived', 'no_show')
 AND EXISTS (SELECT 1 FROM appointments a
             WHERE a.id <> NEW.id
               AND a.practitioner_id = NEW.practitioner_id
               AND a.status IN ('booked', 'arrived', 'no_show')
               AND a.held_from < NEW.held_until AND NEW.held_from < a.held_until)
BEGIN
    SELECT RAISE(ABORT, 'appointments_never_overlap');
END;
