-- Which pass of which app server is sending a notification, and until
-- when: with several servers, each e-mail is sent once.
ALTER TABLE notifications ADD COLUMN claimed_by TEXT;
ALTER TABLE notifications ADD COLUMN claimed_until TEXT;
