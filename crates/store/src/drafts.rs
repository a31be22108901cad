//! Questionnaire answers still being written: one draft per person and questionnaire version,
//! replaced at every step and removed when the answers are submitted.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::{Db, Result, StoreError, on_db};

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub questionnaire_id: i64,
    pub lang: String,
    pub cluster_id: Option<i64>,
    /// `{section: {question: answer}}`, as the form sent it.
    pub answers: Value,
    pub updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    questionnaire_id: i64,
    lang: String,
    cluster_id: Option<i64>,
    answers: String,
    updated_at: DateTime<Utc>,
}

impl TryFrom<Row> for Draft {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Draft> {
        Ok(Draft {
            questionnaire_id: r.questionnaire_id,
            lang: r.lang,
            cluster_id: r.cluster_id,
            answers: serde_json::from_str(&r.answers)
                .map_err(|e| StoreError::Corrupt(format!("draft answers: {e}")))?,
            updated_at: r.updated_at,
        })
    }
}

pub async fn get(db: &Db, user_id: i64, questionnaire_id: i64) -> Result<Option<Draft>> {
    let row: Option<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT questionnaire_id, lang, cluster_id, answers, updated_at FROM questionnaire_drafts
         WHERE user_id = $1 AND questionnaire_id = $2")
        .bind(user_id).bind(questionnaire_id).fetch_optional(p).await)?;
    row.map(Draft::try_from).transpose()
}

/// Every draft of a person (for the export of their data).
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<Draft>> {
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT questionnaire_id, lang, cluster_id, answers, updated_at FROM questionnaire_drafts
         WHERE user_id = $1 ORDER BY questionnaire_id")
        .bind(user_id).fetch_all(p).await)?;
    rows.into_iter().map(Draft::try_from).collect()
}

/// Saves (creates or replaces) a person's draft.
pub async fn save(db: &Db, user_id: i64, d: &Draft) -> Result<()> {
    let answers = serde_json::to_string(&d.answers)
        .map_err(|e| StoreError::Corrupt(format!("draft answers: {e}")))?;
    on_db!(db, p => sqlx::query(
        "INSERT INTO questionnaire_drafts (user_id, questionnaire_id, lang, cluster_id, answers, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, questionnaire_id)
         DO UPDATE SET lang = $3, cluster_id = $4, answers = $5, updated_at = $6")
        .bind(user_id).bind(d.questionnaire_id).bind(&d.lang).bind(d.cluster_id).bind(&answers).bind(crate::now())
        .execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn delete(db: &Db, user_id: i64, questionnaire_id: i64) -> Result<()> {
    on_db!(db, p => sqlx::query("DELETE FROM questionnaire_drafts WHERE user_id = $1 AND questionnaire_id = $2")
        .bind(user_id).bind(questionnaire_id).execute(p).await.map(|r| r.rows_affected()))?;
    Ok(())
}
