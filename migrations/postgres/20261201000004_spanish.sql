-- Spanish (issue 20): other languages' versions of service pages and of
-- the clinic's facts, and the language of each consultation request. A
-- service without a translation is shown in English; a translation without
-- a body shows the English body with a note.

CREATE TABLE service_translations (
    service_id      BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
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

CREATE TRIGGER service_translations_changed AFTER INSERT OR UPDATE OR DELETE ON service_translations
    FOR EACH ROW EXECUTE FUNCTION content_changed();
CREATE TRIGGER clinic_translations_changed AFTER INSERT OR UPDATE OR DELETE ON clinic_translations
    FOR EACH ROW EXECUTE FUNCTION content_changed();

-- An article in another language, at its English slug under `/es`; an
-- article without one is shown in English with a note.
CREATE TABLE article_translations (
    article_id      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    locale          TEXT NOT NULL,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL,
    body_md         TEXT NOT NULL,
    body_html       TEXT NOT NULL, -- rendered and sanitised when saved
    PRIMARY KEY (article_id, locale)
);
CREATE TRIGGER article_translations_changed AFTER INSERT OR UPDATE OR DELETE ON article_translations
    FOR EACH ROW EXECUTE FUNCTION content_changed();

-- The language of the page a request was sent from: staff see it, and the
-- patient's acknowledgement is written in it.
ALTER TABLE consultations ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
