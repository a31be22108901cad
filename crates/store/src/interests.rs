//! Expressions of interest in an offer and the thread that follows. The first message and every
//! reply enqueue a notification job in the same transaction, so a crash loses no mail; the job
//! translates the message into the other party's language before sending.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::FromRow;

use crate::{Db, Result, StoreError, Tx, jobs, on_db, on_tx};

/// Tells the offer's owner about a new interest or a reply, and the interested party about a
/// reply, an acceptance (with the introduction) or a refusal.
pub const NOTIFY_JOB: &str = "notify_interest";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InterestStatus {
    Open,
    Accepted,
    Declined,
    Withdrawn,
}

impl InterestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::Accepted, Self::Declined, Self::Withdrawn]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, FromRow)]
pub struct Interest {
    pub id: i64,
    pub offer_id: i64,
    /// The interested organisation.
    pub organisation_id: i64,
    pub contact_id: Option<i64>,
    /// The interested party's language.
    pub lang: String,
    pub status: String,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, FromRow)]
pub struct Message {
    pub id: i64,
    pub interest_id: i64,
    pub from_owner: bool,
    pub author_id: Option<i64>,
    pub lang: String,
    pub body: String,
    pub translated_lang: Option<String>,
    pub translated_body: Option<String>,
    /// not_needed, pending, machine, untranslated
    pub translation_status: String,
    pub engine: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A new expression of interest with its first message.
pub struct NewInterest<'a> {
    pub offer_id: i64,
    pub organisation_id: i64,
    pub contact_id: Option<i64>,
    pub lang: &'a str,
    pub message: &'a str,
    pub author_id: Option<i64>,
    /// The owner's language (the offer's), into which the message is translated.
    pub owner_lang: &'a str,
}

const COLUMNS: &str =
    "id, offer_id, organisation_id, contact_id, lang, status, created_by, created_at, updated_at";
const MESSAGE_COLUMNS: &str = "id, interest_id, from_owner, author_id, lang, body, translated_lang, translated_body, translation_status, engine, created_at";

async fn enqueue_notice(
    tx: &mut Tx,
    interest_id: i64,
    event: &str,
    message_id: Option<i64>,
) -> Result<()> {
    jobs::enqueue(
        tx,
        NOTIFY_JOB,
        &serde_json::json!({ "interest_id": interest_id, "event": event, "message_id": message_id }),
        10,
    )
    .await?;
    Ok(())
}

async fn add_message(
    tx: &mut Tx,
    interest_id: i64,
    from_owner: bool,
    author_id: Option<i64>,
    lang: &str,
    body: &str,
    other_lang: &str,
) -> Result<i64> {
    let status = if lang == other_lang {
        "not_needed"
    } else {
        "pending"
    };
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO interest_messages (interest_id, from_owner, author_id, lang, body, translated_lang, translation_status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(interest_id).bind(from_owner).bind(author_id).bind(lang).bind(body)
        .bind((lang != other_lang).then_some(other_lang)).bind(status).bind(crate::now())
        .fetch_one(c).await)?)
}

/// Records an interest and its first message. A second interest of the same organisation in
/// the same offer is a Conflict (the thread already exists: reply there).
pub async fn create(db: &Db, n: &NewInterest<'_>) -> Result<(Interest, Message)> {
    let now = crate::now();
    let mut tx = db.begin().await?;
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO interests (offer_id, organisation_id, contact_id, lang, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'open', $5, $6, $6) ON CONFLICT (offer_id, organisation_id) DO NOTHING RETURNING id")
        .bind(n.offer_id).bind(n.organisation_id).bind(n.contact_id).bind(n.lang).bind(n.author_id).bind(now)
        .fetch_optional(c).await)?
    .ok_or_else(|| {
        StoreError::Conflict(
            "this organisation has already expressed interest in the offer; reply in that thread"
                .into(),
        )
    })?;
    let mid = add_message(
        &mut tx,
        id,
        false,
        n.author_id,
        n.lang,
        n.message,
        n.owner_lang,
    )
    .await?;
    enqueue_notice(&mut tx, id, "received", Some(mid)).await?;
    tx.commit().await?;
    Ok((get(db, id).await?, message(db, mid).await?))
}

pub async fn get(db: &Db, id: i64) -> Result<Interest> {
    let sql = format!("SELECT {COLUMNS} FROM interests WHERE id = $1");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?)
}

pub async fn message(db: &Db, id: i64) -> Result<Message> {
    let sql = format!("SELECT {MESSAGE_COLUMNS} FROM interest_messages WHERE id = $1");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?)
}

/// The whole thread, oldest first.
pub async fn thread(db: &Db, interest_id: i64) -> Result<Vec<Message>> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM interest_messages WHERE interest_id = $1 ORDER BY id"
    );
    Ok(
        on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(interest_id).fetch_all(p).await)?,
    )
}

/// The messages a person wrote, oldest first (for the export of their data).
pub async fn by_author(db: &Db, user_id: i64) -> Result<Vec<Message>> {
    let sql =
        format!("SELECT {MESSAGE_COLUMNS} FROM interest_messages WHERE author_id = $1 ORDER BY id");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(p).await)?)
}

/// Interests in one offer (for its owner), oldest first.
pub async fn for_offer(db: &Db, offer_id: i64) -> Result<Vec<Interest>> {
    let sql = format!("SELECT {COLUMNS} FROM interests WHERE offer_id = $1 ORDER BY id");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(offer_id).fetch_all(p).await)?)
}

/// Interests an organisation expressed, or received in its offers, newest first.
pub async fn for_organisation(db: &Db, org_id: i64) -> Result<Vec<Interest>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM interests WHERE organisation_id = $1
            OR offer_id IN (SELECT id FROM offers WHERE organisation_id = $1)
         ORDER BY id DESC LIMIT 500"
    );
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(org_id).fetch_all(p).await)?)
}

/// Adds a reply to an open or accepted thread.
pub async fn reply(
    db: &Db,
    interest: &Interest,
    from_owner: bool,
    author_id: Option<i64>,
    lang: &str,
    body: &str,
    other_lang: &str,
) -> Result<Message> {
    if !matches!(interest.status.as_str(), "open" | "accepted") {
        return Err(StoreError::Conflict(format!(
            "the thread is {}; no more replies",
            interest.status
        )));
    }
    let mut tx = db.begin().await?;
    let mid = add_message(
        &mut tx,
        interest.id,
        from_owner,
        author_id,
        lang,
        body,
        other_lang,
    )
    .await?;
    touch(&mut tx, interest.id).await?;
    enqueue_notice(&mut tx, interest.id, "reply", Some(mid)).await?;
    tx.commit().await?;
    message(db, mid).await
}

async fn touch(tx: &mut Tx, id: i64) -> Result<()> {
    on_tx!(tx, c => sqlx::query("UPDATE interests SET updated_at = $1 WHERE id = $2")
        .bind(crate::now()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Moves an open thread to `to` (accepted, declined or withdrawn) and tells the other party.
/// Refuses (Conflict) when the thread is no longer open.
pub async fn decide(db: &Db, id: i64, to: InterestStatus) -> Result<Interest> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE interests SET status = $1, updated_at = $2 WHERE id = $3 AND status = 'open'")
        .bind(to.as_str()).bind(crate::now()).bind(id)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        let current = get(db, id).await?;
        return Err(StoreError::Conflict(format!(
            "the interest is already {}",
            current.status
        )));
    }
    enqueue_notice(&mut tx, id, to.as_str(), None).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Stores the translation of a message (done by the notification job).
pub async fn set_translation(
    db: &Db,
    message_id: i64,
    body: Option<&str>,
    status: &str,
    engine: Option<&str>,
) -> Result<()> {
    on_db!(db, p => sqlx::query(
        "UPDATE interest_messages SET translated_body = $1, translation_status = $2, engine = $3 WHERE id = $4")
        .bind(body).bind(status).bind(engine).bind(message_id)
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
