-- Patients see published articles only: saving a draft (every few seconds
-- while staff write) no longer changes the content generation, so it no
-- longer empties every cached page. Publishing, unpublishing, editing a
-- published article, and the scheduler's publish still do.

DROP TRIGGER articles_changed_insert;
DROP TRIGGER articles_changed_update;
DROP TRIGGER articles_changed_delete;
CREATE TRIGGER articles_changed_insert AFTER INSERT ON articles
    WHEN NEW.status = 'published'
    BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER articles_changed_update AFTER UPDATE ON articles
    WHEN OLD.status = 'published' OR NEW.status = 'published'
    BEGIN UPDATE content_generation SET value = value + 1; END;
CREATE TRIGGER articles_changed_delete AFTER DELETE ON articles
    WHEN OLD.status = 'published'
    BEGIN UPDATE content_generation SET value = value + 1; END;
