//! `/account/offers`: the offers of the reader's organisations with their status and what can
//! be done with each (edit, publish, withdraw, renew), links to their matches and to the
//! interests they received. Status changes go through the API's own transition rules.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use klaster_domain::offer::{CloseReason, OfferStatus, Transition};
use klaster_store::interests;
use klaster_store::offers::{self, Filter};
use serde::Deserialize;

use super::errors::{self, PageError};
use super::forms::Posted;
use super::i18n::Tr;
use super::lang::{Ui, href};
use super::offer_form::{org_label, own_orgs, refused, signed};
use super::summary::kind_label;
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::offers::{apply_transition, editable};

/// Offers listed per organisation, at most.
const MAX_OFFERS: i64 = 500;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account/offers", get(page))
        .route("/offers/{id}/status", post(change))
}

pub struct Action {
    pub value: &'static str,
    pub label: String,
}

pub struct Row {
    pub id: i64,
    pub title: String,
    pub title_lang: String,
    pub kind: String,
    pub status: String,
    pub updated: String,
    pub edit: Option<String>,
    pub actions: Vec<Action>,
    pub interests: String,
}

pub struct OrgOffers {
    pub name: String,
    pub rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "my_offers.html")]
struct MyOffersPage {
    chrome: Chrome,
    notice: Option<String>,
    error: Option<String>,
    orgs: Vec<OrgOffers>,
    csrf: String,
}

/// What the owner may do with an offer in this status.
fn actions(status: OfferStatus, tr: &Tr) -> Vec<Action> {
    let names: &[&'static str] = match status {
        OfferStatus::Draft => &["submit", "withdraw"],
        OfferStatus::Submitted => &["withdraw"],
        OfferStatus::Published => &["fulfilled", "withdraw"],
        OfferStatus::Expired => &["renew", "withdraw"],
        OfferStatus::Closed => &[],
    };
    names
        .iter()
        .map(|n| Action {
            value: n,
            label: tr.t(&format!("of-action-{n}")),
        })
        .collect()
}

fn transition(action: &str) -> Option<Transition> {
    Some(match action {
        "submit" => Transition::Submit,
        "renew" => Transition::Publish,
        "withdraw" => Transition::Close {
            close: CloseReason::Withdrawn,
        },
        "fulfilled" => Transition::Close {
            close: CloseReason::Fulfilled { partner_id: None },
        },
        _ => return None,
    })
}

async fn build(
    state: &AppState,
    ui: &Ui,
    error: Option<String>,
) -> Result<MyOffersPage, PageError> {
    let s = signed(ui)?;
    let chrome = Chrome::new(state, ui, "of-my-offers-title", Section::Account);
    let tr = chrome.tr;
    let mut orgs = Vec::new();
    for org in own_orgs(s) {
        let filter = Filter {
            organisation_id: Some(org),
            statuses: ["draft", "submitted", "published", "expired", "closed"]
                .map(String::from)
                .to_vec(),
            all_visibility: true,
            ..Filter::default()
        };
        let mut rows = Vec::new();
        for r in offers::list(state.db(), &filter, None, MAX_OFFERS).await? {
            let received = interests::for_offer(state.db(), r.id).await?.len();
            rows.push(Row {
                id: r.id,
                title: r.offer.title.clone(),
                title_lang: r.offer.lang.clone(),
                kind: kind_label(r.offer.kind, ui.lang),
                status: tr.t(&format!("of-status-{}", r.status.as_str())),
                updated: super::format::date_time(ui.lang, r.updated_at),
                edit: editable(r.status).then(|| format!("/offers/{}/edit", r.id)),
                actions: actions(r.status, &tr),
                interests: tr.n("of-interests-received", received),
            });
        }
        orgs.push(OrgOffers {
            name: org_label(state, org, ui).await?,
            rows,
        });
    }
    let notice = ui.param("done").and_then(OfferStatus::parse).map(|st| {
        tr.a(
            "of-done-status",
            &[("status", &tr.t(&format!("of-status-{}", st.as_str())))],
        )
    });
    Ok(MyOffersPage {
        notice,
        error,
        orgs,
        csrf: ui.csrf().to_string(),
        chrome,
    })
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    match build(&state, &ui, None).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    action: String,
}

pub async fn change(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<ChangeForm>,
) -> Response {
    let Some(t) = transition(&form.action) else {
        return errors::page(&state, &ui, PageError::BadRequest);
    };
    let s = match signed(&ui) {
        Ok(s) => s,
        Err(e) => return errors::page(&state, &ui, e),
    };
    match apply_transition(&state, &s.principal, id, &t).await {
        Ok(r) => {
            Redirect::to(&href("/account/offers", &[("done", r.status.as_str())])).into_response()
        }
        Err(e)
            if matches!(
                e.status(),
                StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT
            ) =>
        {
            let tr = Tr::new(ui.lang);
            let past = e.field_problems().iter().any(|p| p.code == "in_the_past");
            let key = if past {
                "of-error-renew-past"
            } else {
                "of-error-transition"
            };
            match build(&state, &ui, Some(tr.t(key))).await {
                Ok(p) => render(&ui, StatusCode::UNPROCESSABLE_ENTITY, &p),
                Err(e) => errors::page(&state, &ui, e),
            }
        }
        Err(e) => errors::page(&state, &ui, refused(&e)),
    }
}
