//! Accounts people open themselves: sign-up with a confirmed e-mail address, sign-in by
//! password, one-use links for confirming the address and resetting the password, the reader's
//! language, and erasure of the account (GDPR).

use chrono::{DateTime, Duration, Utc};

use crate::auth::{User, hash_password, hash_password_blocking, random_secret, verify_password};
use crate::{Db, Result, StoreError, on_db, on_tx};

/// What a mailed link may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
        }
    }
}

/// The job that mails account links; its payload names the user and the mail, never a secret:
/// the worker issues the link when it sends it.
pub const MAIL_JOB: &str = "mail_account";

/// A user as sign-in sees them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub scope_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTime<Utc>>,
    pub lang: Option<String>,
}

impl Account {
    pub fn user(&self) -> User {
        User {
            id: self.id,
            email: self.email.clone(),
            role: self.role.clone(),
            scope_id: self.scope_id,
            created_at: self.created_at,
        }
    }
}

const ACCOUNT_COLUMNS: &str =
    "id, email, role, scope_id, created_at, password_hash, email_verified_at, lang";

pub async fn by_email(db: &Db, email: &str) -> Result<Option<Account>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE email = $1");
    let email = email.trim().to_lowercase();
    Ok(
        on_db!(db, p => sqlx::query_as::<_, Account>(sqlx::AssertSqlSafe(sql))
        .bind(&email).fetch_optional(p).await)?,
    )
}

pub async fn by_id(db: &Db, id: i64) -> Result<Account> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = $1");
    Ok(
        on_db!(db, p => sqlx::query_as::<_, Account>(sqlx::AssertSqlSafe(sql))
        .bind(id).fetch_one(p).await)?,
    )
}

/// What a sign-up did: a new account, or nothing because the address has one (the caller
/// answers both alike, so the form does not tell who has an account).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignUp {
    Created(i64),
    Exists(i64),
}

/// Opens a visitor's account (unconfirmed) and queues the mail that confirms the address; for
/// an address that has an account, queues a mail telling its owner instead. One transaction.
pub async fn sign_up(db: &Db, email: &str, password: &str, lang: &str) -> Result<SignUp> {
    let email = email.trim().to_lowercase();
    let hash = hash_password_blocking(password).await?;
    let mut tx = db.begin().await?;
    let existing: Option<i64> = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT id FROM users WHERE email = $1").bind(&email).fetch_optional(c).await)?;
    let (outcome, mail) = match existing {
        Some(id) => (SignUp::Exists(id), "already_registered"),
        None => {
            let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
                "INSERT INTO users (email, password_hash, role, scope_id, created_at, lang)
                 VALUES ($1, $2, 'visitor', NULL, $3, $4) RETURNING id")
                .bind(&email).bind(&hash).bind(crate::now()).bind(lang).fetch_one(c).await)?;
            (SignUp::Created(id), "verify")
        }
    };
    let user = match outcome {
        SignUp::Created(id) | SignUp::Exists(id) => id,
    };
    crate::jobs::enqueue(
        &mut tx,
        MAIL_JOB,
        &serde_json::json!({"user_id": user, "mail": mail}),
        5,
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Queues an account mail (`verify` again, or `reset`) for a user.
pub async fn queue_mail(db: &Db, user_id: i64, mail: &str) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = crate::jobs::enqueue(
        &mut tx,
        MAIL_JOB,
        &serde_json::json!({"user_id": user_id, "mail": mail}),
        5,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A new one-use link secret for `purpose`, valid for `ttl`.
pub async fn issue(db: &Db, user_id: i64, purpose: Purpose, ttl: Duration) -> Result<String> {
    let secret = random_secret();
    let now = crate::now();
    on_db!(db, p => sqlx::query(
        "INSERT INTO account_tokens (hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(crate::sha256_hex(secret.as_bytes())).bind(user_id).bind(purpose.as_str()).bind(now).bind(now + ttl)
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(secret)
}

/// The user of a link that is valid for `purpose` (unused, not expired), without using it.
pub async fn peek(db: &Db, secret: &str, purpose: Purpose) -> Result<Option<i64>> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT user_id FROM account_tokens
         WHERE hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3")
        .bind(crate::sha256_hex(secret.as_bytes())).bind(purpose.as_str()).bind(crate::now())
        .fetch_optional(p).await)?)
}

/// Uses a link once: the user it was for, or `None` when it is unknown, used or expired. Two
/// concurrent uses cannot both succeed (one conditional update).
pub async fn redeem(db: &Db, secret: &str, purpose: Purpose) -> Result<Option<i64>> {
    let now = crate::now();
    Ok(on_db!(db, p => sqlx::query_scalar(
        "UPDATE account_tokens SET used_at = $1
         WHERE hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
         RETURNING user_id")
        .bind(now).bind(crate::sha256_hex(secret.as_bytes())).bind(purpose.as_str())
        .fetch_optional(p).await)?)
}

/// Confirms a user's address (the first confirmation counts).
pub async fn mark_verified(db: &Db, user_id: i64) -> Result<()> {
    on_db!(db, p => sqlx::query(
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2")
        .bind(crate::now()).bind(user_id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a new password and signs the user out everywhere, in one transaction; unused reset
/// links die with the old password.
pub async fn set_password(db: &Db, user_id: i64, password: &str) -> Result<()> {
    let hash = hash_password_blocking(password).await?;
    let mut tx = db.begin().await?;
    let n = on_tx!(&mut tx, c => sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(&hash).bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    on_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM account_tokens WHERE user_id = $1 AND purpose = 'reset' AND used_at IS NULL")
        .bind(user_id).execute(c).await.map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(())
}

/// The account's preferred language (mails are written in it).
pub async fn set_lang(db: &Db, user_id: i64, lang: &str) -> Result<()> {
    on_db!(db, p => sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
        .bind(lang).bind(user_id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Gives a user a role (e.g. the admin of the organisation their questionnaire created).
pub async fn set_role(db: &Db, user_id: i64, role: &str, scope_id: Option<i64>) -> Result<()> {
    debug_assert!(crate::auth::check_role(role, scope_id).is_ok(), "{role}");
    let n = on_db!(db, p => sqlx::query("UPDATE users SET role = $1, scope_id = $2 WHERE id = $3")
        .bind(role).bind(scope_id).bind(user_id).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// The coordinators of the clusters `cluster_ids`, by address.
pub async fn coordinators_of(db: &Db, cluster_ids: &[i64]) -> Result<Vec<Account>> {
    let mut out = Vec::new();
    for c in cluster_ids {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM users WHERE scope_id = $1 AND role = 'coordinator' ORDER BY email"
        );
        out.extend(
            on_db!(db, p => sqlx::query_as::<_, Account>(sqlx::AssertSqlSafe(sql))
            .bind(*c).fetch_all(p).await)?,
        );
    }
    Ok(out)
}

/// The people of organisation `org_id` (its administrators and members), by address.
pub async fn of_organisation(db: &Db, org_id: i64) -> Result<Vec<Account>> {
    let sql = format!(
        "SELECT {ACCOUNT_COLUMNS} FROM users
         WHERE scope_id = $1 AND role IN ('org_admin', 'org_member') ORDER BY email"
    );
    Ok(
        on_db!(db, p => sqlx::query_as::<_, Account>(sqlx::AssertSqlSafe(sql))
        .bind(org_id).fetch_all(p).await)?,
    )
}

/// A verification that costs what checking a real password costs, for addresses without an
/// account: sign-in then takes as long whether or not the address is known.
pub fn check_password(account: Option<&Account>, password: &str) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    match account.and_then(|a| a.password_hash.as_deref()) {
        Some(hash) => verify_password(password, hash),
        None => {
            let dummy = DUMMY.get_or_init(|| hash_password("not a password").unwrap_or_default());
            let _ = verify_password(password, dummy);
            false
        }
    }
}

/// Erases an account (GDPR): the user, their sessions, tokens, saved searches and links go
/// (foreign keys cascade); what they wrote for their organisation stays with the organisation.
pub async fn delete(db: &Db, user_id: i64) -> Result<()> {
    let n = on_db!(db, p => sqlx::query("DELETE FROM users WHERE id = $1")
        .bind(user_id).execute(p).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Removes used and expired links.
pub async fn purge(db: &Db) -> Result<u64> {
    Ok(on_db!(db, p => sqlx::query(
        "DELETE FROM account_tokens WHERE used_at IS NOT NULL OR expires_at <= $1")
        .bind(crate::now()).execute(p).await.map(|r| r.rows_affected()))?)
}
