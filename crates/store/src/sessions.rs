//! Browser sessions kept in the database, so any server process can answer any request, and
//! sign-in attempts for rate limiting. The cookie carries a random secret; only its SHA-256 is
//! stored, so a leaked database holds no usable session. Each session has its own CSRF token.

use chrono::{DateTime, Duration, Utc};

use crate::auth::{User, random_secret};
use crate::{Db, Result, on_db};

/// A session is extended when used, at most this often (spares a write per request).
const TOUCH_EVERY_MINUTES: i64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Session {
    pub user_id: i64,
    /// The token every form of this session must send back.
    pub csrf: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// A new session for `user_id`, valid for `idle` after its last use; returns the cookie secret.
pub async fn create(db: &Db, user_id: i64, idle: Duration) -> Result<(String, Session)> {
    let secret = random_secret();
    let now = crate::now();
    let s = Session {
        user_id,
        csrf: random_secret(),
        created_at: now,
        last_seen_at: now,
        expires_at: now + idle,
    };
    on_db!(db, p => sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, csrf, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)")
        .bind(crate::sha256_hex(secret.as_bytes())).bind(user_id).bind(&s.csrf).bind(now).bind(s.expires_at)
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok((secret, s))
}

/// The user and session of a cookie secret, if the session exists and has not expired; a
/// session in use is extended by `idle`.
pub async fn get(db: &Db, secret: &str, idle: Duration) -> Result<Option<(User, Session)>> {
    let hash = crate::sha256_hex(secret.as_bytes());
    let now = crate::now();
    let found: Option<Session> = on_db!(db, p => sqlx::query_as(
        "SELECT user_id, csrf, created_at, last_seen_at, expires_at FROM sessions
         WHERE id_hash = $1 AND expires_at > $2")
        .bind(&hash).bind(now).fetch_optional(p).await)?;
    let Some(mut s) = found else {
        return Ok(None);
    };
    if now - s.last_seen_at >= Duration::minutes(TOUCH_EVERY_MINUTES) {
        s.last_seen_at = now;
        s.expires_at = now + idle;
        on_db!(db, p => sqlx::query(
            "UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3")
            .bind(now).bind(s.expires_at).bind(&hash)
            .execute(p).await.map(|r| r.rows_affected()))?;
    }
    let user = crate::auth::user_by_id(db, s.user_id).await?;
    Ok(Some((user, s)))
}

/// Signs a session out.
pub async fn delete(db: &Db, secret: &str) -> Result<()> {
    on_db!(db, p => sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(crate::sha256_hex(secret.as_bytes())).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Signs a user out everywhere (after a password change or reset).
pub async fn delete_for_user(db: &Db, user_id: i64) -> Result<u64> {
    Ok(
        on_db!(db, p => sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id).execute(p).await.map(|r| r.rows_affected()))?,
    )
}

/// How many sessions a user has open (for the export of their data).
pub async fn count_for_user(db: &Db, user_id: i64) -> Result<i64> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2")
        .bind(user_id).bind(crate::now()).fetch_one(p).await)?)
}

/// Removes expired sessions and sign-in attempts older than `keep_attempts`.
pub async fn purge(db: &Db, keep_attempts: Duration) -> Result<u64> {
    let now = crate::now();
    let a = on_db!(db, p => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now).execute(p).await.map(|r| r.rows_affected()))?;
    let b = on_db!(db, p => sqlx::query("DELETE FROM login_attempts WHERE at < $1")
        .bind(now - keep_attempts).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(a + b)
}

/// Records a failed sign-in for `key` (a folded e-mail address, or a client address).
pub async fn record_failure(db: &Db, key: &str) -> Result<()> {
    on_db!(db, p => sqlx::query("INSERT INTO login_attempts (key, at) VALUES ($1, $2)")
        .bind(key).bind(crate::now()).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Failed sign-ins for `key` within `window`: the caller refuses further tries above its limit.
pub async fn failures_within(db: &Db, key: &str, window: Duration) -> Result<i64> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT COUNT(*) FROM login_attempts WHERE key = $1 AND at > $2")
        .bind(key).bind(crate::now() - window).fetch_one(p).await)?)
}

/// Forgets the failures of `key` (after a successful sign-in).
pub async fn clear_failures(db: &Db, key: &str) -> Result<()> {
    on_db!(db, p => sqlx::query("DELETE FROM login_attempts WHERE key = $1")
        .bind(key).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
