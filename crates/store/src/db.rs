use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::{Result, StoreError};

/// Runs the same body against whichever engine `$db` holds. The body is compiled once per
/// engine, so it may use engine-generic sqlx calls (`query_as`, `QueryBuilder`, transactions).
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

impl Db {
    /// Opens the database the URL names: `postgres://` or `postgresql://` for PostgreSQL,
    /// `sqlite:` for a SQLite file; with no URL, `klaster.db` in the data directory.
    pub async fn connect(url: Option<&str>, data_dir: &Path) -> Result<Db> {
        match url {
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                Self::connect_postgres(u).await
            }
            Some(u) if u.starts_with("sqlite:") => {
                let opts = SqliteConnectOptions::from_str(u)
                    .map_err(|e| StoreError::BadUrl(e.to_string()))?
                    .create_if_missing(true);
                Self::connect_sqlite(opts).await
            }
            Some(u) => Err(StoreError::BadUrl(format!(
                "{u}: expected postgres://... or sqlite:..."
            ))),
            None => {
                std::fs::create_dir_all(data_dir)?;
                let opts = SqliteConnectOptions::new()
                    .filename(data_dir.join("klaster.db"))
                    .create_if_missing(true);
                Self::connect_sqlite(opts).await
            }
        }
    }

    async fn connect_sqlite(opts: SqliteConnectOptions) -> Result<Db> {
        let opts = opts
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(opts)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    async fn connect_postgres(url: &str) -> Result<Db> {
        let opts =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::BadUrl(e.to_string()))?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Postgres(pool))
    }

    pub fn kind(&self) -> DbKind {
        match self {
            Db::Sqlite(_) => DbKind::Sqlite,
            Db::Postgres(_) => DbKind::Postgres,
        }
    }

    /// Applies the embedded migrations of this engine that the database has not seen yet, and
    /// the built-in data every installation has (the default questionnaire).
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Db::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        crate::questionnaires::ensure_default(self).await
    }

    /// Refreshes the planner's statistics; run after bulk writes (import, demo) so the first
    /// queries after them get good plans instead of waiting for autovacuum.
    pub async fn analyze(&self) -> Result<()> {
        on_db!(self, p => sqlx::query("ANALYZE").execute(p).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn close(&self) {
        on_db!(self, p => p.close().await)
    }
}

/// A transaction on either engine; repositories take `&mut Tx` so that a change, its
/// change-log row and its jobs commit together.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Like [`on_db!`], for a [`Tx`]: `$conn` is the transaction's connection (`&mut *tx`).
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            $crate::Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

impl Db {
    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), waiting out the busy timeout: a deferred transaction that read first and
    /// writes later fails at once with "database is locked" when another connection wrote in
    /// between, because its snapshot can no longer become a write.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
