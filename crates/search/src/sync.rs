//! Keeping the index in step with the change log. The store is reached only through
//! `ChangeSource`, so this crate does not depend on it.

use std::collections::HashMap;
use std::future::Future;

use crate::{Entity, Error, IndexDoc, Result, SearchIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOp {
    Upsert,
    Delete,
}

impl ChangeOp {
    /// The change log's spelling ("upsert" | "delete"); anything else reads as an upsert,
    /// which is safe: an upsert reloads the current state from the database.
    pub fn parse(s: &str) -> ChangeOp {
        if s.eq_ignore_ascii_case("delete") {
            ChangeOp::Delete
        } else {
            ChangeOp::Upsert
        }
    }
}

/// One row of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    /// "offer", "organisation"...; entities the index does not know are skipped.
    pub entity: String,
    pub entity_id: i64,
    pub op: ChangeOp,
}

/// Where changes come from (the store's change log) and the current state of an entity.
pub trait ChangeSource: Sync {
    type Error: std::error::Error + Send + Sync + 'static;

    /// Changes with `seq > after`, oldest first, at most `limit`.
    fn changes_since(
        &self,
        after: i64,
        limit: usize,
    ) -> impl Future<Output = std::result::Result<Vec<Change>, Self::Error>> + Send;

    /// The entity as it should be indexed now; None when it no longer exists or is not
    /// public (it is then removed from the index).
    fn load(
        &self,
        entity: Entity,
        id: i64,
    ) -> impl Future<Output = std::result::Result<Option<IndexDoc>, Self::Error>> + Send;
}

/// Rows read from the change log per round trip (and per commit).
pub const SYNC_BATCH: usize = 1_000;

/// Applies every change after the index's cursor, in batches, committing each batch with its
/// last sequence number. Returns the number of change rows consumed. Idempotent: an upsert
/// reloads the entity's current state, so replaying a change is harmless.
///
/// Commits block for a moment; on a busy async runtime call it from a dedicated task.
pub async fn sync_once<S: ChangeSource>(index: &SearchIndex, source: &S) -> Result<usize> {
    sync_with_batch(index, source, SYNC_BATCH).await
}

pub async fn sync_with_batch<S: ChangeSource>(
    index: &SearchIndex,
    source: &S,
    batch: usize,
) -> Result<usize> {
    let batch = batch.max(1);
    let mut cursor = index.cursor()?;
    let mut applied = 0;
    loop {
        let changes = source
            .changes_since(cursor, batch)
            .await
            .map_err(|e| Error::Source(Box::new(e)))?;
        // A source that returns nothing new (or, wrongly, old rows) ends the round.
        let Some(last) = changes.last().map(|c| c.seq).filter(|s| *s > cursor) else {
            break;
        };
        // Only the last change per entity in a batch matters.
        let mut latest: HashMap<(Entity, i64), ChangeOp> = HashMap::new();
        let mut order = Vec::new();
        for c in &changes {
            let Some(e) = Entity::parse(&c.entity) else {
                continue;
            };
            if latest.insert((e, c.entity_id), c.op).is_none() {
                order.push((e, c.entity_id));
            }
        }
        for key @ (entity, id) in order {
            match latest[&key] {
                ChangeOp::Delete => index.delete(entity, id)?,
                ChangeOp::Upsert => match source
                    .load(entity, id)
                    .await
                    .map_err(|e| Error::Source(Box::new(e)))?
                {
                    Some(doc) => index.upsert(&doc)?,
                    None => index.delete(entity, id)?,
                },
            }
        }
        index.commit_with_cursor(last)?;
        cursor = last;
        applied += changes.len();
        tracing::debug!(cursor, applied, "search index synced a batch");
        if changes.len() < batch {
            break;
        }
    }
    Ok(applied)
}
