-- One-use links mailed to account holders: confirming an e-mail address, resetting a password.
-- Only the SHA-256 of the secret is kept. Keep in step with ../sqlite/0007_accounts.sql.

CREATE TABLE account_tokens (
    hash        TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL,                -- verify | reset
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX account_tokens_user ON account_tokens (user_id);
