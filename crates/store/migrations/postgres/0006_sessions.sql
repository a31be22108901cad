-- Browser sessions (server-side, so any server process can answer any request) and sign-in
-- attempts for rate limiting. Keep in step with ../sqlite/0006_sessions.sql.

CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,           -- SHA-256 of the cookie's secret
    user_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf          TEXT NOT NULL,              -- the form token of this session
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_attempts (
    key  TEXT NOT NULL,                       -- a folded e-mail address or a client address
    at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);

ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN lang TEXT;
