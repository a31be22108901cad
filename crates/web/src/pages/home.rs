//! `/`: what the portal is, the latest public offers, the clusters of the directory.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use klaster_domain::offer::OfferKind;
use klaster_store::{directory, offers};

use super::errors::{self, PageError};
use super::lang::Ui;
use super::summary::{OfferSummary, kind_label, org_name, org_place, summarise, web_link};
use super::{Chrome, Section, render};
use crate::AppState;

/// How many offers and clusters the home page shows.
const LATEST: i64 = 6;
const CLUSTERS: i64 = 24;

pub struct ClusterItem {
    pub name: String,
    pub name_lang: String,
    /// Region (or country) name in the UI language.
    pub place: String,
    pub members: usize,
    /// Only `http(s)` addresses, so a stored `javascript:` link can never become one.
    pub website: Option<String>,
}

pub struct KindLink {
    pub label: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    latest: Vec<OfferSummary>,
    clusters: Vec<ClusterItem>,
    kinds: Vec<KindLink>,
}

pub async fn page(State(state): State<AppState>, ui: Ui) -> Response {
    match build(&state, &ui).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

async fn build(state: &AppState, ui: &Ui) -> Result<HomePage, PageError> {
    let chrome = Chrome::new(state, ui, "home-title", Section::Home);
    let tr = chrome.tr;
    // The default filter: published and public (no clusters of an anonymous reader).
    let recs = offers::list(state.db(), &offers::Filter::default(), None, LATEST).await?;
    let ids: Vec<i64> = recs.iter().map(|r| r.id).collect();
    let mut texts = offers::titles_many(state.db(), &ids, ui.lang.code()).await?;
    let latest = recs
        .into_iter()
        .map(|rec| {
            let t = texts.remove(&rec.id).unwrap_or_default();
            summarise(rec, t, &tr)
        })
        .collect();
    Ok(HomePage {
        latest,
        clusters: clusters(state, ui).await?,
        kinds: OfferKind::ALL
            .into_iter()
            .map(|k| KindLink {
                label: kind_label(k, ui.lang),
                href: super::lang::href("/offers", &[("kind", k.as_str())]),
            })
            .collect(),
        chrome,
    })
}

/// The directory's cluster organisations, by name (as `GET /api/v1/clusters` lists them).
async fn clusters(state: &AppState, ui: &Ui) -> Result<Vec<ClusterItem>, PageError> {
    let recs = crate::api::clusters::cluster_records(state, CLUSTERS).await?;
    let ids: Vec<i64> = recs.iter().map(|r| r.id).collect();
    // Counted in the database in one query, not every member row read for each cluster.
    let counts = directory::current_member_counts(state.db(), &ids).await?;
    let mut out = Vec::with_capacity(recs.len());
    for rec in recs {
        let members = counts
            .get(&rec.id)
            .map_or(0, |n| usize::try_from(*n).unwrap_or(0));
        let org = rec.org;
        let name = org_name(&org, ui.lang);
        out.push(ClusterItem {
            name: name.map_or_else(String::new, |n| n.text.clone()),
            name_lang: name.map_or_else(String::new, |n| n.lang.clone()),
            place: org_place(&org, ui.lang),
            members,
            website: web_link(org.website.as_deref()),
        });
    }
    Ok(out)
}
