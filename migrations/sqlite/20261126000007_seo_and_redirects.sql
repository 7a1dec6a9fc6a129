-- Search engines and moving off WordPress: per-page title and description
-- overrides, the clinic's medical specialties, where an article came from in
-- WordPress, and old addresses that now live elsewhere.

ALTER TABLE clinic ADD COLUMN specialties TEXT NOT NULL DEFAULT ''; -- one per line
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN wordpress_id INTEGER;
CREATE UNIQUE INDEX articles_by_wordpress_id ON articles (wordpress_id) WHERE wordpress_id IS NOT NULL;
ALTER TABLE services ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE services ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';

CREATE TABLE redirects (
    from_path  TEXT PRIMARY KEY, -- "/old-post/" or "/?p=12"
    to_path    TEXT NOT NULL,
    origin     TEXT NOT NULL CHECK (origin IN ('wordpress', 'staff')),
    created_at TEXT NOT NULL
);

-- WordPress's feed address: readers subscribed to it keep their feed.
INSERT INTO redirects (from_path, to_path, origin, created_at)
VALUES ('/feed/', '/feed.xml', 'wordpress', '2026-11-26T00:00:00Z');

ALTER TABLE article_revisions ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
