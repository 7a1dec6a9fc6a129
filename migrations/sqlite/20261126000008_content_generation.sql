-- A number that changes whenever anything patients see changes, whoever
-- writes it (the admin, the scheduler, the WordPress import): the server's
-- page cache compares it on every request.

CREATE TABLE content_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO content_generation (id, value) VALUES (1, 0);

CREATE TRIGGER articles_changed_insert AFTER INSERT ON articles BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER articles_changed_update AFTER UPDATE ON articles BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER articles_changed_delete AFTER DELETE ON articles BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER services_changed_insert AFTER INSERT ON services BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER services_changed_update AFTER UPDATE ON services BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER services_changed_delete AFTER DELETE ON services BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER categories_changed_insert AFTER INSERT ON categories BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER categories_changed_update AFTER UPDATE ON categories BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER categories_changed_delete AFTER DELETE ON categories BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER clinic_changed_insert AFTER INSERT ON clinic BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER clinic_changed_update AFTER UPDATE ON clinic BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER social_links_changed_insert AFTER INSERT ON social_links BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER social_links_changed_update AFTER UPDATE ON social_links BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER social_links_changed_delete AFTER DELETE ON social_links BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER media_changed_insert AFTER INSERT ON media BEGIN UPDATE content_generation SET value = value + 1; END;
