-- The consultation form's rate limit, kept in the database so that every
-- app server sharing it counts the same sends. One row per client: a keyed
-- hash of its address (never the address) and the moment from which its
-- allowance is whole again (GCRA's "theoretical arrival time"), in ms.
CREATE TABLE request_allowance (
    client TEXT PRIMARY KEY NOT NULL,
    full_at_ms INTEGER NOT NULL
);
