-- Spanish (issue 20): other languages' versions of service pages and of
-- the clinic's facts, and the language of each consultation request. A
-- service without a translation is shown in English; a translation without
-- a body shows the English body with a note.

CREATE TABLE service_translations (
    service_id      INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    locale          TEXT NOT NULL,
    slug            TEXT NOT NULL,
    name            TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body_md         TEXT NOT NULL DEFAULT '',
    body_html       TEXT NOT NULL DEFAULT '', -- rendered and sanitised when saved
    PRIMARY KEY (service_id, locale),
    UNIQUE (locale, slug)
);

CREATE TABLE clinic_translations (
    locale      TEXT PRIMARY KEY,
    tagline     TEXT NOT NULL,
    description TEXT NOT NULL,
    about       TEXT NOT NULL,
    area_served TEXT NOT NULL,
    hours       TEXT NOT NULL DEFAULT '' -- one per line
);

CREATE TRIGGER service_translations_changed_insert AFTER INSERT ON service_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER service_translations_changed_update AFTER UPDATE ON service_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER service_translations_changed_delete AFTER DELETE ON service_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER clinic_translations_changed_insert AFTER INSERT ON clinic_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER clinic_translations_changed_update AFTER UPDATE ON clinic_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER clinic_translations_changed_delete AFTER DELETE ON clinic_translations BEGIN UPDATE content_generation SET value = value + 1; END;

-- An article in another language, at its English slug under `/es`; an
-- article without one is shown in English with a note.
CREATE TABLE article_translations (
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    locale          TEXT NOT NULL,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body_md         TEXT NOT NULL,
    body_html       TEXT NOT NULL, -- rendered and sanitised when saved
    PRIMARY KEY (article_id, locale)
);
CREATE TRIGGER article_translations_changed_insert AFTER INSERT ON article_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER article_translations_changed_update AFTER UPDATE ON article_translations BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER article_translations_changed_delete AFTER DELETE ON article_translations BEGIN UPDATE content_generation SET value = value + 1; END;

-- The language of the page a request was sent from: staff see it, and the
-- patient's acknowledgement is written in it.
ALTER TABLE consultations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
