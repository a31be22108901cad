//! The ordered log of changes to searchable entities. Derived state (the search index) keeps a
//! cursor (`seq`) and applies what it has not seen yet.

use chrono::{DateTime, Utc};
use serde::Serialize;

use sqlx::QueryBuilder;

use crate::{Db, Result, Tx, on_db, on_tx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Upsert,
    Delete,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Upsert => "upsert",
            Op::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Change {
    pub seq: i64,
    pub entity: String,
    pub entity_id: i64,
    pub op: String,
    pub at: DateTime<Utc>,
}

/// Appends a change inside the caller's transaction.
pub async fn record(tx: &mut Tx, entity: &str, entity_id: i64, op: Op) -> Result<()> {
    record_many(tx, entity, &[entity_id], op).await
}

/// Appends one change per id, in one statement per chunk.
///
/// On PostgreSQL an identity value is taken at insert but becomes visible at commit, so two
/// writers could commit seq 8 before seq 7 and a reader at 8 would never see 7. A transaction-
/// scoped advisory lock serialises change-log writers so commit order equals seq order. SQLite
/// has a single writer and needs nothing.
pub async fn record_many(tx: &mut Tx, entity: &str, ids: &[i64], op: Op) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    if let Tx::Postgres(t) = tx {
        sqlx::query("SELECT pg_advisory_xact_lock(727001)")
            .execute(&mut **t)
            .await?;
    }
    let at = crate::now();
    for chunk in ids.chunks(crate::BATCH_ROWS) {
        on_tx!(tx, c => {
            let mut q = QueryBuilder::new("INSERT INTO change_log (entity, entity_id, op, at) ");
            q.push_values(chunk, |mut b, id| {
                b.push_bind(entity).push_bind(*id).push_bind(op.as_str()).push_bind(at);
            });
            q.build().execute(c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Changes after `after`, oldest first.
pub async fn since(db: &Db, after: i64, limit: i64) -> Result<Vec<Change>> {
    Ok(on_db!(db, p => sqlx::query_as::<_, Change>(
        "SELECT seq, entity, entity_id, op, at FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2")
        .bind(after)
        .bind(limit)
        .fetch_all(p)
        .await)?)
}

pub async fn head(db: &Db) -> Result<i64> {
    let seq: Option<i64> = on_db!(db, p => sqlx::query_scalar("SELECT MAX(seq) FROM change_log")
        .fetch_one(p)
        .await)?;
    Ok(seq.unwrap_or(0))
}
