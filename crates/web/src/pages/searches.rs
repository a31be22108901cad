//! Saved searches in the browser: "Save this search" on the offers search page, and
//! `/account/searches` with each search's feed and a delete button. Stored and deleted by the
//! API's own functions (the query checked as `/search` checks it).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use klaster_store::alerts;
use serde::Deserialize;

use super::account::FormPage;
use super::errors::{self, PageError};
use super::forms::{Choice, Field, Posted};
use super::i18n::Tr;
use super::lang::{Ui, href};
use super::offer_form::{Errors, refused, signed};
use super::offers::{Form, pairs, params};
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::alerts::{SavedSearchInput, delete_search, feed_path, save_search};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account/searches", get(list).post(create))
        .route("/account/searches/{id}/delete", post(delete))
}

/// The save form under a search: its name and delivery, the search as hidden fields.
pub struct SaveForm {
    pub csrf: String,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<Field>,
}

fn fields(tr: &Tr, name: &str, delivery: &str, errors: &Errors) -> Vec<Field> {
    let options = ["instant", "daily", "feed"]
        .into_iter()
        .map(|d| Choice {
            value: d.to_string(),
            label: tr.t(&format!("of-delivery-{d}")),
            selected: d == delivery || (delivery.is_empty() && d == "daily"),
        })
        .collect();
    let mut f = vec![
        Field::new("name", "text", tr.t("of-field-search-name"))
            .required()
            .value(name),
        Field::new("delivery", "select", tr.t("of-field-delivery")).options(options),
    ];
    errors.apply(&mut f);
    f
}

pub fn save_form(ui: &Ui, form: &Form) -> Option<SaveForm> {
    ui.signed.as_ref()?;
    let tr = Tr::new(ui.lang);
    Some(SaveForm {
        csrf: ui.csrf().to_string(),
        hidden: pairs(form, ui)
            .into_iter()
            .filter(|(k, _)| *k != "lang")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        fields: fields(&tr, form.q.trim(), "", &Errors::default()),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    delivery: String,
    #[serde(flatten)]
    search: Form,
}

pub async fn create(
    State(state): State<AppState>,
    Posted { ui, form }: Posted<CreateForm>,
) -> Response {
    let s = match signed(&ui) {
        Ok(s) => s,
        Err(e) => return errors::page(&state, &ui, e),
    };
    let tr = Tr::new(ui.lang);
    let mut query = params(&form.search, &ui, 0);
    query.offset = None;
    query.limit = None;
    let input = SavedSearchInput {
        name: form.name.clone(),
        query,
        delivery: form.delivery.clone(),
        email: None,
        lang: Some(ui.lang.code().to_string()),
    };
    let errs = match save_search(&state, &s.principal, input).await {
        Ok(_) => return Redirect::to("/account/searches?done=saved").into_response(),
        Err(e) => match Errors::of_api(&tr, &e) {
            Some(errs) => errs,
            None => return errors::page(&state, &ui, refused(&e)),
        },
    };
    let mut p = FormPage::new(&state, &ui, "of-save-search");
    p.submit = Some(tr.t("of-save-search-submit"));
    p.action = "/account/searches".into();
    p.hidden = pairs(&form.search, &ui)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    p.fields(fields(&tr, &form.name, &form.delivery, &errs))
        .respond(&ui, StatusCode::UNPROCESSABLE_ENTITY)
}

pub struct Saved {
    pub name: String,
    pub delivery: String,
    pub search: String,
    pub feed: String,
    pub delete: String,
}

#[derive(Template)]
#[template(path = "searches.html")]
struct ListPage {
    chrome: Chrome,
    notice: Option<String>,
    items: Vec<Saved>,
    csrf: String,
}

/// The search page of a stored query.
fn search_href(q: &serde_json::Value) -> String {
    let get = |k: &str| q.get(k).and_then(|v| v.as_str()).unwrap_or("");
    let p: Vec<(&str, &str)> = ["q", "kind", "nace", "region", "sort"]
        .into_iter()
        .map(|k| (k, get(k)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    href("/offers", &p)
}

pub async fn list(State(state): State<AppState>, ui: Ui) -> Response {
    let built = async {
        let s = signed(&ui)?;
        let chrome = Chrome::new(&state, &ui, "of-searches-title", Section::Account);
        let tr = chrome.tr;
        let items = alerts::for_user(state.db(), s.user_id())
            .await?
            .into_iter()
            .map(|a| Saved {
                delivery: tr.t(&format!("of-delivery-{}", a.delivery)),
                search: search_href(&a.query.0),
                feed: feed_path(&a),
                delete: format!("/account/searches/{}/delete", a.id),
                name: a.name,
            })
            .collect();
        Ok::<_, PageError>(ListPage {
            notice: match ui.param("done") {
                Some("saved") => Some(tr.t("of-search-saved")),
                Some("deleted") => Some(tr.t("of-search-deleted")),
                _ => None,
            },
            items,
            csrf: ui.csrf().to_string(),
            chrome,
        })
    }
    .await;
    match built {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Vec<(String, String)>>,
) -> Response {
    let done = match signed(&ui) {
        Ok(s) => delete_search(&state, &s.principal, id)
            .await
            .map_err(|e| refused(&e)),
        Err(e) => Err(e),
    };
    match done {
        Ok(()) => Redirect::to("/account/searches?done=deleted").into_response(),
        Err(e) => errors::page(&state, &ui, e),
    }
}
