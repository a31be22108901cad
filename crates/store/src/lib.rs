//! Storage for Klaster on two engines: SQLite (embedded default) and PostgreSQL.
//!
//! One code base serves both: every query is written once with `$n` placeholders, which both
//! engines accept, and compiled once per engine through [`on_db!`]. Only the migrations (column
//! types) and a few engine-specific statements (job claiming, change-log ordering) diverge.

mod closure;
mod db;
mod error;

pub mod accounts;
pub mod alerts;
pub mod analyses;
pub mod attachments;
pub mod auth;
pub mod changelog;
pub mod directory;
pub mod drafts;
pub mod interests;
pub mod jobs;
pub mod matching;
pub mod offers;
pub mod organisations;
pub mod questionnaires;
pub mod sessions;
pub mod testing;

pub use db::{Db, DbKind, Tx};
pub use error::StoreError;

pub type Result<T> = std::result::Result<T, StoreError>;

/// Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters with 5 columns.
pub(crate) const BATCH_ROWS: usize = 1000;

/// The rows `select` (a `SELECT ... FROM table o` without `WHERE`) gives for these ids, by id,
/// in batches of [`BATCH_ROWS`]; ids without a row are left out.
pub(crate) async fn rows_by_ids<R>(db: &Db, select: &str, ids: &[i64]) -> Result<Vec<R>>
where
    R: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ROWS) {
        let rows: Vec<R> = on_db!(db, p => {
            let mut q = sqlx::QueryBuilder::new(format!("{select} WHERE o.id IN ("));
            let mut sep = q.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            q.push(") ORDER BY o.id");
            q.build_query_as::<R>().fetch_all(p).await
        })?;
        out.extend(rows);
    }
    Ok(out)
}

/// The current time at the precision both engines store (microseconds), so a value read back
/// equals the value written and timestamp cursors compare exactly.
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

/// Lower-case hex SHA-256 (token hashes, data-set fingerprints).
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
