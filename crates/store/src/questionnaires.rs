//! Questionnaires (versioned definitions stored as JSON) and their responses. A response keeps
//! the submission exactly as received; reviews append events and never rewrite it. Accepting a
//! response creates or updates the organisation in the same transaction.

use chrono::{DateTime, NaiveDate, Utc};
use klaster_domain::{MembershipRole, Questionnaire, ResponseStatus, default_questionnaire};
use serde::Serialize;
use sqlx::FromRow;
use sqlx::types::Json;

use crate::organisations as orgs;
use crate::{Db, Result, StoreError, Tx, directory, on_db, on_tx};

#[derive(Debug, Clone)]
pub struct StoredQuestionnaire {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub definition: Questionnaire,
}

#[derive(FromRow)]
struct QRow {
    id: i64,
    created_at: DateTime<Utc>,
    definition: Json<Questionnaire>,
}

impl From<QRow> for StoredQuestionnaire {
    fn from(r: QRow) -> Self {
        StoredQuestionnaire {
            id: r.id,
            created_at: r.created_at,
            definition: r.definition.0,
        }
    }
}

/// Stores the built-in "cluster cooperation questionnaire" unless this version is there. A
/// stored copy of this version that lacks languages the built-in one has gains their texts in
/// place (an installation made before the Russian texts gets them, and its drafts and responses
/// keep pointing at the same, unchanged questions); any other difference is left alone.
pub async fn ensure_default(db: &Db) -> Result<()> {
    let q = default_questionnaire();
    match by_version(db, &q.key, q.version).await? {
        None => {
            insert(db, &q).await?;
        }
        Some(stored) if stored.definition.gains_only_languages(&q) => {
            on_db!(db, p => sqlx::query("UPDATE questionnaires SET definition = $1 WHERE id = $2")
                .bind(Json(&q)).bind(stored.id).execute(p).await.map(|r| r.rows_affected()))?;
        }
        Some(_) => {}
    }
    Ok(())
}

/// Stores a new version. Versions of one key only grow, so a response always names the exact
/// definition it answered.
pub async fn insert(db: &Db, q: &Questionnaire) -> Result<StoredQuestionnaire> {
    if let Some(latest) = latest(db, &q.key).await?
        && latest.definition.version >= q.version
    {
        return Err(StoreError::Conflict(format!(
            "version {} of {} exists; a new version must be greater",
            latest.definition.version, q.key
        )));
    }
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO questionnaires (key, version, definition, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(&q.key).bind(q.version).bind(Json(q)).bind(crate::now()).fetch_one(p).await)?;
    get(db, id).await
}

pub async fn get(db: &Db, id: i64) -> Result<StoredQuestionnaire> {
    let row: QRow = on_db!(db, p => sqlx::query_as("SELECT id, created_at, definition FROM questionnaires WHERE id = $1")
        .bind(id).fetch_one(p).await)?;
    Ok(row.into())
}

pub async fn latest(db: &Db, key: &str) -> Result<Option<StoredQuestionnaire>> {
    let row: Option<QRow> = on_db!(db, p => sqlx::query_as(
        "SELECT id, created_at, definition FROM questionnaires WHERE key = $1 ORDER BY version DESC LIMIT 1")
        .bind(key).fetch_optional(p).await)?;
    Ok(row.map(Into::into))
}

pub async fn by_version(db: &Db, key: &str, version: i32) -> Result<Option<StoredQuestionnaire>> {
    let row: Option<QRow> = on_db!(db, p => sqlx::query_as(
        "SELECT id, created_at, definition FROM questionnaires WHERE key = $1 AND version = $2")
        .bind(key).bind(version).fetch_optional(p).await)?;
    Ok(row.map(Into::into))
}

/// The latest version of every questionnaire.
pub async fn list_latest(db: &Db) -> Result<Vec<StoredQuestionnaire>> {
    let rows: Vec<QRow> = on_db!(db, p => sqlx::query_as(
        "SELECT q.id, q.created_at, q.definition FROM questionnaires q
         WHERE q.version = (SELECT MAX(v.version) FROM questionnaires v WHERE v.key = q.key) ORDER BY q.key")
        .fetch_all(p).await)?;
    Ok(rows.into_iter().map(Into::into).collect())
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct ResponseRow {
    pub id: i64,
    pub questionnaire_id: i64,
    /// The submission exactly as received.
    pub raw: String,
    pub language: String,
    pub cluster_id: Option<i64>,
    pub status: String,
    pub organisation_id: Option<i64>,
    pub submitted_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct ResponseEvent {
    pub id: i64,
    pub status: String,
    pub reason: Option<String>,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

const RESPONSE_COLUMNS: &str = "id, questionnaire_id, raw, language, cluster_id, status, organisation_id, submitted_by, created_at, updated_at";

pub struct NewResponse<'a> {
    pub questionnaire_id: i64,
    pub raw: &'a str,
    pub language: &'a str,
    pub cluster_id: Option<i64>,
    pub submitted_by: Option<i64>,
}

pub async fn submit(db: &Db, r: &NewResponse<'_>) -> Result<ResponseRow> {
    let now = crate::now();
    let status = status_str(ResponseStatus::Submitted);
    let mut tx = db.begin().await?;
    let id: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "INSERT INTO responses (questionnaire_id, raw, language, cluster_id, status, submitted_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id")
        .bind(r.questionnaire_id).bind(r.raw).bind(r.language).bind(r.cluster_id).bind(status).bind(r.submitted_by).bind(now)
        .fetch_one(c).await)?;
    add_event(&mut tx, id, status, None, r.submitted_by).await?;
    tx.commit().await?;
    response(db, id).await
}

async fn add_event(
    tx: &mut Tx,
    response_id: i64,
    status: &str,
    reason: Option<&str>,
    actor: Option<i64>,
) -> Result<()> {
    on_tx!(tx, c => sqlx::query("INSERT INTO response_events (response_id, status, reason, actor_id, at) VALUES ($1, $2, $3, $4, $5)")
        .bind(response_id).bind(status).bind(reason).bind(actor).bind(crate::now()).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn response(db: &Db, id: i64) -> Result<ResponseRow> {
    let sql = format!("SELECT {RESPONSE_COLUMNS} FROM responses WHERE id = $1");
    Ok(
        on_db!(db, p => sqlx::query_as::<_, ResponseRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?,
    )
}

/// Responses, newest first, optionally with one status and/or addressed to some clusters
/// (`clusters: Some(&[])` means "none": a coordinator of no cluster sees nothing).
pub async fn responses(
    db: &Db,
    status: Option<&str>,
    clusters: Option<&[i64]>,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<ResponseRow>> {
    Ok(on_db!(db, p => {
        let mut q = sqlx::QueryBuilder::new(format!("SELECT {RESPONSE_COLUMNS} FROM responses WHERE 1 = 1"));
        if let Some(s) = status {
            q.push(" AND status = ").push_bind(s.to_string());
        }
        if let Some(cs) = clusters {
            q.push(" AND cluster_id IN (");
            let mut sep = q.separated(", ");
            sep.push("NULL");
            for c in cs {
                sep.push_bind(*c);
            }
            q.push(")");
        }
        if let Some(b) = before {
            q.push(" AND id < ").push_bind(b);
        }
        q.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
        q.build_query_as::<ResponseRow>().fetch_all(p).await
    })?)
}

pub async fn events(db: &Db, response_id: i64) -> Result<Vec<ResponseEvent>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, ResponseEvent>(
        "SELECT id, status, reason, actor_id, at FROM response_events WHERE response_id = $1 ORDER BY id")
        .bind(response_id).fetch_all(p).await)?)
}

pub fn status_str(s: ResponseStatus) -> &'static str {
    match s {
        ResponseStatus::Submitted => "submitted",
        ResponseStatus::Accepted => "accepted",
        ResponseStatus::Rejected => "rejected",
        ResponseStatus::ChangesRequested => "changes_requested",
    }
}

pub fn parse_status(s: &str) -> Option<ResponseStatus> {
    [
        ResponseStatus::Submitted,
        ResponseStatus::Accepted,
        ResponseStatus::Rejected,
        ResponseStatus::ChangesRequested,
    ]
    .into_iter()
    .find(|st| status_str(*st) == s)
}

/// What acceptance writes: the organisation (new or matched by legal id), its contact, and
/// the membership of the cluster the response asked to join.
pub struct Acceptance {
    pub organisation: klaster_domain::Organisation,
    pub contact: Option<klaster_domain::Contact>,
    pub joined_on: NaiveDate,
}

/// Moves a response to `next`, checking the transition, all in one transaction. On acceptance
/// writes the organisation and returns its id.
pub async fn review(
    db: &Db,
    id: i64,
    next: ResponseStatus,
    reason: Option<&str>,
    actor: Option<i64>,
    accept: Option<Acceptance>,
) -> Result<Option<i64>> {
    let mut tx = db.begin().await?;
    let current: ResponseRow = {
        let sql = format!("SELECT {RESPONSE_COLUMNS} FROM responses WHERE id = $1");
        on_tx!(&mut tx, c => sqlx::query_as::<_, ResponseRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(c).await)?
    };
    let from = parse_status(&current.status)
        .ok_or_else(|| StoreError::Corrupt(format!("status {}", current.status)))?;
    if !from.can_transition_to(next) {
        return Err(StoreError::Conflict(format!(
            "a response that is {} cannot become {}",
            current.status,
            status_str(next)
        )));
    }
    let mut org_id = None;
    if let Some(a) = accept {
        let mut matched = None;
        for lid in &a.organisation.legal_ids {
            if let Some(found) =
                orgs::id_by_legal_id(&mut tx, lid.kind().as_str(), lid.value()).await?
            {
                matched = Some(found);
                break;
            }
        }
        let oid = match matched {
            Some(oid) => {
                orgs::replace(&mut tx, oid, &a.organisation, None).await?;
                oid
            }
            None => orgs::insert(&mut tx, &a.organisation).await?,
        };
        if let Some(contact) = &a.contact {
            directory::add_contact_in(&mut tx, oid, contact, contact.is_personal_data).await?;
        }
        if let Some(cluster) = current.cluster_id
            && !directory::is_current_member(&mut tx, cluster, oid).await?
        {
            directory::add_member(
                &mut tx,
                cluster,
                oid,
                role_str(MembershipRole::Member),
                a.joined_on,
                None,
            )
            .await?;
        }
        org_id = Some(oid);
    }
    let status = status_str(next);
    on_tx!(&mut tx, c => sqlx::query(
        "UPDATE responses SET status = $1, organisation_id = COALESCE($2, organisation_id), updated_at = $3 WHERE id = $4")
        .bind(status).bind(org_id).bind(crate::now()).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    add_event(&mut tx, id, status, reason, actor).await?;
    tx.commit().await?;
    Ok(org_id)
}

pub fn role_str(r: MembershipRole) -> &'static str {
    match r {
        MembershipRole::Coordinator => "coordinator",
        MembershipRole::FoundingMember => "founding_member",
        MembershipRole::Member => "member",
    }
}

/// The responses a person submitted, newest first.
pub async fn by_submitter(db: &Db, user_id: i64) -> Result<Vec<ResponseRow>> {
    let sql = format!(
        "SELECT {RESPONSE_COLUMNS} FROM responses WHERE submitted_by = $1 ORDER BY id DESC"
    );
    Ok(
        on_db!(db, p => sqlx::query_as::<_, ResponseRow>(sqlx::AssertSqlSafe(sql))
        .bind(user_id).fetch_all(p).await)?,
    )
}
