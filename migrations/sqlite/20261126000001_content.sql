-- The clinic's public content. Dates are ISO-8601 text in UTC.

CREATE TABLE clinic (
    id          INTEGER PRIMARY KEY CHECK (id = 1), -- exactly one row
    name        TEXT NOT NULL,
    tagline     TEXT NOT NULL,
    description TEXT NOT NULL,
    about       TEXT NOT NULL,
    area_served TEXT NOT NULL,
    phone       TEXT NOT NULL, -- ten digits
    email       TEXT NOT NULL,
    address     TEXT,          -- NULL: not published
    hours       TEXT NOT NULL DEFAULT '' -- one line per entry
);

CREATE TABLE social_links (
    id       INTEGER PRIMARY KEY,
    label    TEXT NOT NULL,
    url      TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE services (
    id        INTEGER PRIMARY KEY,
    slug      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    summary   TEXT NOT NULL,
    body_md   TEXT NOT NULL,
    body_html TEXT NOT NULL, -- rendered and sanitised when saved
    position  INTEGER NOT NULL
);

CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    category_id  INTEGER NOT NULL REFERENCES categories (id),
    body_md      TEXT NOT NULL,
    body_html    TEXT NOT NULL, -- rendered and sanitised when saved
    hero_src     TEXT,
    hero_alt     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'published')),
    published_at TEXT,          -- when it went, or goes, public
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (hero_src IS NULL OR hero_alt IS NOT NULL)
);

CREATE INDEX articles_public ON articles (status, published_at DESC);
CREATE INDEX articles_by_category ON articles (category_id, status, published_at DESC);
