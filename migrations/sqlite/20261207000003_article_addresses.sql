-- An article may have its own address in another language (issue 27), as
-- service pages do; NULL keeps the English address in that language. The
-- editor checks it is no other article's address in any language; the
-- index is the last guard between two saves at once.
ALTER TABLE article_translations ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX article_translations_slug ON article_translations (locale, slug);
