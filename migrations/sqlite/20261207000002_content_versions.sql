-- Every staff save of a translation is versioned like the English content
-- (a stale save is refused), and every save of a service page or of a
-- translation is kept as a revision (issue 27): what was saved, as JSON,
-- whatever the kind of content and the language. (Articles in English keep
-- theirs in article_revisions, which the editor restores from.)
ALTER TABLE article_translations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service_translations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE content_revisions (
    kind        TEXT NOT NULL,    -- 'article', 'service'
    content_id  INTEGER NOT NULL, -- the article's or service's id
    locale      TEXT NOT NULL,    -- 'en' for the content as written
    version     INTEGER NOT NULL,
    content     TEXT NOT NULL,    -- the saved fields, as JSON
    saved_by    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (kind, content_id, locale, version)
);
