//! `/account/notifications`: the reader's saved searches, how each is delivered (a mail at
//! once, a daily digest, or only the Atom feed), their feed links, and deleting them. Searches
//! are saved from the offers search; only one's own searches are shown or changed.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use klaster_store::alerts::{self, Delivery, SavedSearch};
use serde::Deserialize;

use super::overview::signed;
use super::signin::Empty;
use super::{answer, date_of};
use crate::AppState;
use crate::api::alerts::feed_path;
use crate::pages::errors::PageError;
use crate::pages::forms::{Choice, Posted};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::{Chrome, Section, render};

const DELIVERIES: [Delivery; 3] = [Delivery::Instant, Delivery::Daily, Delivery::Feed];

struct Row {
    id: i64,
    name: String,
    /// What is searched for ("q: spawanie · nace: 25").
    summary: String,
    created: String,
    feed: String,
    /// "How is ... delivered" (the label of the select).
    delivery_label: String,
    deliveries: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "account_notifications.html")]
struct NotificationsPage {
    chrome: Chrome,
    notice: Option<String>,
    csrf: String,
    rows: Vec<Row>,
}

/// The parameters of a stored search, as the reader gave them.
fn summary(query: &serde_json::Value) -> String {
    let Some(map) = query.as_object() else {
        return String::new();
    };
    map.iter()
        .filter_map(|(k, v)| {
            let text = match v {
                serde_json::Value::String(s) if !s.is_empty() => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Array(a) if !a.is_empty() => a
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            Some(format!("{k}: {text}"))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn row(tr: &Tr, ui: &Ui, s: SavedSearch) -> Row {
    Row {
        summary: summary(&s.query.0),
        created: date_of(s.created_at, ui),
        feed: feed_path(&s),
        delivery_label: tr.a("am-alerts-delivery-of", &[("name", &s.name)]),
        deliveries: DELIVERIES
            .iter()
            .map(|d| Choice {
                value: d.as_str().to_string(),
                label: tr.t(&format!("am-alerts-{}", d.as_str())),
                selected: d.as_str() == s.delivery,
            })
            .collect(),
        id: s.id,
        name: s.name,
    }
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    let r = async {
        let me = signed(&ui)?;
        let tr = Tr::new(ui.lang);
        let rows = alerts::for_user(state.db(), me.user_id())
            .await?
            .into_iter()
            .map(|s| row(&tr, &ui, s))
            .collect();
        let notice = match ui.param("done") {
            Some(d @ ("saved" | "deleted")) => Some(tr.t(&format!("am-alerts-{d}"))),
            _ => None,
        };
        let p = NotificationsPage {
            chrome: Chrome::new(&state, &ui, "am-alerts-title", Section::Account),
            notice,
            csrf: ui.csrf().to_string(),
            rows,
        };
        Ok(render(&ui, StatusCode::OK, &p))
    }
    .await;
    answer(&state, &ui, r)
}

/// Saved search `id` if it is the reader's; another's is "not found".
async fn own(state: &AppState, ui: &Ui, id: i64) -> Result<SavedSearch, PageError> {
    let me = signed(ui)?;
    match alerts::get(state.db(), id).await {
        Ok(s) if s.user_id == me.user_id() => Ok(s),
        Ok(_) | Err(klaster_store::StoreError::NotFound) => Err(PageError::NotFound),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Deserialize)]
pub struct DeliveryForm {
    #[serde(default)]
    delivery: String,
}

pub async fn set_delivery(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, form }: Posted<DeliveryForm>,
) -> Response {
    let r = async {
        let s = own(&state, &ui, id).await?;
        let delivery = Delivery::parse(&form.delivery).ok_or(PageError::BadRequest)?;
        alerts::set_delivery(state.db(), s.id, delivery).await?;
        Ok(Redirect::to("/account/notifications?done=saved").into_response())
    }
    .await;
    answer(&state, &ui, r)
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Empty>,
) -> Response {
    let r = async {
        let s = own(&state, &ui, id).await?;
        alerts::delete(state.db(), s.id).await?;
        Ok(Redirect::to("/account/notifications?done=deleted").into_response())
    }
    .await;
    answer(&state, &ui, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_reads_as_its_parameters() {
        let q = serde_json::json!({"q": "spawanie", "nace": ["25", "28"], "region": "", "limit": 20, "x": null});
        assert_eq!(summary(&q), "limit: 20 · nace: 25, 28 · q: spawanie");
        assert_eq!(summary(&serde_json::json!("x")), "");
    }
}
