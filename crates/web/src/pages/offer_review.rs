//! Reviewing offers where a cluster asks for it (`requires_offer_review`): the reviewer's list
//! of submitted offers (on `/review`), and on the offer's own page the decision — publish it,
//! or send it back to its authors with a message saying what to change. The decision goes
//! through the API's transitions, so the rights are the API's.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use klaster_domain::offer::{OfferStatus, Transition};
use klaster_store::offers::{self, Filter, OfferRecord};
use klaster_store::organisations as orgs;
use serde::Deserialize;

use super::errors::{self, PageError};
use super::forms::{Field, Posted};
use super::i18n::Tr;
use super::lang::Ui;
use super::offer_form::refused;
use super::summary::org_name;
use crate::AppState;
use crate::api::offers::{apply_transition, review_rights, reviewed_clusters};
use crate::extract::Principal;

pub fn routes() -> Router<AppState> {
    Router::new().route("/offers/{id}/review", post(decide))
}

/// The most offers the list shows (a cluster reviews a handful a week).
const WAITING_MAX: i64 = 100;

/// A submitted offer on the reviewer's list.
pub struct Waiting {
    pub href: String,
    pub title: String,
    pub organisation: String,
    pub submitted: String,
}

/// The submitted offers `p` reviews, newest first.
pub async fn waiting(state: &AppState, ui: &Ui, p: &Principal) -> Result<Vec<Waiting>, PageError> {
    let clusters = reviewed_clusters(state, p).await.map_err(|e| refused(&e))?;
    if clusters.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    let filter = Filter {
        statuses: vec![OfferStatus::Submitted.as_str().to_string()],
        all_visibility: true,
        members_of: clusters,
        ..Filter::default()
    };
    let recs = offers::list(state.db(), &filter, None, WAITING_MAX).await?;
    let owners: Vec<i64> = recs.iter().map(|r| r.offer.organisation_id).collect();
    let owners = orgs::get_many(state.db(), &owners).await?;
    Ok(recs
        .into_iter()
        .map(|r| Waiting {
            href: format!("/offers/{}", r.id),
            organisation: owners
                .iter()
                .find(|o| o.id == r.offer.organisation_id)
                .and_then(|o| org_name(&o.org, ui.lang))
                .map_or_else(String::new, |n| n.text.clone()),
            submitted: crate::pages::format::date_time(ui.lang, r.updated_at),
            title: r.offer.title,
        })
        .collect())
}

/// The decision form of a submitted offer, for its reviewer.
pub struct ReviewBox {
    pub action: String,
    pub csrf: String,
    pub message: Field,
}

/// The review form of `rec` when the reader reviews it and it waits; `message` is what was
/// typed into a form that came back with an error.
pub async fn review_box(
    state: &AppState,
    ui: &Ui,
    rec: &OfferRecord,
    message: Option<Field>,
) -> Result<Option<ReviewBox>, PageError> {
    let Some(me) = ui.signed.as_ref() else {
        return Ok(None);
    };
    if rec.status != OfferStatus::Submitted {
        return Ok(None);
    }
    let (_, reviews) = review_rights(state, &me.principal, rec.offer.organisation_id)
        .await
        .map_err(|e| refused(&e))?;
    Ok(reviews.then(|| ReviewBox {
        action: format!("/offers/{}/review", rec.id),
        csrf: ui.csrf().to_string(),
        message: message.unwrap_or_else(|| message_field(&Tr::new(ui.lang), "", None)),
    }))
}

fn message_field(tr: &Tr, value: &str, error: Option<String>) -> Field {
    Field::new("message", "textarea", tr.t("orv-message"))
        .value(value)
        .hint(tr.t("orv-message-hint"))
        .error(error)
}

#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    message: String,
}

pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<DecisionForm>,
) -> Response {
    let r = async {
        let me = ui.signed.as_ref().ok_or(PageError::SignIn)?;
        let message = form.message.trim().to_string();
        let t = match form.decision.as_str() {
            "publish" => Transition::Publish,
            "return" if message.is_empty() => {
                let tr = Tr::new(ui.lang);
                let field = message_field(&tr, "", Some(tr.t("orv-error-message")));
                return super::offer::with_review_error(&state, &ui, id, field).await;
            }
            "return" => Transition::ReturnToDraft { message },
            _ => return Err(PageError::BadRequest),
        };
        apply_transition(&state, &me.principal, id, &t)
            .await
            .map_err(|e| refused(&e))?;
        let to = match t {
            Transition::Publish => format!("/offers/{id}?done=published"),
            _ => "/review?done=offer-returned".to_string(),
        };
        Ok(Redirect::to(&to).into_response())
    }
    .await;
    r.unwrap_or_else(|e| errors::page(&state, &ui, e))
}
