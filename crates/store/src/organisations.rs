//! Organisations of the directory: stored as their validated profile (JSON) plus the columns
//! and link tables that filters need.

use chrono::{DateTime, Utc};
use klaster_domain::org::Organisation;
use klaster_domain::text::fold;
use sqlx::types::Json;
use sqlx::{FromRow, QueryBuilder};

use crate::changelog::{self, Op};
use crate::closure;
use crate::{Db, Result, StoreError, Tx, on_db, on_tx};

pub const ENTITY: &str = "organisation";

#[derive(Debug, Clone, PartialEq)]
pub struct OrgRecord {
    pub id: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub org: Organisation,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    profile: Json<Organisation>,
}

impl From<Row> for OrgRecord {
    fn from(r: Row) -> Self {
        OrgRecord {
            id: r.id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            org: r.profile.0,
        }
    }
}

const COLUMNS: &str = "o.id, o.version, o.created_at, o.updated_at, o.profile";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Name,
    NameDesc,
    Updated,
    UpdatedDesc,
}

/// What the list endpoint filters on; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kinds: Vec<String>,
    /// A canonical NACE code of any level; matches organisations with that code or one below it.
    pub nace: Option<String>,
    /// A canonical region code of any level (NUTS or ISO 3166-2).
    pub region: Option<String>,
    pub country: Option<String>,
    /// Current members of this cluster.
    pub cluster: Option<i64>,
    pub size_class: Option<String>,
    /// Folded free text matched anywhere in the name.
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub sort: Sort,
    /// The sort key and id of the last row already seen.
    pub after: Option<(String, i64)>,
    pub limit: i64,
}

impl Sort {
    /// The sort key of a record as the cursor carries it.
    pub fn key_of(self, r: &OrgRecord) -> String {
        match self {
            Sort::Name | Sort::NameDesc => fold(r.org.primary_name()),
            Sort::Updated | Sort::UpdatedDesc => timestamp_key(r.updated_at),
        }
    }
}

/// Timestamps as fixed-width text so cursors compare the way the column does on both engines.
fn timestamp_key(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn kind_str(org: &Organisation) -> &'static str {
    org.kind.as_str()
}

/// Writes the link tables (NACE and region closures, legal identifiers) of organisations
/// from their profiles, a few multi-row statements per batch.
async fn write_links(tx: &mut Tx, rows: &[(i64, &Organisation)]) -> Result<()> {
    let mut nace = Vec::new();
    let mut regions = Vec::new();
    let mut legal = Vec::new();
    for (id, org) in rows {
        nace.extend(
            closure::nace(org.nace_main.iter().chain(&org.nace_other))
                .into_iter()
                .map(|c| (*id, c)),
        );
        regions.extend(
            closure::region(org.region.as_deref(), &org.country)
                .into_iter()
                .map(|c| (*id, c)),
        );
        legal.extend(
            org.legal_ids
                .iter()
                .map(|l| (*id, l.kind().as_str(), l.value())),
        );
    }
    for chunk in nace.chunks(crate::BATCH_ROWS) {
        on_tx!(tx, c => {
            let mut q = QueryBuilder::new("INSERT INTO organisation_nace (organisation_id, code) ");
            q.push_values(chunk, |mut b, (id, code)| { b.push_bind(*id).push_bind(code.clone()); });
            q.build().execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    for chunk in regions.chunks(crate::BATCH_ROWS) {
        on_tx!(tx, c => {
            let mut q = QueryBuilder::new("INSERT INTO organisation_regions (organisation_id, code) ");
            q.push_values(chunk, |mut b, (id, code)| { b.push_bind(*id).push_bind(code.clone()); });
            q.build().execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    for chunk in legal.chunks(crate::BATCH_ROWS) {
        on_tx!(tx, c => {
            let mut q = QueryBuilder::new("INSERT INTO legal_ids (organisation_id, kind, value) ");
            q.push_values(chunk, |mut b, (id, kind, value)| {
                b.push_bind(*id).push_bind(kind.to_string()).push_bind(value.to_string());
            });
            q.build().execute(c).await.map(|r| r.rows_affected())
        })
        .map_err(|e| match StoreError::from(e) {
            StoreError::Conflict(_) => StoreError::Conflict(duplicate_legal_id(chunk)),
            other => other,
        })?;
    }
    Ok(())
}

/// Names the identifiers of a failed batch; the database says only which constraint broke.
fn duplicate_legal_id(chunk: &[(i64, &str, &str)]) -> String {
    let ids: Vec<String> = chunk
        .iter()
        .take(5)
        .map(|(_, k, v)| format!("{k} {v}"))
        .collect();
    format!(
        "another organisation already has one of: {}",
        ids.join(", ")
    )
}

async fn delete_links(tx: &mut Tx, id: i64) -> Result<()> {
    on_tx!(tx, c => {
        for table in ["organisation_nace", "organisation_regions", "legal_ids"] {
            let sql = format!("DELETE FROM {table} WHERE organisation_id = $1");
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).execute(&mut *c).await?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

/// Inserts an organisation inside the caller's transaction (used by import and the demo loader).
pub async fn insert(tx: &mut Tx, org: &Organisation) -> Result<i64> {
    let ids = insert_many(tx, std::slice::from_ref(org)).await?;
    ids.first()
        .copied()
        .ok_or_else(|| StoreError::Corrupt("the insert returned no id".into()))
}

/// Inserts organisations inside the caller's transaction, returning their ids in order.
pub async fn insert_many(tx: &mut Tx, orgs: &[Organisation]) -> Result<Vec<i64>> {
    let now = crate::now();
    let mut ids = Vec::with_capacity(orgs.len());
    for org in orgs {
        // One row a statement: RETURNING of a multi-row insert does not promise row order.
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO organisations (kind, name, name_folded, country, region, nace_main, size_class, profile, created_at, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 1) RETURNING id")
            .bind(kind_str(org))
            .bind(org.primary_name())
            .bind(fold(org.primary_name()))
            .bind(&org.country)
            .bind(&org.region)
            .bind(&org.nace_main)
            .bind(org.size_class.map(|s| s.as_str()))
            .bind(Json(org))
            .bind(now)
            .fetch_one(c)
            .await)?;
        ids.push(id);
    }
    let rows: Vec<(i64, &Organisation)> = ids.iter().copied().zip(orgs).collect();
    write_links(tx, &rows).await?;
    changelog::record_many(tx, ENTITY, &ids, Op::Upsert).await?;
    Ok(ids)
}

/// Replaces the profile of `id`. With `expected_version`, refuses (Conflict) when someone else
/// changed it since the caller read it.
pub async fn replace(
    tx: &mut Tx,
    id: i64,
    org: &Organisation,
    expected_version: Option<i32>,
) -> Result<()> {
    let now = crate::now();
    let done = on_tx!(tx, c => sqlx::query(
        "UPDATE organisations SET kind = $1, name = $2, name_folded = $3, country = $4, region = $5, nace_main = $6,
                size_class = $7, profile = $8, updated_at = $9, version = version + 1
         WHERE id = $10 AND ($11 IS NULL OR version = $11)")
        .bind(kind_str(org))
        .bind(org.primary_name())
        .bind(fold(org.primary_name()))
        .bind(&org.country)
        .bind(&org.region)
        .bind(&org.nace_main)
        .bind(org.size_class.map(|s| s.as_str()))
        .bind(Json(org))
        .bind(now)
        .bind(id)
        .bind(expected_version)
        .execute(c).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(match exists_in(tx, id).await? {
            true => StoreError::Conflict(
                "the organisation was changed by someone else; reload it".into(),
            ),
            false => StoreError::NotFound,
        });
    }
    delete_links(tx, id).await?;
    write_links(tx, &[(id, org)]).await?;
    changelog::record(tx, ENTITY, id, Op::Upsert).await?;
    Ok(())
}

/// Every legal identifier with its organisation, for matching a whole import at once.
pub async fn legal_id_index(
    tx: &mut Tx,
) -> Result<std::collections::HashMap<(String, String), i64>> {
    let rows: Vec<(String, String, i64)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT kind, value, organisation_id FROM legal_ids").fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(k, v, id)| ((k, v), id)).collect())
}

async fn exists_in(tx: &mut Tx, id: i64) -> Result<bool> {
    let n: i64 = on_tx!(tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id = $1")
        .bind(id).fetch_one(c).await)?;
    Ok(n > 0)
}

pub async fn create(db: &Db, org: &Organisation) -> Result<OrgRecord> {
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, org).await?;
    tx.commit().await?;
    get(db, id).await
}

pub async fn update(
    db: &Db,
    id: i64,
    org: &Organisation,
    expected_version: Option<i32>,
) -> Result<OrgRecord> {
    let mut tx = db.begin().await?;
    replace(&mut tx, id, org, expected_version).await?;
    tx.commit().await?;
    get(db, id).await
}

pub async fn delete(db: &Db, id: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let done = on_tx!(&mut tx, c => sqlx::query("DELETE FROM organisations WHERE id = $1").bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    changelog::record(&mut tx, ENTITY, id, Op::Delete).await?;
    tx.commit().await
}

pub async fn get(db: &Db, id: i64) -> Result<OrgRecord> {
    let sql = format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1");
    let row: Row =
        on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?;
    Ok(row.into())
}

/// The organisation holding a legal identifier, if any (re-import matches on this).
pub async fn id_by_legal_id(tx: &mut Tx, kind: &str, value: &str) -> Result<Option<i64>> {
    Ok(
        on_tx!(tx, c => sqlx::query_scalar("SELECT organisation_id FROM legal_ids WHERE kind = $1 AND value = $2")
        .bind(kind).bind(value).fetch_optional(c).await)?,
    )
}

pub async fn count(db: &Db) -> Result<i64> {
    Ok(
        on_db!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM organisations").fetch_one(p).await)?,
    )
}

/// Appends the conditions of `filter` (each as ` AND ...`) to a query over `organisations o`;
/// a macro because the builder's type differs per engine inside `on_db!`.
macro_rules! push_filter {
    ($q:ident, $filter:expr) => {{
        let filter: &Filter = $filter;
        if !filter.kinds.is_empty() {
            $q.push(" AND o.kind IN (");
            let mut sep = $q.separated(", ");
            for k in &filter.kinds {
                sep.push_bind(k.clone());
            }
            $q.push(")");
        }
        if let Some(code) = &filter.nace {
            $q.push(" AND EXISTS (SELECT 1 FROM organisation_nace n WHERE n.organisation_id = o.id AND n.code = ")
                .push_bind(code.clone()).push(")");
        }
        if let Some(code) = &filter.region {
            $q.push(" AND EXISTS (SELECT 1 FROM organisation_regions r WHERE r.organisation_id = o.id AND r.code = ")
                .push_bind(code.clone()).push(")");
        }
        if let Some(c) = &filter.country {
            $q.push(" AND o.country = ").push_bind(c.clone());
        }
        if let Some(s) = &filter.size_class {
            $q.push(" AND o.size_class = ").push_bind(s.clone());
        }
        if let Some(cluster) = filter.cluster {
            $q.push(" AND EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = o.id AND m.left_on IS NULL AND m.cluster_id = ")
                .push_bind(cluster).push(")");
        }
        if let Some(name) = &filter.name {
            $q.push(" AND o.name_folded LIKE ").push_bind(format!("%{}%", escape_like(name))).push(" ESCAPE '\\'");
        }
    }};
}

/// One page of organisations matching `filter`, in `page.sort` order.
pub async fn list(db: &Db, filter: &Filter, page: &Page) -> Result<Vec<OrgRecord>> {
    let rows: Vec<Row> = on_db!(db, p => {
        let mut q = QueryBuilder::new(format!("SELECT {COLUMNS} FROM organisations o WHERE 1 = 1"));
        push_filter!(q, filter);
        let (col, desc) = match page.sort {
            Sort::Name => ("o.name_folded", false),
            Sort::NameDesc => ("o.name_folded", true),
            Sort::Updated => ("o.updated_at", false),
            Sort::UpdatedDesc => ("o.updated_at", true),
        };
        if let Some((key, id)) = &page.after {
            let cmp = if desc { "<" } else { ">" };
            match page.sort {
                Sort::Name | Sort::NameDesc => {
                    q.push(format!(" AND ({col} {cmp} ")).push_bind(key.clone())
                        .push(format!(" OR ({col} = ")).push_bind(key.clone())
                        .push(format!(" AND o.id {cmp} ")).push_bind(*id).push("))");
                }
                Sort::Updated | Sort::UpdatedDesc => {
                    let t = DateTime::parse_from_rfc3339(key)
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|_| StoreError::Conflict("bad cursor".into()))?;
                    q.push(format!(" AND ({col} {cmp} ")).push_bind(t)
                        .push(format!(" OR ({col} = ")).push_bind(t)
                        .push(format!(" AND o.id {cmp} ")).push_bind(*id).push("))");
                }
            }
        }
        let dir = if desc { "DESC" } else { "ASC" };
        q.push(format!(" ORDER BY {col} {dir}, o.id {dir} LIMIT ")).push_bind(page.limit);
        q.build_query_as::<Row>().fetch_all(p).await
    })?;
    Ok(rows.into_iter().map(Into::into).collect())
}

/// How many organisations matching a filter have each value of a field: what a search page
/// shows next to its filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub kinds: Vec<(String, i64)>,
    pub countries: Vec<(String, i64)>,
    pub size_classes: Vec<(String, i64)>,
    /// Every NACE code of any level held (with the codes above the held ones).
    pub nace: Vec<(String, i64)>,
    /// Every region code of any level, countries included.
    pub regions: Vec<(String, i64)>,
    /// Current members per cluster (the cluster's id).
    pub clusters: Vec<(i64, i64)>,
}

/// Counts per value of one column over the organisations matching `filter`; `from` joins
/// `organisations o` to the table of `key`, `cond` narrows that table (` AND ...`).
async fn count_by(
    db: &Db,
    filter: &Filter,
    key: &str,
    from: &str,
    cond: &str,
) -> Result<Vec<(String, i64)>> {
    Ok(on_db!(db, p => {
        let mut q = QueryBuilder::new(format!(
            "SELECT {key} AS k, COUNT(DISTINCT o.id) AS n FROM {from} WHERE {key} IS NOT NULL{cond}"
        ));
        push_filter!(q, filter);
        q.push(format!(" GROUP BY {key} ORDER BY n DESC, k"));
        q.build_query_as::<(String, i64)>().fetch_all(p).await
    })?)
}

/// The facet counts of the organisations matching `filter`: a few grouped counts, each one
/// indexed query.
pub async fn facet_counts(db: &Db, filter: &Filter) -> Result<FacetCounts> {
    let orgs = "organisations o";
    let clusters = count_by(
        db,
        filter,
        "CAST(m.cluster_id AS TEXT)",
        "memberships m JOIN organisations o ON o.id = m.organisation_id",
        " AND m.left_on IS NULL",
    )
    .await?;
    Ok(FacetCounts {
        kinds: count_by(db, filter, "o.kind", orgs, "").await?,
        countries: count_by(db, filter, "o.country", orgs, "").await?,
        size_classes: count_by(db, filter, "o.size_class", orgs, "").await?,
        nace: count_by(
            db,
            filter,
            "nc.code",
            "organisation_nace nc JOIN organisations o ON o.id = nc.organisation_id",
            "",
        )
        .await?,
        regions: count_by(
            db,
            filter,
            "rc.code",
            "organisation_regions rc JOIN organisations o ON o.id = rc.organisation_id",
            "",
        )
        .await?,
        clusters: clusters
            .into_iter()
            .filter_map(|(id, n)| id.parse().ok().map(|id| (id, n)))
            .collect(),
    })
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The organisations with these ids (missing ones left out), in batches of `BATCH_ROWS`.
pub async fn get_many(db: &Db, ids: &[i64]) -> Result<Vec<OrgRecord>> {
    let select = format!("SELECT {COLUMNS} FROM organisations o");
    let rows = crate::rows_by_ids::<Row>(db, &select, ids).await?;
    Ok(rows.into_iter().map(OrgRecord::from).collect())
}

/// Reads an organisation inside a transaction.
pub async fn get_in(tx: &mut Tx, id: i64) -> Result<OrgRecord> {
    let sql = format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1");
    let row: Row =
        on_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(c).await)?;
    Ok(row.into())
}
