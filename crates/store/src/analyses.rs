//! Data sets for the analytics engine (kept byte for byte, with their SHA-256) and the
//! analyses run on them (their full parameters and the input's fingerprint, so any result can
//! be reproduced).

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::FromRow;
use sqlx::types::Json;

use crate::{Db, Result, on_db};

pub fn fingerprint(bytes: &[u8]) -> String {
    crate::sha256_hex(bytes)
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct DatasetRow {
    pub id: i64,
    pub name: String,
    pub fingerprint: String,
    pub summary: Json<serde_json::Value>,
    /// The user who uploaded it: an uploaded data set is theirs, not public.
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

pub async fn add_dataset(
    db: &Db,
    name: &str,
    content: &[u8],
    summary: &serde_json::Value,
    by: Option<i64>,
) -> Result<DatasetRow> {
    let fp = fingerprint(content);
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO datasets (name, fingerprint, content, summary, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .bind(name).bind(&fp).bind(content).bind(Json(summary)).bind(by).bind(crate::now())
        .fetch_one(p).await)?;
    dataset(db, id).await
}

pub async fn dataset(db: &Db, id: i64) -> Result<DatasetRow> {
    Ok(on_db!(db, p => sqlx::query_as::<_, DatasetRow>(
        "SELECT id, name, fingerprint, summary, created_by, created_at FROM datasets WHERE id = $1").bind(id).fetch_one(p).await)?)
}

/// Data sets, newest first; with `owner`, only that user's.
pub async fn datasets(db: &Db, owner: Option<i64>) -> Result<Vec<DatasetRow>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, DatasetRow>(
        "SELECT id, name, fingerprint, summary, created_by, created_at FROM datasets WHERE $1 IS NULL OR created_by = $1 ORDER BY id DESC").bind(owner).fetch_all(p).await)?)
}

pub async fn dataset_content(db: &Db, id: i64) -> Result<Vec<u8>> {
    Ok(
        on_db!(db, p => sqlx::query_scalar("SELECT content FROM datasets WHERE id = $1").bind(id).fetch_one(p).await)?,
    )
}

#[derive(Debug, Clone, Serialize, FromRow)]
pub struct AnalysisRow {
    pub id: i64,
    pub dataset_id: Option<i64>,
    pub fingerprint: String,
    pub params: Json<serde_json::Value>,
    pub result: Json<serde_json::Value>,
    pub created_at: DateTime<Utc>,
}

pub struct NewAnalysis<'a> {
    pub dataset_id: Option<i64>,
    pub fingerprint: &'a str,
    pub params: &'a serde_json::Value,
    pub result: &'a serde_json::Value,
    pub by: Option<i64>,
}

pub async fn add_analysis(db: &Db, a: &NewAnalysis<'_>) -> Result<AnalysisRow> {
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO analyses (dataset_id, fingerprint, params, result, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
        .bind(a.dataset_id).bind(a.fingerprint).bind(Json(a.params)).bind(Json(a.result)).bind(a.by).bind(crate::now())
        .fetch_one(p).await)?;
    analysis(db, id).await
}

pub async fn analysis(db: &Db, id: i64) -> Result<AnalysisRow> {
    Ok(on_db!(db, p => sqlx::query_as::<_, AnalysisRow>(
        "SELECT id, dataset_id, fingerprint, params, result, created_at FROM analyses WHERE id = $1").bind(id).fetch_one(p).await)?)
}
