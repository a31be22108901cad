//! `/offers/{id}/matches`: partners for one's own offer, ranked by the API's matchmaking, each
//! with its reasons in the reader's language.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use klaster_domain::matching::{Match, Reason};

use super::errors;
use super::i18n::Tr;
use super::lang::Ui;
use super::offer_form::{refused, signed};
use super::summary::{country_name, kind_label};
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::matches::find;

pub struct Candidate {
    pub href: String,
    pub name: String,
    pub score: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "matches.html")]
struct MatchesPage {
    chrome: Chrome,
    edit: String,
    /// Firms, then offers: a heading and its candidates.
    sections: Vec<(String, Vec<Candidate>)>,
}

fn reason(tr: &Tr, r: &Reason) -> String {
    let lang = tr.lang();
    match r {
        Reason::Nace { wanted, theirs, .. } => {
            tr.a("of-reason-nace", &[("wanted", wanted), ("theirs", theirs)])
        }
        Reason::SameRegion { region, .. } => tr.a("of-reason-region", &[("region", region)]),
        Reason::SameCountry { country, .. } | Reason::TargetCountry { country, .. } => tr.a(
            "of-reason-country",
            &[("country", &country_name(country, lang))],
        ),
        Reason::Certifications { held, .. } => {
            tr.a("of-reason-certifications", &[("held", &held.join(", "))])
        }
        Reason::MirrorOffers { kind, .. } => {
            tr.a("of-reason-offers", &[("kind", &kind_label(*kind, lang))])
        }
        Reason::Text { .. } => tr.t("of-reason-text"),
        Reason::Dates { .. } => tr.t("of-reason-dates"),
    }
}

fn candidates(tr: &Tr, list: Vec<Match>, path: &str) -> Vec<Candidate> {
    list.into_iter()
        .map(|m| Candidate {
            href: format!("{path}/{}", m.id),
            score: format!("{:.0}", m.score),
            reasons: m.reasons.iter().map(|r| reason(tr, r)).collect(),
            name: m.name,
        })
        .collect()
}

pub async fn page(State(state): State<AppState>, ui: Ui, Path(id): Path<i64>) -> Response {
    let built = async {
        let s = signed(&ui)?;
        let found = find(&state, &s.principal, id, None)
            .await
            .map_err(|e| refused(&e))?;
        let chrome = Chrome::new(&state, &ui, "of-matches", Section::Account);
        let tr = chrome.tr;
        Ok(MatchesPage {
            edit: format!("/offers/{id}/edit"),
            sections: vec![
                (
                    tr.t("of-matches-organisations"),
                    candidates(&tr, found.organisations, "/directory"),
                ),
                (
                    tr.t("of-matches-offers"),
                    candidates(&tr, found.offers, "/offers"),
                ),
            ],
            chrome,
        })
    }
    .await;
    match built {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}
