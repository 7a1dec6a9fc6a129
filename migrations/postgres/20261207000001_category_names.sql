-- Categories' names in other languages (issue 27), by the category's
-- address, so a name can be given before the first article uses it. A
-- category without one is shown as written, marked with its language.
-- The rows below are the clinic's own topics and WordPress's default.
CREATE TABLE category_translations (
    slug    TEXT NOT NULL,
    locale  TEXT NOT NULL,
    name    TEXT NOT NULL,
    PRIMARY KEY (slug, locale)
);
CREATE TRIGGER category_translations_changed AFTER INSERT OR UPDATE OR DELETE ON category_translations
    FOR EACH ROW EXECUTE FUNCTION content_changed();

INSERT INTO category_translations (slug, locale, name) VALUES
    ('acupuncture', 'es', 'Acupuntura'),
    ('chiropractic', 'es', 'Quiropráctica'),
    ('physical-therapy', 'es', 'Fisioterapia'),
    ('occupational-therapy', 'es', 'Terapia ocupacional'),
    ('scoliosis', 'es', 'Escoliosis'),
    ('scoliosis-treatments', 'es', 'Tratamientos de escoliosis'),
    ('back-pain', 'es', 'Dolor de espalda'),
    ('neck-pain', 'es', 'Dolor de cuello'),
    ('pain-management', 'es', 'Manejo del dolor'),
    ('sports-injuries', 'es', 'Lesiones deportivas'),
    ('wellness', 'es', 'Bienestar'),
    ('news', 'es', 'Noticias'),
    ('uncategorized', 'es', 'Sin categoría');
