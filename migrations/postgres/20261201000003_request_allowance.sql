-- The consultation form's rate limit, shared by every app server: one row
-- per client (a keyed hash of its address, never the address) and the
-- moment from which its allowance is whole again (GCRA), in ms.
CREATE TABLE request_allowance (
    client TEXT PRIMARY KEY,
    full_at_ms BIGINT NOT NULL
);
