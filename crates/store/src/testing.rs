//! Fresh databases for tests, on both engines: a SQLite file in a temporary directory, and —
//! when `KLASTER_TEST_POSTGRES_URL` names a server — a new PostgreSQL database per test.
//! With `KLASTER_REQUIRE_POSTGRES=1` (CI) a missing or unreachable server fails the test
//! instead of skipping the PostgreSQL half.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

use crate::{Db, DbKind};

pub struct TestDb {
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    pub fn kind(&self) -> DbKind {
        self.db.kind()
    }

    /// The PostgreSQL database's name, if this is one.
    pub fn pg_name(&self) -> Option<&str> {
        self.pg.as_ref().map(|(_, n)| n.as_str())
    }

    /// Closes the pool and drops the PostgreSQL database.
    pub async fn cleanup(mut self) {
        self.db.close().await;
        if let Some((admin_url, name)) = self.pg.take() {
            drop_database(&admin_url, &name).await;
        }
    }
}

async fn drop_database(admin_url: &str, name: &str) {
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
        let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await;
    }
}

/// A test that panicked never reached `cleanup`: drop its database here, on a thread of its
/// own (Drop cannot await, and the test's runtime may be gone), so failed runs leave nothing.
impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin_url, name)) = self.pg.take() {
            let _ = std::thread::spawn(move || {
                if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    rt.block_on(drop_database(&admin_url, &name));
                }
            })
            .join();
        }
    }
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = Db::connect(None, dir.path()).await.expect("open sqlite");
    db.migrate().await.expect("migrate sqlite");
    TestDb {
        db,
        _dir: Some(dir),
        pg: None,
    }
}

/// A fresh PostgreSQL database, or None when no server is configured (and none is required).
pub async fn postgres() -> Option<TestDb> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let required = std::env::var("KLASTER_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
    let Ok(admin_url) = std::env::var("KLASTER_TEST_POSTGRES_URL") else {
        assert!(
            !required,
            "KLASTER_REQUIRE_POSTGRES=1 but KLASTER_TEST_POSTGRES_URL is not set"
        );
        return None;
    };
    let name = format!(
        "klaster_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        rand::random::<u32>()
    );
    let mut conn = sqlx::PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let _ = conn.close().await;
    let url = database_url(&admin_url, &name);
    let db = Db::connect(Some(&url), std::path::Path::new("."))
        .await
        .expect("open postgres");
    db.migrate().await.expect("migrate postgres");
    Some(TestDb {
        db,
        _dir: None,
        pg: Some((admin_url, name)),
    })
}

/// The admin URL with its database path replaced by `name`.
pub fn database_url(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin_url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Every engine available here: SQLite always, PostgreSQL when configured.
pub async fn engines() -> Vec<TestDb> {
    let mut v = vec![sqlite().await];
    if let Some(pg) = postgres().await {
        v.push(pg);
    }
    v
}
