//! The rest of the directory around organisations: contacts, clusters (profiles, members,
//! statuses), relations, agreements, projects and events. Descriptive fields are kept as JSON
//! (`data`); the columns are what queries filter and join on.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::FromRow;
use sqlx::types::Json;

use crate::changelog::{self, Op};
use crate::organisations::ENTITY as ORG;
use crate::{Db, Result, StoreError, Tx, on_db, on_tx};

fn json<T: Serialize>(v: &T) -> Result<Json<serde_json::Value>> {
    serde_json::to_value(v)
        .map(Json)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Decodes a stored JSON document into the caller's type.
pub fn decode<T: DeserializeOwned>(v: &serde_json::Value) -> Result<T> {
    serde_json::from_value(v.clone()).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn one_row(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

// ---- contacts -------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct ContactRow {
    pub id: i64,
    pub organisation_id: i64,
    pub data: Json<serde_json::Value>,
    pub is_personal: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub async fn add_contact<T: Serialize>(
    db: &Db,
    org_id: i64,
    data: &T,
    is_personal: bool,
) -> Result<ContactRow> {
    let now = crate::now();
    let data = json(data)?;
    Ok(on_db!(db, p => sqlx::query_as::<_, ContactRow>(
        "INSERT INTO contacts (organisation_id, data, is_personal, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         RETURNING id, organisation_id, data, is_personal, created_at, updated_at")
        .bind(org_id).bind(&data).bind(is_personal).bind(now)
        .fetch_one(p).await)?)
}

pub async fn contacts_of(db: &Db, org_id: i64) -> Result<Vec<ContactRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, ContactRow>(
        "SELECT id, organisation_id, data, is_personal, created_at, updated_at FROM contacts WHERE organisation_id = $1 ORDER BY id")
        .bind(org_id).fetch_all(p).await)?)
}

pub async fn contact(db: &Db, id: i64) -> Result<ContactRow> {
    Ok(on_db!(db, p => sqlx::query_as::<_, ContactRow>(
        "SELECT id, organisation_id, data, is_personal, created_at, updated_at FROM contacts WHERE id = $1")
        .bind(id).fetch_one(p).await)?)
}

pub async fn update_contact<T: Serialize>(
    db: &Db,
    id: i64,
    data: &T,
    is_personal: bool,
) -> Result<ContactRow> {
    let data = json(data)?;
    let done = on_db!(db, p => sqlx::query("UPDATE contacts SET data = $1, is_personal = $2, updated_at = $3 WHERE id = $4")
        .bind(&data).bind(is_personal).bind(crate::now()).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    one_row(done)?;
    contact(db, id).await
}

/// Erases a contact (the right to erasure): the row is deleted, not hidden.
pub async fn delete_contact(db: &Db, id: i64) -> Result<()> {
    let done = on_db!(db, p => sqlx::query("DELETE FROM contacts WHERE id = $1").bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    one_row(done)
}

// ---- clusters -------------------------------------------------------------------------------

pub async fn set_cluster_profile<T: Serialize>(
    tx: &mut Tx,
    cluster_id: i64,
    data: &T,
    requires_offer_review: bool,
) -> Result<()> {
    let data = json(data)?;
    on_tx!(tx, c => {
        sqlx::query("DELETE FROM cluster_profiles WHERE organisation_id = $1").bind(cluster_id).execute(&mut *c).await?;
        sqlx::query("INSERT INTO cluster_profiles (organisation_id, data, requires_offer_review) VALUES ($1, $2, $3)")
            .bind(cluster_id).bind(&data).bind(requires_offer_review).execute(&mut *c).await.map(|r| r.rows_affected())
    })?;
    changelog::record(tx, ORG, cluster_id, Op::Upsert).await
}

pub async fn cluster_profile(db: &Db, cluster_id: i64) -> Result<Option<serde_json::Value>> {
    let row: Option<Json<serde_json::Value>> = on_db!(db, p => sqlx::query_scalar(
        "SELECT data FROM cluster_profiles WHERE organisation_id = $1").bind(cluster_id).fetch_optional(p).await)?;
    Ok(row.map(|j| j.0))
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct MembershipRow {
    pub id: i64,
    pub cluster_id: i64,
    pub organisation_id: i64,
    pub role: String,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    /// The member's primary name, for display.
    pub organisation_name: String,
}

const MEMBERSHIP_SELECT: &str = "SELECT m.id, m.cluster_id, m.organisation_id, m.role, m.joined_on, m.left_on, o.name AS organisation_name
     FROM memberships m JOIN organisations o ON o.id = m.organisation_id";

pub async fn add_member(
    tx: &mut Tx,
    cluster_id: i64,
    org_id: i64,
    role: &str,
    joined_on: NaiveDate,
    left_on: Option<NaiveDate>,
) -> Result<i64> {
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO memberships (cluster_id, organisation_id, role, joined_on, left_on, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .bind(cluster_id).bind(org_id).bind(role).bind(joined_on).bind(left_on).bind(crate::now())
        .fetch_one(c).await)?;
    changelog::record(tx, ORG, org_id, Op::Upsert).await?;
    Ok(id)
}

/// Whether `org_id` is a current member of `cluster_id` (used to refuse duplicates).
pub async fn is_current_member(tx: &mut Tx, cluster_id: i64, org_id: i64) -> Result<bool> {
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE cluster_id = $1 AND organisation_id = $2 AND left_on IS NULL")
        .bind(cluster_id).bind(org_id).fetch_one(c).await)?;
    Ok(n > 0)
}

pub async fn members(db: &Db, cluster_id: i64) -> Result<Vec<MembershipRow>> {
    let sql = format!(
        "{MEMBERSHIP_SELECT} WHERE m.cluster_id = $1 ORDER BY m.left_on IS NOT NULL, o.name_folded, m.id"
    );
    Ok(
        on_db!(db, p => sqlx::query_as::<_, MembershipRow>(sqlx::AssertSqlSafe(sql)).bind(cluster_id).fetch_all(p).await)?,
    )
}

pub async fn membership(db: &Db, id: i64) -> Result<MembershipRow> {
    let sql = format!("{MEMBERSHIP_SELECT} WHERE m.id = $1");
    Ok(
        on_db!(db, p => sqlx::query_as::<_, MembershipRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?,
    )
}

pub async fn update_member(
    db: &Db,
    id: i64,
    role: &str,
    joined_on: NaiveDate,
    left_on: Option<NaiveDate>,
) -> Result<MembershipRow> {
    let done = on_db!(db, p => sqlx::query("UPDATE memberships SET role = $1, joined_on = $2, left_on = $3 WHERE id = $4")
        .bind(role).bind(joined_on).bind(left_on).bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    one_row(done)?;
    membership(db, id).await
}

pub async fn delete_member(db: &Db, id: i64) -> Result<()> {
    let done = on_db!(db, p => sqlx::query("DELETE FROM memberships WHERE id = $1").bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    one_row(done)
}

/// How many current members (not left) each of these clusters has, in one query per
/// `BATCH_ROWS` clusters; clusters without current members are absent from the map.
pub async fn current_member_counts(db: &Db, cluster_ids: &[i64]) -> Result<HashMap<i64, i64>> {
    let mut out = HashMap::with_capacity(cluster_ids.len());
    for chunk in cluster_ids.chunks(crate::BATCH_ROWS) {
        let rows: Vec<(i64, i64)> = on_db!(db, p => {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT m.cluster_id, COUNT(*) FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                 WHERE m.left_on IS NULL AND m.cluster_id IN (");
            let mut sep = q.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            q.push(") GROUP BY m.cluster_id");
            q.build_query_as::<(i64, i64)>().fetch_all(p).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// The clusters an organisation belongs to now.
pub async fn clusters_of(db: &Db, org_id: i64) -> Result<Vec<MembershipRow>> {
    let sql = "SELECT m.id, m.cluster_id, m.organisation_id, m.role, m.joined_on, m.left_on, c.name AS organisation_name
         FROM memberships m JOIN organisations c ON c.id = m.cluster_id
         WHERE m.organisation_id = $1 ORDER BY m.joined_on, m.id";
    Ok(on_db!(db, p => sqlx::query_as::<_, MembershipRow>(sql).bind(org_id).fetch_all(p).await)?)
}

/// The clusters each of these organisations belongs to now (memberships with the cluster's
/// name), in batches of `BATCH_ROWS`: for lists of organisations.
pub async fn current_clusters_of_many(db: &Db, org_ids: &[i64]) -> Result<Vec<MembershipRow>> {
    let mut out = Vec::new();
    for chunk in org_ids.chunks(crate::BATCH_ROWS) {
        let rows: Vec<MembershipRow> = on_db!(db, p => {
            let mut q = sqlx::QueryBuilder::new(
                "SELECT m.id, m.cluster_id, m.organisation_id, m.role, m.joined_on, m.left_on, c.name AS organisation_name
                 FROM memberships m JOIN organisations c ON c.id = m.cluster_id
                 WHERE m.left_on IS NULL AND m.organisation_id IN (");
            let mut sep = q.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            q.push(") ORDER BY c.name_folded, m.id");
            q.build_query_as::<MembershipRow>().fetch_all(p).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct StatusRow {
    pub id: i64,
    pub cluster_id: i64,
    pub kind: String,
    pub granted_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    pub data: Json<serde_json::Value>,
}

pub async fn add_status<T: Serialize>(
    tx: &mut Tx,
    cluster_id: i64,
    kind: &str,
    granted_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    data: &T,
) -> Result<i64> {
    let data = json(data)?;
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO cluster_statuses (cluster_id, kind, data, granted_on, valid_until, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .bind(cluster_id).bind(kind).bind(&data).bind(granted_on).bind(valid_until).bind(crate::now())
        .fetch_one(c).await)?;
    changelog::record(tx, ORG, cluster_id, Op::Upsert).await?;
    Ok(id)
}

pub async fn statuses(db: &Db, cluster_id: i64) -> Result<Vec<StatusRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, StatusRow>(
        "SELECT id, cluster_id, kind, granted_on, valid_until, data FROM cluster_statuses WHERE cluster_id = $1 ORDER BY granted_on, id")
        .bind(cluster_id).fetch_all(p).await)?)
}

pub async fn status(db: &Db, id: i64) -> Result<StatusRow> {
    Ok(on_db!(db, p => sqlx::query_as::<_, StatusRow>(
        "SELECT id, cluster_id, kind, granted_on, valid_until, data FROM cluster_statuses WHERE id = $1")
        .bind(id).fetch_one(p).await)?)
}

/// Replaces status `id` (a recertification moves `valid_until` and sets `recertified_on`).
pub async fn update_status<T: Serialize>(
    tx: &mut Tx,
    id: i64,
    kind: &str,
    granted_on: NaiveDate,
    valid_until: Option<NaiveDate>,
    data: &T,
) -> Result<()> {
    let data = json(data)?;
    let cluster: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
        "UPDATE cluster_statuses SET kind = $1, data = $2, granted_on = $3, valid_until = $4 WHERE id = $5 RETURNING cluster_id")
        .bind(kind).bind(&data).bind(granted_on).bind(valid_until).bind(id)
        .fetch_optional(c).await)?;
    let cluster = cluster.ok_or(StoreError::NotFound)?;
    changelog::record(tx, ORG, cluster, Op::Upsert).await
}

pub async fn delete_status(db: &Db, id: i64) -> Result<()> {
    let done = on_db!(db, p => sqlx::query("DELETE FROM cluster_statuses WHERE id = $1").bind(id).execute(p).await.map(|r| r.rows_affected()))?;
    one_row(done)
}

// ---- relations, agreements, projects, events ------------------------------------------------

pub async fn add_relation(tx: &mut Tx, from_org: i64, to_org: i64, kind: &str) -> Result<i64> {
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO relations (from_org, to_org, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(from_org).bind(to_org).bind(kind).bind(crate::now()).fetch_one(c).await)?)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct RelationRow {
    pub id: i64,
    pub from_org: i64,
    pub to_org: i64,
    pub kind: String,
}

pub async fn relations_of(db: &Db, org_id: i64) -> Result<Vec<RelationRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, RelationRow>(
        "SELECT id, from_org, to_org, kind FROM relations WHERE from_org = $1 OR to_org = $1 ORDER BY id")
        .bind(org_id).fetch_all(p).await)?)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct AgreementRow {
    pub id: i64,
    pub kind: String,
    pub signed_on: Option<NaiveDate>,
    pub data: Json<serde_json::Value>,
}

pub async fn add_agreement<T: Serialize>(
    tx: &mut Tx,
    kind: &str,
    signed_on: Option<NaiveDate>,
    data: &T,
    parties: &[i64],
) -> Result<i64> {
    let data = json(data)?;
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO agreements (kind, signed_on, data, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(kind).bind(signed_on).bind(&data).bind(crate::now()).fetch_one(c).await)?;
    for party in parties {
        on_tx!(tx, c => sqlx::query("INSERT INTO agreement_parties (agreement_id, organisation_id) VALUES ($1, $2)")
            .bind(id).bind(*party).execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

pub async fn agreement_parties(db: &Db, agreement_id: i64) -> Result<Vec<i64>> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT organisation_id FROM agreement_parties WHERE agreement_id = $1 ORDER BY organisation_id")
        .bind(agreement_id).fetch_all(p).await)?)
}

/// Agreements, newest first; with `org_id`, only those it is a party to.
pub async fn agreements(db: &Db, org_id: Option<i64>) -> Result<Vec<AgreementRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, AgreementRow>(
        "SELECT a.id, a.kind, a.signed_on, a.data FROM agreements a
         WHERE $1 IS NULL OR EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.organisation_id = $1)
         ORDER BY a.signed_on DESC, a.id DESC")
        .bind(org_id).fetch_all(p).await)?)
}

pub async fn agreement(db: &Db, id: i64) -> Result<AgreementRow> {
    Ok(on_db!(db, p => sqlx::query_as::<_, AgreementRow>(
        "SELECT id, kind, signed_on, data FROM agreements WHERE id = $1").bind(id).fetch_one(p).await)?)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct DocRow {
    pub id: i64,
    pub data: Json<serde_json::Value>,
}

pub async fn add_project<T: Serialize>(
    tx: &mut Tx,
    data: &T,
    partners: &[(i64, &str)],
) -> Result<i64> {
    let data = json(data)?;
    let id: i64 = on_tx!(tx, c => sqlx::query_scalar("INSERT INTO projects (data, created_at) VALUES ($1, $2) RETURNING id")
        .bind(&data).bind(crate::now()).fetch_one(c).await)?;
    for (org, role) in partners {
        on_tx!(tx, c => sqlx::query("INSERT INTO project_partners (project_id, organisation_id, role) VALUES ($1, $2, $3)")
            .bind(id).bind(*org).bind(*role).execute(c).await.map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

pub async fn projects(db: &Db) -> Result<Vec<DocRow>> {
    Ok(
        on_db!(db, p => sqlx::query_as::<_, DocRow>("SELECT id, data FROM projects ORDER BY id").fetch_all(p).await)?,
    )
}

pub async fn add_event<T: Serialize>(tx: &mut Tx, starts_on: NaiveDate, data: &T) -> Result<i64> {
    let data = json(data)?;
    Ok(
        on_tx!(tx, c => sqlx::query_scalar("INSERT INTO events (starts_on, data, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(starts_on).bind(&data).bind(crate::now()).fetch_one(c).await)?,
    )
}

pub async fn events(db: &Db) -> Result<Vec<DocRow>> {
    Ok(
        on_db!(db, p => sqlx::query_as::<_, DocRow>("SELECT id, data FROM events ORDER BY starts_on, id").fetch_all(p).await)?,
    )
}

/// Adds a contact inside the caller's transaction.
pub async fn add_contact_in<T: Serialize>(
    tx: &mut Tx,
    org_id: i64,
    data: &T,
    is_personal: bool,
) -> Result<i64> {
    let now = crate::now();
    let data = json(data)?;
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO contacts (organisation_id, data, is_personal, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id")
        .bind(org_id).bind(&data).bind(is_personal).bind(now)
        .fetch_one(c).await)?)
}
