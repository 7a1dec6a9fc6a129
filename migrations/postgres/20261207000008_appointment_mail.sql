-- The mail queue serves appointments as well as requests (issue 28): a
-- notification belongs to exactly one of them, and its kind says which
-- e-mail it is.

ALTER TABLE notifications ALTER COLUMN consultation_id DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN appointment_id BIGINT REFERENCES appointments (id) ON DELETE CASCADE;
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
    'staff', 'patient',
    'booking_staff', 'booked', 'reminder',
    'moved', 'cancelled', 'confirmed', 'declined'));
ALTER TABLE notifications ADD CONSTRAINT notifications_subject
    CHECK ((consultation_id IS NULL) <> (appointment_id IS NULL));
CREATE INDEX notifications_of_appointment ON notifications (appointment_id) WHERE appointment_id IS NOT NULL;
