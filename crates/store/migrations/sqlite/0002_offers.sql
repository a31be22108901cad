-- Cooperation offers and requests of the portal. Keep in step with ../postgres/0002_offers.sql.

CREATE TABLE offers (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL,
    lang             TEXT NOT NULL,             -- the language the author wrote in
    cluster_id       INTEGER REFERENCES organisations(id) ON DELETE SET NULL, -- visible to this cluster only
    country          TEXT NOT NULL,
    expires_on       TEXT,
    data             TEXT NOT NULL,             -- the validated offer as JSON
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    published_at     TEXT,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX offers_status ON offers (status, published_at, id);
CREATE INDEX offers_org ON offers (organisation_id, id);
CREATE INDEX offers_expiry ON offers (status, expires_on);

CREATE TABLE offer_nace (
    offer_id  INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    PRIMARY KEY (code, offer_id)
);
CREATE INDEX offer_nace_offer ON offer_nace (offer_id);

CREATE TABLE offer_regions (
    offer_id  INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    PRIMARY KEY (code, offer_id)
);
CREATE INDEX offer_regions_offer ON offer_regions (offer_id);

-- Every language version of an offer's free text, with its provenance.
CREATE TABLE offer_texts (
    offer_id     INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    lang         TEXT NOT NULL,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    status       TEXT NOT NULL,                -- original, machine, human, reviewed, untranslated
    engine       TEXT,
    translated_by INTEGER,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (offer_id, lang)
);

-- Every status change, never rewritten.
CREATE TABLE offer_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id    INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    action      TEXT NOT NULL,
    actor_id    INTEGER,
    at          TEXT NOT NULL
);
CREATE INDEX offer_history_offer ON offer_history (offer_id, id);
