//! Users and API tokens. Passwords are hashed with argon2; an API token's secret is shown once
//! and only its SHA-256 is stored, so a leaked database does not leak usable tokens.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use serde::Serialize;

use crate::{Db, Result, StoreError, on_db};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub scope_id: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct TokenInfo {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub fn hash_password(password: &str) -> Result<String> {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let salt = SaltString::encode_b64(&bytes)
        .map_err(|e| StoreError::Corrupt(format!("salt encoding failed: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Corrupt(format!("password hashing failed: {e}")))
}

/// `hash_password` off the async threads: argon2 costs tens of milliseconds of CPU, which
/// would stall every other request served by the same runtime thread.
pub async fn hash_password_blocking(password: &str) -> Result<String> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| StoreError::Corrupt(format!("password hashing task failed: {e}")))?
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn token_hash(secret: &str) -> String {
    crate::sha256_hex(secret.as_bytes())
}

pub async fn create_user(
    db: &Db,
    email: &str,
    password: Option<&str>,
    role: &str,
    scope_id: Option<i64>,
) -> Result<User> {
    let hash = password.map(hash_password).transpose()?;
    let email = email.trim().to_lowercase();
    Ok(on_db!(db, p => sqlx::query_as::<_, User>(
        "INSERT INTO users (email, password_hash, role, scope_id, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, email, role, scope_id, created_at")
        .bind(&email)
        .bind(&hash)
        .bind(role)
        .bind(scope_id)
        .bind(crate::now())
        .fetch_one(p)
        .await)?)
}

pub async fn user_by_id(db: &Db, id: i64) -> Result<User> {
    Ok(on_db!(db, p => sqlx::query_as::<_, User>(
        "SELECT id, email, role, scope_id, created_at FROM users WHERE id = $1")
        .bind(id).fetch_one(p).await)?)
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<User> {
    let email = email.trim().to_lowercase();
    Ok(on_db!(db, p => sqlx::query_as::<_, User>(
        "SELECT id, email, role, scope_id, created_at FROM users WHERE email = $1")
        .bind(&email)
        .fetch_one(p)
        .await)?)
}

/// 256 random bits, URL-safe (tokens of feeds and links that work without signing in).
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Creates a token for a user and returns its id and the secret (shown only now).
pub async fn create_token(db: &Db, user_id: i64, name: &str) -> Result<(i64, String)> {
    let secret = format!("kls_{}", random_secret());
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(user_id)
        .bind(name)
        .bind(token_hash(&secret))
        .bind(crate::now())
        .fetch_one(p)
        .await)?;
    Ok((id, secret))
}

/// The user a bearer token belongs to, if the token exists and is not revoked.
pub async fn user_for_token(db: &Db, secret: &str) -> Result<Option<User>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, User>(
        "SELECT u.id, u.email, u.role, u.scope_id, u.created_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL")
        .bind(token_hash(secret))
        .fetch_optional(p)
        .await)?)
}

pub async fn revoke_token(db: &Db, token_id: i64) -> Result<()> {
    let done = on_db!(db, p => sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(crate::now())
        .bind(token_id)
        .execute(p).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub async fn list_tokens(db: &Db, user_id: i64) -> Result<Vec<TokenInfo>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, TokenInfo>(
        "SELECT id, user_id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(p)
        .await)?)
}

/// The roles a user may hold, and whether each needs a scope (a cluster or organisation id).
pub const ROLES: &[(&str, bool)] = &[
    ("admin", false),
    ("coordinator", true),
    ("org_admin", true),
    ("org_member", true),
    ("translator", false),
    ("visitor", false),
];

/// Checks a role name and its scope before a user is created.
pub fn check_role(role: &str, scope_id: Option<i64>) -> std::result::Result<(), String> {
    match ROLES.iter().find(|(r, _)| *r == role) {
        None => Err(format!(
            "unknown role {role:?}; use one of {}",
            ROLES.iter().map(|(r, _)| *r).collect::<Vec<_>>().join(", ")
        )),
        Some((_, true)) if scope_id.is_none() => Err(format!("the role {role} needs --scope-id")),
        Some((_, false)) if scope_id.is_some() => {
            Err(format!("the role {role} takes no --scope-id"))
        }
        Some(_) => Ok(()),
    }
}
