//! Files attached to offers (drawings, specifications, photos). The type is read from the
//! file's own signature, never from what the client claims; the bytes live in the database or
//! in a directory, by configuration, and are addressed by their SHA-256 there.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::FromRow;

use crate::{Db, Result, StoreError, on_db};

/// Where attachment bytes are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    Database,
    /// Files named by their SHA-256 under this directory.
    Directory(PathBuf),
}

/// The accepted types, recognised by their leading bytes.
const SIGNATURES: [(&[u8], &str); 5] = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"RIFF", "image/webp"),
];

/// The content type of `bytes` if it is one of the accepted kinds (PDF, PNG, JPEG, GIF, WebP).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(sig, kind)| {
            bytes.starts_with(sig) && (*kind != "image/webp" || bytes.get(8..12) == Some(b"WEBP"))
        })
        .map(|(_, kind)| *kind)
}

#[derive(Debug, Clone, PartialEq, Serialize, FromRow)]
pub struct Attachment {
    pub id: i64,
    pub offer_id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, offer_id, filename, content_type, size, sha256, created_at";

/// Stores a file the caller has checked (size, type). The same bytes twice on one offer are a
/// Conflict naming the earlier file.
pub async fn add(
    db: &Db,
    storage: &Storage,
    offer_id: i64,
    filename: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<Attachment> {
    let sha = crate::sha256_hex(bytes);
    if let Some(prev) = list(db, offer_id)
        .await?
        .into_iter()
        .find(|a| a.sha256 == sha)
    {
        return Err(StoreError::Conflict(format!(
            "this file is already attached as {} (id {})",
            prev.filename, prev.id
        )));
    }
    let (kind, data) = match storage {
        Storage::Database => ("database", Some(bytes)),
        Storage::Directory(dir) => {
            write_file(dir, &sha, bytes).await?;
            ("directory", None)
        }
    };
    let id: i64 = on_db!(db, p => sqlx::query_scalar(
        "INSERT INTO offer_attachments (offer_id, filename, content_type, size, sha256, storage, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(offer_id).bind(filename).bind(content_type).bind(bytes.len() as i64).bind(&sha)
        .bind(kind).bind(data).bind(crate::now())
        .fetch_one(p).await)?;
    get(db, id).await
}

/// Writes the file under a temporary name and renames it, so a crash never leaves half a file
/// under the final name.
async fn write_file(dir: &Path, sha: &str, bytes: &[u8]) -> Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let target = dir.join(sha);
    if tokio::fs::try_exists(&target).await? {
        return Ok(());
    }
    let tmp = dir.join(format!("{sha}.{}.part", std::process::id()));
    tokio::fs::write(&tmp, bytes).await?;
    Ok(tokio::fs::rename(&tmp, &target).await?)
}

pub async fn get(db: &Db, id: i64) -> Result<Attachment> {
    let sql = format!("SELECT {COLUMNS} FROM offer_attachments WHERE id = $1");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_one(p).await)?)
}

pub async fn list(db: &Db, offer_id: i64) -> Result<Vec<Attachment>> {
    let sql = format!("SELECT {COLUMNS} FROM offer_attachments WHERE offer_id = $1 ORDER BY id");
    Ok(on_db!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(offer_id).fetch_all(p).await)?)
}

/// The bytes of an attachment, from wherever they were stored.
pub async fn content(db: &Db, storage: &Storage, id: i64) -> Result<Vec<u8>> {
    let (kind, sha, data): (String, String, Option<Vec<u8>>) = on_db!(db, p => sqlx::query_as(
        "SELECT storage, sha256, data FROM offer_attachments WHERE id = $1")
        .bind(id).fetch_one(p).await)?;
    match (kind.as_str(), data, storage) {
        ("database", Some(d), _) => Ok(d),
        ("directory", _, Storage::Directory(dir)) => Ok(tokio::fs::read(dir.join(&sha)).await?),
        _ => Err(StoreError::Corrupt(format!(
            "attachment {id} is stored in the {kind}, which this process is not configured for"
        ))),
    }
}

/// Removes an attachment's row (a file in the directory stays while other rows share it).
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    let n = on_db!(db, p => sqlx::query("DELETE FROM offer_attachments WHERE id = $1").bind(id)
        .execute(p).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
