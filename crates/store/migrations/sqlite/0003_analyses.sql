-- Data sets uploaded for the analytics engine and the analyses run on them.
-- Keep in step with ../postgres/0003_analyses.sql.

CREATE TABLE datasets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,             -- SHA-256 of the bytes
    content      BLOB NOT NULL,             -- the file as uploaded (CSV/TSV)
    summary      TEXT NOT NULL,             -- regions, industries, years, notes (JSON)
    created_by   INTEGER,
    created_at   TEXT NOT NULL
);

CREATE TABLE analyses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    dataset_id   INTEGER REFERENCES datasets(id) ON DELETE SET NULL, -- NULL: the built-in demo
    fingerprint  TEXT NOT NULL,             -- of the input, so a result can be reproduced
    params       TEXT NOT NULL,             -- every parameter, defaults included (JSON)
    result       TEXT NOT NULL,             -- the ranking and notes (JSON)
    created_by   INTEGER,
    created_at   TEXT NOT NULL
);
