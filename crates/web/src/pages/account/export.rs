//! `/account/export`: a download of everything the portal keeps about the reader (GDPR
//! articles 15 and 20), as JSON: the account, how many sessions are open, API tokens and saved
//! searches (without their secrets), the questionnaire answers they submitted exactly as
//! sent, the messages they wrote in interest threads, and the questionnaires they are still
//! filling in.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klaster_store::{accounts, alerts, auth, drafts, interests, questionnaires, sessions};
use serde_json::{Value, json};

use super::answer;
use super::overview::signed;
use crate::AppState;
use crate::pages::errors::PageError;
use crate::pages::lang::Ui;
use crate::pages::page_headers;

/// Everything kept about user `id`, and nothing about anyone else.
async fn personal_data(state: &AppState, id: i64) -> Result<Value, PageError> {
    let db = state.db();
    let a = accounts::by_id(db, id).await?;
    let searches: Vec<Value> = alerts::for_user(db, id)
        .await?
        .into_iter()
        .map(|s| {
            json!({
                "id": s.id, "name": s.name, "query": s.query.0, "lang": s.lang, "email": s.email,
                "delivery": s.delivery, "created_at": s.created_at,
            })
        })
        .collect();
    let responses: Vec<Value> = questionnaires::by_submitter(db, id)
        .await?
        .into_iter()
        .map(|r| {
            json!({
                "id": r.id, "questionnaire_id": r.questionnaire_id, "raw": r.raw,
                "language": r.language, "cluster_id": r.cluster_id, "status": r.status,
                "organisation_id": r.organisation_id, "created_at": r.created_at,
                "updated_at": r.updated_at,
            })
        })
        .collect();
    let drafts: Vec<Value> = drafts::for_user(db, id)
        .await?
        .into_iter()
        .map(|d| {
            json!({
                "questionnaire_id": d.questionnaire_id, "lang": d.lang, "cluster_id": d.cluster_id,
                "answers": d.answers, "updated_at": d.updated_at,
            })
        })
        .collect();
    Ok(json!({
        "exported_at": chrono::Utc::now(),
        "account": {
            "id": a.id, "email": a.email, "role": a.role, "scope_id": a.scope_id,
            "language": a.lang, "created_at": a.created_at, "email_verified_at": a.email_verified_at,
        },
        "sessions_open": sessions::count_for_user(db, id).await?,
        "api_tokens": auth::list_tokens(db, id).await?,
        "saved_searches": searches,
        "questionnaire_responses": responses,
        "interest_messages": interests::by_author(db, id).await?,
        "questionnaire_drafts": drafts,
    }))
}

pub async fn download(State(state): State<AppState>, ui: Ui) -> Response {
    let r = async {
        let me = signed(&ui)?;
        let data = personal_data(&state, me.user_id()).await?;
        let body = serde_json::to_string_pretty(&data).map_err(|e| {
            tracing::error!(error = %e, "export serialisation failed");
            PageError::Internal
        })?;
        let mut res = (StatusCode::OK, body).into_response();
        let h = res.headers_mut();
        page_headers(h, &ui);
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        let disposition = format!(
            "attachment; filename=\"klaster-account-{}.json\"",
            me.user_id()
        );
        if let Ok(v) = HeaderValue::from_str(&disposition) {
            h.insert(header::CONTENT_DISPOSITION, v);
        }
        Ok(res)
    }
    .await;
    answer(&state, &ui, r)
}
