//! Saved searches and their alerts. Which offers match a search is decided by the search index
//! (outside the store); the store remembers what was found (`alert_hits`), so every offer is
//! mailed once per search however many server processes look, and what is still to be mailed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::FromRow;
use sqlx::types::Json;

use crate::{Db, Result, StoreError, jobs, on_db, on_tx};

/// Mails the new hits of one saved search (instant delivery).
pub const ALERT_JOB: &str = "mail_alert";
/// Mails one user's daily digest.
pub const DIGEST_JOB: &str = "mail_digest";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// A mail as soon as new offers are found.
    Instant,
    /// One mail a day with everything new.
    Daily,
    /// No mail: the Atom feed only.
    Feed,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Instant => "instant",
            Self::Daily => "daily",
            Self::Feed => "feed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Instant, Self::Daily, Self::Feed]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, FromRow)]
pub struct SavedSearch {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    /// The search parameters, as the search API takes them.
    pub query: Json<serde_json::Value>,
    pub lang: String,
    pub email: Option<String>,
    pub delivery: String,
    /// Secret of the search's Atom feed and one-click unsubscribe links.
    pub token: String,
    pub created_at: DateTime<Utc>,
    pub last_digest_on: Option<NaiveDate>,
}

pub struct NewSavedSearch<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub query: &'a serde_json::Value,
    pub lang: &'a str,
    pub email: Option<&'a str>,
    pub delivery: Delivery,
}

const COLUMNS: &str =
    "id, user_id, name, query, lang, email, delivery, token, created_at, last_digest_on";

pub async fn create(db: &Db, n: &NewSavedSearch<'_>) -> Result<SavedSearch> {
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO saved_searches (user_id, name, query, lang, email, delivery, token, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(n.user_id).bind(n.name).bind(Json(n.query)).bind(n.lang).bind(n.email)
        .bind(n.delivery.as_str()).bind(crate::auth::random_secret()).bind(crate::now())
        .fetch_one(p).await)?;
    get(db, id).await
}

pub async fn get(db: &Db, id: i64) -> Result<SavedSearch> {
    let sql = format!("SELECT {COLUMNS} FROM saved_searches WHERE id = $1");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?)
}

pub async fn by_token(db: &Db, token: &str) -> Result<SavedSearch> {
    let sql = format!("SELECT {COLUMNS} FROM saved_searches WHERE token = $1");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(token).fetch_one(p).await)?)
}

/// Changes how a search is delivered (`feed` turns its mail off).
pub async fn set_delivery(db: &Db, id: i64, delivery: Delivery) -> Result<()> {
    on_db!(db, p => sqlx::query("UPDATE saved_searches SET delivery = $1 WHERE id = $2")
        .bind(delivery.as_str()).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<SavedSearch>> {
    let sql = format!("SELECT {COLUMNS} FROM saved_searches WHERE user_id = $1 ORDER BY id");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(p).await)?)
}

/// Searches that mail (instant or daily), for the sweep.
pub async fn mailing(db: &Db) -> Result<Vec<SavedSearch>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM saved_searches WHERE delivery <> 'feed' AND email IS NOT NULL ORDER BY id"
    );
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await)?)
}

pub async fn delete(db: &Db, id: i64) -> Result<()> {
    let n = on_db!(db, p => sqlx::query("DELETE FROM saved_searches WHERE id = $1").bind(id)
        .execute(p).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Records offers found for a search (those published since it was saved: the index knows
/// times only to the second); returns how many were new. For instant delivery, new
/// hits enqueue the mail in the same transaction (only the process that recorded them does).
pub async fn record_hits(db: &Db, search: &SavedSearch, offer_ids: &[i64]) -> Result<u64> {
    let now = crate::now();
    let mut tx = db.begin().await?;
    let mut new = 0;
    for id in offer_ids {
        new += on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO alert_hits (saved_search_id, offer_id, found_at)
             SELECT $1, id, $3 FROM offers WHERE id = $2 AND published_at >= $4
             ON CONFLICT (saved_search_id, offer_id) DO NOTHING")
            .bind(search.id).bind(id).bind(now).bind(search.created_at)
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    if new > 0 && search.delivery == Delivery::Instant.as_str() {
        jobs::enqueue(
            &mut tx,
            ALERT_JOB,
            &serde_json::json!({ "saved_search_id": search.id }),
            10,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(new)
}

/// Offers found for a search and not mailed yet, oldest first.
pub async fn pending_hits(db: &Db, search_id: i64) -> Result<Vec<i64>> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT offer_id FROM alert_hits WHERE saved_search_id = $1 AND mailed_at IS NULL ORDER BY found_at, offer_id")
        .bind(search_id).fetch_all(p).await)?)
}

/// Marks hits as mailed (after the mail went out).
pub async fn mark_mailed(db: &Db, search_id: i64, offer_ids: &[i64]) -> Result<()> {
    let now = crate::now();
    let mut tx = db.begin().await?;
    for id in offer_ids {
        on_tx!(&mut tx, c => sqlx::query(
            "UPDATE alert_hits SET mailed_at = $1 WHERE saved_search_id = $2 AND offer_id = $3")
            .bind(now).bind(search_id).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    }
    tx.commit().await?;
    Ok(())
}

/// Claims today's digest for the users whose daily searches have not had one today, enqueuing
/// one digest job per user. Safe to call from every process: a search's `last_digest_on` moves
/// once, and only the process that moved it enqueues.
pub async fn schedule_digests(db: &Db, today: NaiveDate) -> Result<usize> {
    let due: Vec<(i64, i64)> = on_db!(db, p => sqlx::query_as(
        "SELECT id, user_id FROM saved_searches
         WHERE delivery = 'daily' AND email IS NOT NULL AND (last_digest_on IS NULL OR last_digest_on < $1)
         ORDER BY user_id, id")
        .bind(today).fetch_all(p).await)?;
    let mut users: Vec<i64> = Vec::new();
    let mut tx = db.begin().await?;
    for (id, user) in due {
        let claimed = on_tx!(&mut tx, c => sqlx::query(
            "UPDATE saved_searches SET last_digest_on = $1 WHERE id = $2 AND (last_digest_on IS NULL OR last_digest_on < $1)")
            .bind(today).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
        if claimed > 0 && !users.contains(&user) {
            users.push(user);
        }
    }
    for u in &users {
        jobs::enqueue(
            &mut tx,
            DIGEST_JOB,
            &serde_json::json!({ "user_id": u, "day": today }),
            10,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(users.len())
}
