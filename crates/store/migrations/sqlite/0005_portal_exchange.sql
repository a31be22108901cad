-- Expressions of interest and their threads, saved searches with their alerts, and offer
-- attachments. Keep in step with ../postgres/0005_portal_exchange.sql.

CREATE TABLE interests (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id         INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE, -- the interested party
    contact_id       INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    lang             TEXT NOT NULL,             -- the interested party's language
    status           TEXT NOT NULL,             -- open, accepted, declined, withdrawn
    created_by       INTEGER,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (offer_id, organisation_id)
);
CREATE INDEX interests_org ON interests (organisation_id, id);

-- Each message keeps its original and one translation into the other party's language.
CREATE TABLE interest_messages (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    interest_id         INTEGER NOT NULL REFERENCES interests(id) ON DELETE CASCADE,
    from_owner          BOOLEAN NOT NULL,
    author_id           INTEGER,
    lang                TEXT NOT NULL,
    body                TEXT NOT NULL,
    translated_lang     TEXT,
    translated_body     TEXT,
    translation_status  TEXT NOT NULL,         -- not_needed, pending, machine, untranslated
    engine              TEXT,
    created_at          TEXT NOT NULL
);
CREATE INDEX interest_messages_interest ON interest_messages (interest_id, id);

CREATE TABLE saved_searches (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    query            TEXT NOT NULL,             -- the search parameters as JSON
    lang             TEXT NOT NULL,             -- language of the alerts
    email            TEXT,                      -- where alerts go; NULL: feed only
    delivery         TEXT NOT NULL,             -- instant, daily, feed
    token            TEXT NOT NULL UNIQUE,      -- secret of its feed and unsubscribe links
    created_at       TEXT NOT NULL,
    last_digest_on   TEXT
);
CREATE INDEX saved_searches_user ON saved_searches (user_id, id);

-- Offers found for a saved search; each is mailed once.
CREATE TABLE alert_hits (
    saved_search_id  INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
    offer_id         INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    found_at         TEXT NOT NULL,
    mailed_at        TEXT,
    PRIMARY KEY (saved_search_id, offer_id)
);

CREATE TABLE offer_attachments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id         INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    filename         TEXT NOT NULL,
    content_type     TEXT NOT NULL,             -- from the file's own signature, not the client's claim
    size             INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    storage          TEXT NOT NULL,             -- database or directory
    data             BLOB,                      -- the bytes when stored in the database
    created_at       TEXT NOT NULL,
    UNIQUE (offer_id, sha256)
);
