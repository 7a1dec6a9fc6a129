-- Staff write the clinic's words in other languages in the admin (issue
-- 27), saved like every translation: against the version the editor opened.
ALTER TABLE clinic_translations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
