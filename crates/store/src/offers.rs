//! Cooperation offers: the validated offer as JSON plus the columns and link tables filters
//! need, every language version of its text with provenance, and its history. A publication
//! enqueues the translation job in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use klaster_domain::offer::{Offer, OfferStatus, Transition, Visibility};
use serde::Serialize;
use sqlx::types::Json;
use sqlx::{FromRow, QueryBuilder};

use crate::changelog::{self, Op};
use crate::{Db, Result, StoreError, Tx, closure, jobs, on_db, on_tx};

pub const ENTITY: &str = "offer";
/// The job that translates an offer's free text into the working languages.
pub const TRANSLATE_JOB: &str = "translate_offer";
/// Mails about a review: to the reviewers when an offer waits, to its author on the decision.
pub const REVIEW_JOB: &str = "notify_review";

#[derive(Debug, Clone, PartialEq)]
pub struct OfferRecord {
    pub id: i64,
    pub status: OfferStatus,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub offer: Offer,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    status: String,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    published_at: Option<DateTime<Utc>>,
    data: Json<Offer>,
}

impl TryFrom<Row> for OfferRecord {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self> {
        Ok(OfferRecord {
            id: r.id,
            status: OfferStatus::parse(&r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("offer status {}", r.status)))?,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            published_at: r.published_at,
            offer: r.data.0,
        })
    }
}

const COLUMNS: &str =
    "o.id, o.status, o.version, o.created_at, o.updated_at, o.published_at, o.data";

fn cluster_of(offer: &Offer) -> Option<i64> {
    match offer.visibility {
        Visibility::Public => None,
        Visibility::Cluster { cluster_id } => Some(cluster_id),
    }
}

/// One language version of an offer's free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, FromRow)]
pub struct OfferText {
    pub lang: String,
    pub title: String,
    pub description: String,
    /// original, machine, human, reviewed or untranslated
    pub status: String,
    pub engine: Option<String>,
    pub translated_by: Option<i64>,
    pub updated_at: DateTime<Utc>,
}

async fn write_links(tx: &mut Tx, id: i64, offer: &Offer) -> Result<()> {
    on_tx!(tx, c => {
        sqlx::query("DELETE FROM offer_nace WHERE offer_id = $1").bind(id).execute(&mut *c).await?;
        sqlx::query("DELETE FROM offer_regions WHERE offer_id = $1").bind(id).execute(&mut *c).await?;
        for code in closure::nace(&offer.nace) {
            sqlx::query("INSERT INTO offer_nace (offer_id, code) VALUES ($1, $2)").bind(id).bind(code).execute(&mut *c).await?;
        }
        for code in closure::region(offer.region.as_deref(), &offer.country) {
            sqlx::query("INSERT INTO offer_regions (offer_id, code) VALUES ($1, $2)").bind(id).bind(code).execute(&mut *c).await?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

async fn add_history(
    tx: &mut Tx,
    id: i64,
    status: OfferStatus,
    action: &serde_json::Value,
    actor: Option<i64>,
) -> Result<()> {
    on_tx!(tx, c => sqlx::query("INSERT INTO offer_history (offer_id, status, action, actor_id, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id).bind(status.as_str()).bind(Json(action)).bind(actor).bind(crate::now())
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Writes a language version (the original when `lang` is the offer's own language).
pub async fn set_text(tx: &mut Tx, id: i64, text: &OfferText) -> Result<()> {
    on_tx!(tx, c => {
        sqlx::query("DELETE FROM offer_texts WHERE offer_id = $1 AND lang = $2").bind(id).bind(&text.lang).execute(&mut *c).await?;
        sqlx::query("INSERT INTO offer_texts (offer_id, lang, title, description, status, engine, translated_by, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(id).bind(&text.lang).bind(&text.title).bind(&text.description).bind(&text.status)
            .bind(&text.engine).bind(text.translated_by).bind(text.updated_at)
            .execute(&mut *c).await.map(|r| r.rows_affected())
    })?;
    changelog::record(tx, ENTITY, id, Op::Upsert).await
}

fn original_text(offer: &Offer) -> OfferText {
    OfferText {
        lang: offer.lang.clone(),
        title: offer.title.clone(),
        description: offer.description.clone(),
        status: "original".into(),
        engine: None,
        translated_by: None,
        updated_at: crate::now(),
    }
}

/// Stores a new offer as a draft.
pub async fn create(db: &Db, offer: &Offer, actor: Option<i64>) -> Result<OfferRecord> {
    let now = crate::now();
    let mut tx = db.begin().await?;
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO offers (organisation_id, kind, status, lang, cluster_id, country, expires_on, data, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 1) RETURNING id")
        .bind(offer.organisation_id).bind(offer.kind.as_str()).bind(OfferStatus::Draft.as_str()).bind(&offer.lang)
        .bind(cluster_of(offer)).bind(&offer.country).bind(offer.expires_on).bind(Json(offer)).bind(now)
        .fetch_one(c).await)?;
    write_links(&mut tx, id, offer).await?;
    set_text(&mut tx, id, &original_text(offer)).await?;
    add_history(
        &mut tx,
        id,
        OfferStatus::Draft,
        &serde_json::json!({"action": "create"}),
        actor,
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Replaces an offer's content. The translations of the old text are dropped: they no longer
/// say what the original says (a new publication translates again).
pub async fn update(
    db: &Db,
    id: i64,
    offer: &Offer,
    expected_version: Option<i32>,
    actor: Option<i64>,
) -> Result<OfferRecord> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE offers SET kind = $1, lang = $2, cluster_id = $3, country = $4, expires_on = $5, data = $6, updated_at = $7,
                version = version + 1
         WHERE id = $8 AND ($9 IS NULL OR version = $9)")
        .bind(offer.kind.as_str()).bind(&offer.lang).bind(cluster_of(offer)).bind(&offer.country).bind(offer.expires_on)
        .bind(Json(offer)).bind(crate::now()).bind(id).bind(expected_version)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(match get(db, id).await {
            Ok(_) => {
                StoreError::Conflict("the offer was changed by someone else; reload it".into())
            }
            Err(e) => e,
        });
    }
    write_links(&mut tx, id, offer).await?;
    on_tx!(&mut tx, c => sqlx::query("DELETE FROM offer_texts WHERE offer_id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    set_text(&mut tx, id, &original_text(offer)).await?;
    let status = current_status(&mut tx, id).await?;
    add_history(
        &mut tx,
        id,
        status,
        &serde_json::json!({"action": "edit"}),
        actor,
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

async fn current_status(tx: &mut Tx, id: i64) -> Result<OfferStatus> {
    let s: String = on_tx!(tx, c => sqlx::query_scalar("SELECT status FROM offers WHERE id = $1").bind(id).fetch_one(c).await)?;
    OfferStatus::parse(&s).ok_or_else(|| StoreError::Corrupt(format!("offer status {s}")))
}

/// Moves an offer from `from` to `to` (as decided by the domain), recording the step. Refuses
/// (Conflict) when the offer is no longer in `from`. A publication enqueues its translation.
pub async fn transition(
    db: &Db,
    id: i64,
    from: OfferStatus,
    to: OfferStatus,
    action: &Transition,
    actor: Option<i64>,
) -> Result<OfferRecord> {
    let now = crate::now();
    let mut tx = db.begin().await?;
    let published_at = (to == OfferStatus::Published).then_some(now);
    let done = on_tx!(&mut tx, c => sqlx::query(
        "UPDATE offers SET status = $1, updated_at = $2, published_at = COALESCE($3, published_at) WHERE id = $4 AND status = $5")
        .bind(to.as_str()).bind(now).bind(published_at).bind(id).bind(from.as_str())
        .execute(c).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(StoreError::Conflict(format!(
            "the offer is no longer {}",
            from.as_str()
        )));
    }
    let action = serde_json::to_value(action).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    add_history(&mut tx, id, to, &action, actor).await?;
    if to == OfferStatus::Published {
        jobs::enqueue(
            &mut tx,
            TRANSLATE_JOB,
            &serde_json::json!({ "offer_id": id }),
            8,
        )
        .await?;
    }
    let review_event = match (from, to) {
        (_, OfferStatus::Submitted) => Some("waiting"),
        (OfferStatus::Submitted, OfferStatus::Published) => Some("published"),
        (OfferStatus::Submitted, OfferStatus::Draft) => Some("returned"),
        _ => None,
    };
    if let Some(event) = review_event {
        jobs::enqueue(
            &mut tx,
            REVIEW_JOB,
            &serde_json::json!({ "offer_id": id, "event": event }),
            8,
        )
        .await?;
    }
    changelog::record(&mut tx, ENTITY, id, Op::Upsert).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A live (not closed or expired) offer of the same organisation with exactly this content,
/// created since `since` (a double-clicked submit), if there is one.
pub async fn identical_since(db: &Db, offer: &Offer, since: DateTime<Utc>) -> Result<Option<i64>> {
    let rows: Vec<(i64, Json<Offer>)> = on_db!(db, p => sqlx::query_as(
        "SELECT id, data FROM offers WHERE organisation_id = $1 AND created_at >= $2
           AND status NOT IN ('closed', 'expired') ORDER BY id DESC LIMIT 50")
        .bind(offer.organisation_id).bind(since).fetch_all(p).await)?;
    Ok(rows
        .into_iter()
        .find(|(_, d)| d.0 == *offer)
        .map(|(id, _)| id))
}

pub async fn get(db: &Db, id: i64) -> Result<OfferRecord> {
    let sql = format!("SELECT {COLUMNS} FROM offers o WHERE o.id = $1");
    let row: Row =
        on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?;
    row.try_into()
}

pub async fn texts(db: &Db, id: i64) -> Result<Vec<OfferText>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, OfferText>(
        "SELECT lang, title, description, status, engine, translated_by, updated_at FROM offer_texts WHERE offer_id = $1 ORDER BY lang")
        .bind(id).fetch_all(p).await)?)
}

/// The offers with these ids (missing ones left out), by id, in batches of `BATCH_ROWS`: for
/// pages that list offers found elsewhere (search hits), in one round trip instead of one each.
pub async fn get_many(db: &Db, ids: &[i64]) -> Result<Vec<OfferRecord>> {
    let select = format!("SELECT {COLUMNS} FROM offers o");
    crate::rows_by_ids::<Row>(db, &select, ids)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}

#[derive(FromRow)]
struct TextRow {
    offer_id: i64,
    #[sqlx(flatten)]
    text: OfferText,
}

/// For lists of offers: of each offer, the title of its original and of its `lang` version,
/// without descriptions (a list shows titles; reading every version of every offer made a
/// page of 20 offers copy some 240 rows of text).
pub async fn titles_many(db: &Db, ids: &[i64], lang: &str) -> Result<HashMap<i64, Vec<OfferText>>> {
    let mut out: HashMap<i64, Vec<OfferText>> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(crate::BATCH_ROWS) {
        let rows: Vec<TextRow> = on_db!(db, p => {
            let mut q = QueryBuilder::new(
                "SELECT offer_id, lang, title, '' AS description, status, engine, translated_by, updated_at
                 FROM offer_texts WHERE (lang = ");
            q.push_bind(lang);
            q.push(" OR status = 'original') AND offer_id IN (");
            let mut sep = q.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            q.push(") ORDER BY offer_id, lang");
            q.build_query_as::<TextRow>().fetch_all(p).await
        })?;
        for r in rows {
            out.entry(r.offer_id).or_default().push(r.text);
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct HistoryRow {
    pub status: String,
    pub action: Json<serde_json::Value>,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

pub async fn history(db: &Db, id: i64) -> Result<Vec<HistoryRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, HistoryRow>(
        "SELECT status, action, actor_id, at FROM offer_history WHERE offer_id = $1 ORDER BY id")
        .bind(id).fetch_all(p).await)?)
}

/// Which offers a list shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kinds: Vec<String>,
    /// Default: published only.
    pub statuses: Vec<String>,
    pub nace: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub organisation_id: Option<i64>,
    /// Besides public offers, those limited to these clusters (the caller's clusters).
    pub clusters: Vec<i64>,
    /// Every offer regardless of its visibility (administrators).
    pub all_visibility: bool,
    /// Only offers of current members of one of these clusters (a coordinator's review).
    pub members_of: Option<Vec<i64>>,
}

/// Newest first; `before` is the id of the last offer already seen.
pub async fn list(
    db: &Db,
    f: &Filter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<OfferRecord>> {
    let rows: Vec<Row> = on_db!(db, p => {
        let mut q = QueryBuilder::new(format!("SELECT {COLUMNS} FROM offers o WHERE 1 = 1"));
        let statuses = if f.statuses.is_empty() { vec![OfferStatus::Published.as_str().to_string()] } else { f.statuses.clone() };
        q.push(" AND o.status IN (");
        let mut sep = q.separated(", ");
        for s in statuses {
            sep.push_bind(s);
        }
        q.push(")");
        if !f.kinds.is_empty() {
            q.push(" AND o.kind IN (");
            let mut sep = q.separated(", ");
            for k in &f.kinds {
                sep.push_bind(k.clone());
            }
            q.push(")");
        }
        if !f.all_visibility {
            q.push(" AND (o.cluster_id IS NULL");
            for c in &f.clusters {
                q.push(" OR o.cluster_id = ").push_bind(*c);
            }
            q.push(")");
        }
        if let Some(code) = &f.nace {
            q.push(" AND EXISTS (SELECT 1 FROM offer_nace n WHERE n.offer_id = o.id AND n.code = ").push_bind(code.clone()).push(")");
        }
        if let Some(code) = &f.region {
            q.push(" AND EXISTS (SELECT 1 FROM offer_regions r WHERE r.offer_id = o.id AND r.code = ").push_bind(code.clone()).push(")");
        }
        if let Some(c) = &f.country {
            q.push(" AND o.country = ").push_bind(c.clone());
        }
        if let Some(org) = f.organisation_id {
            q.push(" AND o.organisation_id = ").push_bind(org);
        }
        if let Some(clusters) = &f.members_of {
            q.push(" AND o.organisation_id IN (SELECT m.organisation_id FROM memberships m WHERE m.left_on IS NULL AND m.cluster_id IN (");
            let mut sep = q.separated(", ");
            // No cluster: no offer (an empty IN list is not valid SQL).
            sep.push_bind(0_i64);
            for c in clusters {
                sep.push_bind(*c);
            }
            q.push("))");
        }
        if let Some(b) = before {
            q.push(" AND o.id < ").push_bind(b);
        }
        q.push(" ORDER BY o.id DESC LIMIT ").push_bind(limit);
        q.build_query_as::<Row>().fetch_all(p).await
    })?;
    rows.into_iter().map(TryInto::try_into).collect()
}

/// Published offers whose `expires_on` is before `today`, for the expiry sweep.
pub async fn due_to_expire(db: &Db, today: NaiveDate) -> Result<Vec<i64>> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT id FROM offers WHERE status = 'published' AND expires_on < $1 ORDER BY id")
        .bind(today).fetch_all(p).await)?)
}

/// A reviewed pair for the translation memory.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct MemoryPair {
    pub source_lang: String,
    pub target_lang: String,
    pub source_text: String,
    pub target_text: String,
}

/// Records a person's translation of an offer (status `human`, or `reviewed`); reviewed pairs
/// also go into the translation memory, in the same transaction.
pub async fn correct_text(db: &Db, id: i64, text: &OfferText, memory: &[MemoryPair]) -> Result<()> {
    let mut tx = db.begin().await?;
    set_text(&mut tx, id, text).await?;
    for m in memory {
        on_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO translation_memory (source_lang, target_lang, source_text, target_text, reviewed_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&m.source_lang).bind(&m.target_lang).bind(&m.source_text).bind(&m.target_text)
            .bind(text.translated_by).bind(crate::now())
            .execute(c).await.map(|r| r.rows_affected()))?;
    }
    tx.commit().await
}

/// Every reviewed pair, oldest first (later corrections of the same segment win on load).
pub async fn memory(db: &Db) -> Result<Vec<MemoryPair>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, MemoryPair>(
        "SELECT source_lang, target_lang, source_text, target_text FROM translation_memory ORDER BY id")
        .fetch_all(p).await)?)
}
