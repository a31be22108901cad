-- Klaster schema, SQLite flavour. Keep in step with ../postgres/0001_init.sql:
-- same tables, same columns, only the engine's types differ.

CREATE TABLE organisations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    name_folded   TEXT NOT NULL,
    country       TEXT NOT NULL,
    region        TEXT,
    nace_main     TEXT,
    size_class    TEXT,
    profile       TEXT NOT NULL,            -- the validated profile as JSON
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX organisations_name ON organisations (name_folded, id);
CREATE INDEX organisations_kind ON organisations (kind, id);
CREATE INDEX organisations_country ON organisations (country, id);
CREATE INDEX organisations_updated ON organisations (updated_at, id);

-- Every NACE code of an organisation together with its ancestors, so a filter on any level
-- ("C", "25", "25.1", "25.11") is one indexed equality.
CREATE TABLE organisation_nace (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    PRIMARY KEY (code, organisation_id)
);
CREATE INDEX organisation_nace_org ON organisation_nace (organisation_id);

-- The region and its ancestors (PL841 -> PL84, PL8, PL), for the same reason.
CREATE TABLE organisation_regions (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    PRIMARY KEY (code, organisation_id)
);
CREATE INDEX organisation_regions_org ON organisation_regions (organisation_id);

CREATE TABLE legal_ids (
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    value           TEXT NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX legal_ids_org ON legal_ids (organisation_id);

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    data            TEXT NOT NULL,          -- name, role, e-mail, phone... as JSON
    is_personal     BOOLEAN NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX contacts_org ON contacts (organisation_id);

CREATE TABLE cluster_profiles (
    organisation_id       INTEGER PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    data                  TEXT NOT NULL,    -- branches, regions, review policy as JSON
    requires_offer_review BOOLEAN NOT NULL
);

CREATE TABLE memberships (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    joined_on       TEXT NOT NULL,
    left_on         TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX memberships_cluster ON memberships (cluster_id, organisation_id);
CREATE INDEX memberships_org ON memberships (organisation_id);

CREATE TABLE cluster_statuses (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id     INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    data           TEXT NOT NULL,
    granted_on     TEXT NOT NULL,
    valid_until    TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX cluster_statuses_cluster ON cluster_statuses (cluster_id, granted_on);

CREATE TABLE relations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    from_org    INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    to_org      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (from_org, to_org, kind)
);

CREATE TABLE agreements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    signed_on   TEXT,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE agreement_parties (
    agreement_id    INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX agreement_parties_org ON agreement_parties (organisation_id);

-- Projects and events of the demo facts; the Meet capability will grow the events.
CREATE TABLE projects (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE project_partners (
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    PRIMARY KEY (project_id, organisation_id)
);
CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    starts_on   TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE questionnaires (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL,
    version     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (key, version)
);

CREATE TABLE responses (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id),
    raw              TEXT NOT NULL,         -- the submission exactly as received
    language         TEXT NOT NULL,
    cluster_id       INTEGER REFERENCES organisations(id) ON DELETE SET NULL,  -- the cluster it asks to join
    status           TEXT NOT NULL,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    submitted_by     INTEGER,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX responses_status ON responses (status, id);

-- Every review step of a response, never rewritten.
CREATE TABLE response_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    response_id  INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    reason       TEXT,
    actor_id     INTEGER,
    at           TEXT NOT NULL
);
CREATE INDEX response_events_response ON response_events (response_id, id);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    role          TEXT NOT NULL,
    scope_id      INTEGER,                 -- the cluster of a coordinator, the organisation of a member
    created_at    TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,      -- SHA-256 of the secret; the secret is shown once
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

-- Ordered changes to searchable entities; derived indexes replay it from their last seen seq.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    op         TEXT NOT NULL,
    at         TEXT NOT NULL
);

-- Durable work that may fail outside (translation, e-mail, indexing), written in the same
-- transaction as the change that caused it.
CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    status        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    max_attempts  INTEGER NOT NULL,
    run_at        TEXT NOT NULL,
    locked_until  TEXT,
    last_error    TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX jobs_ready ON jobs (status, run_at, id);
