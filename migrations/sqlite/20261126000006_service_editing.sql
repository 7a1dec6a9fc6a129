-- Editing service pages in the admin: a version for conflict detection and
-- when it last changed (for the sitemap's lastmod).

ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN updated_at TEXT;
UPDATE services SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE updated_at IS NULL;
