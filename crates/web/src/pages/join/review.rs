//! `/review`: the coordinator's queue of questionnaire answers addressed to their cluster
//! (an administrator sees all), one response with its answers and history, and the decision:
//! accept (the organisation enters the directory and the cluster), ask for changes, or reject.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use klaster_domain::questionnaire::ProfileField;
use klaster_domain::{ReviewInput, Role};
use klaster_store::questionnaires::{self as qs, ResponseRow};
use serde::Deserialize;
use serde_json::Value;

use super::questions::{self, SectionSummary};
use crate::AppState;
use crate::api::questionnaires::{decide, reviewable};
use crate::extract::Principal;
use crate::pages::errors::{self, PageError};
use crate::pages::forms::Posted;
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::offer_review::{Waiting, waiting};
use crate::pages::{Chrome, Section, format, render};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/review", get(queue))
        .route("/review/{id}", get(one).post(decision))
}

/// Statuses the queue can show, the waiting ones first.
const STATUSES: [&str; 4] = ["submitted", "changes_requested", "accepted", "rejected"];

fn reviewer(ui: &Ui) -> Result<&Principal, PageError> {
    let me = ui.signed.as_ref().ok_or(PageError::SignIn)?;
    let p = &me.principal;
    let coordinates = p
        .rights
        .roles
        .iter()
        .any(|r| matches!(r, Role::Coordinator { .. }));
    if p.rights.is_admin() || coordinates {
        Ok(p)
    } else {
        Err(PageError::Forbidden)
    }
}

/// The clusters whose answers `p` reviews; `None` for all (an administrator).
fn clusters_of(p: &Principal) -> Option<Vec<i64>> {
    (!p.rights.is_admin()).then(|| {
        p.rights
            .roles
            .iter()
            .filter_map(|r| match r {
                Role::Coordinator { cluster_id } => Some(*cluster_id),
                _ => None,
            })
            .collect()
    })
}

/// The organisation's name as the answers give it.
async fn answered_name(state: &AppState, row: &ResponseRow) -> Result<String, PageError> {
    let q = qs::get(state.db(), row.questionnaire_id).await?.definition;
    let raw: Value = serde_json::from_str(&row.raw).unwrap_or(Value::Null);
    Ok(q.question_for(ProfileField::Name)
        .and_then(|(section, question)| raw["answers"][section][&question.key].as_str())
        .unwrap_or("—")
        .to_string())
}

struct Item {
    id: i64,
    name: String,
    date: String,
    status: String,
    lang: String,
}

struct Tab {
    label: String,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "review_list.html")]
struct QueuePage {
    chrome: Chrome,
    notice: Option<String>,
    /// Submitted offers where the reader's cluster asks for review.
    offers: Vec<Waiting>,
    tabs: Vec<Tab>,
    items: Vec<Item>,
}

pub async fn queue(State(state): State<AppState>, ui: Ui) -> Response {
    let result = async {
        let p = reviewer(&ui)?;
        let tr = Tr::new(ui.lang);
        let status = ui
            .param("status")
            .filter(|s| STATUSES.contains(s))
            .unwrap_or("submitted");
        let clusters = clusters_of(p);
        let rows = qs::responses(state.db(), Some(status), clusters.as_deref(), None, 100).await?;
        let mut items = Vec::new();
        for r in rows {
            items.push(Item {
                id: r.id,
                name: answered_name(&state, &r).await?,
                date: format::date_time(ui.lang, r.created_at),
                status: tr.t(&format!("join-status-{}", r.status)),
                lang: crate::pages::summary::language_name(&r.language, ui.lang),
            });
        }
        Ok(QueuePage {
            chrome: Chrome::new(&state, &ui, "review-title", Section::Directory),
            notice: (ui.param("done") == Some("offer-returned")).then(|| tr.t("orv-done-returned")),
            offers: waiting(&state, &ui, p).await?,
            tabs: STATUSES
                .iter()
                .map(|s| Tab {
                    label: tr.t(&format!("join-status-{s}")),
                    href: crate::pages::lang::href("/review", &[("status", s)]),
                    current: *s == status,
                })
                .collect(),
            items,
        })
    }
    .await;
    match result {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

struct Event {
    date: String,
    status: String,
    reason: Option<String>,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage {
    chrome: Chrome,
    id: i64,
    name: String,
    status: String,
    open: bool,
    sections: Vec<SectionSummary>,
    history: Vec<Event>,
    csrf: String,
    error: Option<String>,
    organisation: Option<i64>,
}

async fn review_page(
    state: &AppState,
    ui: &Ui,
    p: &Principal,
    id: i64,
    error: Option<String>,
) -> Result<ReviewPage, PageError> {
    let row = reviewable(state, p, id).await?;
    let tr = Tr::new(ui.lang);
    let q = qs::get(state.db(), row.questionnaire_id).await?.definition;
    let raw: Value = serde_json::from_str(&row.raw).unwrap_or(Value::Null);
    let history = qs::events(state.db(), id)
        .await?
        .into_iter()
        .map(|e| Event {
            date: format::date_time(ui.lang, e.at),
            status: tr.t(&format!("join-status-{}", e.status)),
            reason: e.reason,
        })
        .collect();
    let mut chrome = Chrome::new(state, ui, "review-title", Section::Directory);
    let name = answered_name(state, &row).await?;
    chrome.title = format!("{name} · {}", chrome.title);
    Ok(ReviewPage {
        chrome,
        id,
        name,
        status: tr.t(&format!("join-status-{}", row.status)),
        open: matches!(row.status.as_str(), "submitted"),
        sections: questions::summary(&q, &raw["answers"], None, ui.lang.code(), &tr),
        history,
        csrf: ui.csrf().to_string(),
        error,
        organisation: row.organisation_id,
    })
}

pub async fn one(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    let result = async {
        let p = reviewer(&ui)?;
        review_page(&state, &ui, p, id, None).await
    }
    .await;
    match result {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    text: String,
}

pub async fn decision(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<DecisionForm>,
) -> Response {
    let result = async {
        let p = reviewer(&ui)?;
        let text = form.text.trim().to_string();
        let input = match form.decision.as_str() {
            "accept" => ReviewInput::Accept,
            "reject" => ReviewInput::Reject {
                reason: text.clone(),
            },
            "request_changes" => ReviewInput::RequestChanges {
                message: text.clone(),
            },
            _ => return Err(PageError::BadRequest),
        };
        if !matches!(input, ReviewInput::Accept) && text.is_empty() {
            let msg = Tr::new(ui.lang).t("review-error-reason");
            let page = review_page(&state, &ui, p, id, Some(msg)).await?;
            return Ok(render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        decide(&state, p, id, input).await?;
        Ok(Redirect::to(&format!("/review/{id}")).into_response())
    }
    .await;
    result.unwrap_or_else(|e| errors::page(&state, &ui, e))
}
