//! A durable job queue in the database. Jobs are enqueued in the transaction of the change that
//! causes them, claimed with a lease, and retried with exponential back-off.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::{Db, Result, Tx, on_db, on_tx};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: sqlx::types::Json<serde_json::Value>,
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
}

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

pub async fn enqueue(
    tx: &mut Tx,
    kind: &str,
    payload: &serde_json::Value,
    max_attempts: i32,
) -> Result<i64> {
    let now = crate::now();
    let payload = sqlx::types::Json(payload);
    Ok(on_tx!(tx, c => sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_at, created_at, updated_at)
         VALUES ($1, $2, $3, 0, $4, $5, $5, $5) RETURNING id")
        .bind(kind)
        .bind(payload)
        .bind(QUEUED)
        .bind(max_attempts)
        .bind(now)
        .fetch_one(c)
        .await)?)
}

/// Claims the oldest job that is due (or whose lease has run out) for `lease`.
pub async fn claim(db: &Db, kinds: &[&str], lease: Duration) -> Result<Option<Job>> {
    let now = crate::now();
    let until = now + lease;
    // Kinds are our own constants, joined into a JSON array so one statement serves any list.
    let kinds = serde_json::to_string(kinds).unwrap_or_else(|_| "[]".into());
    let job = match db {
        Db::Sqlite(p) => {
            sqlx::query_as::<_, Job>(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $1, updated_at = $2
                 WHERE id = (SELECT id FROM jobs
                             WHERE kind IN (SELECT value FROM json_each($3))
                               AND ((status = 'queued' AND run_at <= $2) OR (status = 'running' AND locked_until < $2))
                             ORDER BY run_at, id LIMIT 1)
                 RETURNING id, kind, payload, status, attempts, max_attempts, last_error",
            )
            .bind(until)
            .bind(now)
            .bind(kinds)
            .fetch_optional(p)
            .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as::<_, Job>(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = $1, updated_at = $2
                 WHERE id = (SELECT id FROM jobs
                             WHERE kind IN (SELECT jsonb_array_elements_text($3::jsonb))
                               AND ((status = 'queued' AND run_at <= $2) OR (status = 'running' AND locked_until < $2))
                             ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                 RETURNING id, kind, payload, status, attempts, max_attempts, last_error",
            )
            .bind(until)
            .bind(now)
            .bind(kinds)
            .fetch_optional(p)
            .await?
        }
    };
    Ok(job)
}

pub async fn complete(db: &Db, id: i64) -> Result<()> {
    on_db!(db, p => sqlx::query("UPDATE jobs SET status = $1, locked_until = NULL, updated_at = $2 WHERE id = $3")
        .bind(DONE)
        .bind(crate::now())
        .bind(id)
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failure: with `retry_in` the job is queued again after that delay (while it has
/// attempts left), without it — or when its attempts are used up — it stays `failed` with its
/// last error for a person to look at.
pub async fn fail(db: &Db, job: &Job, error: &str, retry_in: Option<Duration>) -> Result<()> {
    let now = crate::now();
    let retry = retry_in.filter(|_| job.attempts < job.max_attempts);
    let status = if retry.is_some() { QUEUED } else { FAILED };
    on_db!(db, p => sqlx::query(
        "UPDATE jobs SET status = $1, run_at = $2, locked_until = NULL, last_error = $3, updated_at = $4 WHERE id = $5")
        .bind(status)
        .bind(now + retry.unwrap_or_default())
        .bind(error)
        .bind(now)
        .bind(job.id)
        .execute(p)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The default back-off: 2^attempts seconds, capped at an hour.
pub fn backoff(attempts: i32) -> Duration {
    Duration::seconds(2i64.saturating_pow(attempts.clamp(0, 12) as u32).min(3600))
}

pub async fn get(db: &Db, id: i64) -> Result<Job> {
    Ok(on_db!(db, p => sqlx::query_as::<_, Job>(
        "SELECT id, kind, payload, status, attempts, max_attempts, last_error FROM jobs WHERE id = $1")
        .bind(id)
        .fetch_one(p)
        .await)?)
}

/// When the next queued job is due, so a worker can sleep until then.
pub async fn next_due(db: &Db) -> Result<Option<DateTime<Utc>>> {
    Ok(
        on_db!(db, p => sqlx::query_scalar("SELECT MIN(run_at) FROM jobs WHERE status = 'queued'")
        .fetch_one(p)
        .await)?,
    )
}
