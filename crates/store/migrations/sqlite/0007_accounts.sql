-- One-use links mailed to account holders: confirming an e-mail address, resetting a password.
-- Only the SHA-256 of the secret is kept. Keep in step with ../postgres/0007_accounts.sql.

CREATE TABLE account_tokens (
    hash        TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,                -- verify | reset
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);
