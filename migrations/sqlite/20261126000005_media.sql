-- Uploaded images. The key is derived from the uploaded bytes, so a file
-- name never changes meaning and can be cached for ever; `widths` lists the
-- re-encoded JPEG sizes stored as <key>-<width>.jpg in the media directory.

CREATE TABLE media (
    key         TEXT PRIMARY KEY,
    width       INTEGER NOT NULL, -- of the largest stored size
    height      INTEGER NOT NULL,
    widths      TEXT NOT NULL,    -- comma-separated, ascending
    uploaded_by INTEGER REFERENCES staff (id),
    uploaded_at TEXT NOT NULL
);

ALTER TABLE article_revisions ADD COLUMN hero_src TEXT;
ALTER TABLE article_revisions ADD COLUMN hero_alt TEXT;
ALTER TABLE article_revisions ADD COLUMN hero_decorative INTEGER NOT NULL DEFAULT 0;
