-- A practitioner's short bio in the site's other languages (issue 28): the
-- Spanish booking pages show the Spanish one, and the English one where
-- none is written.
CREATE TABLE practitioner_translations (
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    locale          TEXT NOT NULL,
    bio             TEXT NOT NULL,
    PRIMARY KEY (practitioner_id, locale)
);
