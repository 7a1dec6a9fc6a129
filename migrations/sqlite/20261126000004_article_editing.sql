-- Editing articles in the admin: a version for conflict detection, a
-- decorative-hero choice, and every saved version kept.

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN hero_decorative INTEGER NOT NULL DEFAULT 0;

CREATE TABLE article_revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    slug       TEXT NOT NULL,
    category   TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    saved_by   INTEGER REFERENCES staff (id),
    saved_at   TEXT NOT NULL
);

CREATE INDEX article_revisions_by_article ON article_revisions (article_id, version DESC);
