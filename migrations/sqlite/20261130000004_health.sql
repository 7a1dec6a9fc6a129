-- One row that `GET /readyz` writes: proof the database takes writes.
CREATE TABLE health_checks (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at TEXT NOT NULL
);
