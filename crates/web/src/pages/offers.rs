//! `/offers`: the search form and its results, from this process's search index with the
//! parameters and checks of `GET /api/v1/search` (offers only, as an anonymous reader).

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use klaster_domain::offer::OfferKind;
use klaster_search::{Entity, MAX_OFFSET};
use klaster_store::offers;
use serde::Deserialize;

use super::errors::{self, PageError};
use super::facets::{Facet, FacetItem};
use super::format::integer;
use super::i18n::Tr;
use super::lang::{Ui, href};
use super::summary::{OfferSummary, country_name, kind_label, language_name, summarise};
use super::{Chrome, Section, render};
use crate::AppState;
use crate::api::search::{SearchParams, to_query};

/// Results per page.
const PAGE: usize = 20;

/// The form as sent: every value a string, so nothing a reader types is refused before it can
/// be shown back with its error.
#[derive(Debug, Default, Deserialize)]
pub struct Form {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub nace: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub offset: String,
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// Messages next to the fields, in the UI language.
#[derive(Default)]
pub struct FieldErrors {
    pub kind: Option<String>,
    pub nace: Option<String>,
    pub region: Option<String>,
    pub sort: Option<String>,
}

impl FieldErrors {
    fn any(&self) -> bool {
        self.kind.is_some() || self.nace.is_some() || self.region.is_some() || self.sort.is_some()
    }
}

pub struct Pager {
    pub range: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

pub struct Results {
    pub total: String,
    pub hits: Vec<OfferSummary>,
    pub facets: Vec<Facet>,
    pub pager: Option<Pager>,
}

#[derive(Template)]
#[template(path = "offers.html")]
struct SearchPage {
    chrome: Chrome,
    form: Form,
    kinds: Vec<Choice>,
    sorts: Vec<Choice>,
    errors: FieldErrors,
    /// A message above the form (invalid fields, search unavailable).
    notice: Option<String>,
    results: Option<Results>,
    /// "Save this search", for signed-in readers.
    save: Option<super::searches::SaveForm>,
}

pub async fn page(
    State(state): State<AppState>,
    ui: Ui,
    form: Result<Query<Form>, QueryRejection>,
) -> Response {
    // A query that does not even parse (a repeated field) is treated as an empty form.
    let form = form.map(|Query(f)| f).unwrap_or_default();
    match build(&state, &ui, form).await {
        Ok((status, p)) => render(&ui, status, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

/// The API's parameters for this form (the UI language is the searcher's language).
pub(super) fn params(form: &Form, ui: &Ui, offset: usize) -> SearchParams {
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    SearchParams {
        q: some(&form.q),
        lang: Some(ui.lang.code().to_string()),
        entity: Some(Entity::Offer.as_str().to_string()),
        kind: some(&form.kind),
        nace: some(&form.nace),
        region: some(&form.region),
        country: None,
        sort: some(&form.sort),
        offset: Some(offset),
        limit: Some(PAGE as i64),
    }
}

/// Each field checked alone by the API's own `to_query`, so the page can say which one is
/// wrong while the rules stay the API's.
fn check(form: &Form, tr: &Tr) -> FieldErrors {
    let alone = |f: fn(&mut SearchParams, Option<String>), v: &str| {
        let mut p = SearchParams::default();
        f(&mut p, Some(v.to_string()));
        to_query(&p).is_err()
    };
    let value = |v: &str| v.trim().chars().take(100).collect::<String>();
    let mut e = FieldErrors::default();
    if !form.kind.trim().is_empty() && OfferKind::parse(form.kind.trim()).is_none() {
        e.kind = Some(tr.t("error-kind"));
    }
    if alone(|p, v| p.nace = v, &form.nace) {
        e.nace = Some(tr.a("error-nace", &[("value", &value(&form.nace))]));
    }
    if alone(|p, v| p.region = v, &form.region) {
        e.region = Some(tr.a("error-region", &[("value", &value(&form.region))]));
    }
    if !form.sort.trim().is_empty() && alone(|p, v| p.sort = v, form.sort.trim()) {
        e.sort = Some(tr.t("error-sort"));
    }
    e
}

fn choices(form: &Form, tr: &Tr) -> (Vec<Choice>, Vec<Choice>) {
    let kinds = OfferKind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.as_str(),
            label: kind_label(k, tr.lang()),
            selected: form.kind.trim() == k.as_str(),
        })
        .collect();
    let sorts = [
        ("relevance", "sort-relevance"),
        ("newest", "sort-newest"),
        ("deadline", "sort-deadline"),
    ]
    .into_iter()
    .map(|(value, key)| Choice {
        value,
        label: tr.t(key),
        selected: form.sort.trim() == value,
    })
    .collect();
    (kinds, sorts)
}

async fn build(
    state: &AppState,
    ui: &Ui,
    mut form: Form,
) -> Result<(StatusCode, SearchPage), PageError> {
    // Without words there is no relevance to rank by: browsing starts with the newest.
    if form.q.trim().is_empty() && form.sort.trim().is_empty() {
        form.sort = "newest".into();
    }
    let chrome = Chrome::new(state, ui, "search-title", Section::Offers);
    let tr = chrome.tr;
    let (kinds, sorts) = choices(&form, &tr);
    let errors = check(&form, &tr);
    let mut page = SearchPage {
        chrome,
        kinds,
        sorts,
        notice: None,
        results: None,
        save: super::searches::save_form(ui, &form),
        errors,
        form,
    };
    if page.errors.any() {
        page.notice = Some(tr.t("search-form-invalid"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page));
    }
    let Some(index) = state.index() else {
        page.notice = Some(tr.t("search-unavailable"));
        return Ok((StatusCode::SERVICE_UNAVAILABLE, page));
    };
    let offset = page
        .form
        .offset
        .trim()
        .parse::<usize>()
        .unwrap_or(0)
        .min(MAX_OFFSET);
    // Checked field by field above; anything left is the API's to refuse.
    let query = to_query(&params(&page.form, ui, offset))?;
    let res = index.search(&query).map_err(|e| {
        tracing::error!(error = %e, "search failed");
        PageError::Internal
    })?;
    // The hits' records and texts in two queries, not two per hit.
    let ids: Vec<i64> = res.hits.iter().map(|h| h.id).collect();
    let mut recs: HashMap<i64, offers::OfferRecord> = offers::get_many(state.db(), &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let mut texts = offers::titles_many(state.db(), &ids, ui.lang.code()).await?;
    let mut hits = Vec::with_capacity(res.hits.len());
    for hit in res.hits {
        // The index may lag behind the database by a second: show only what is still readable.
        let Some(rec) = recs.remove(&hit.id) else {
            continue;
        };
        if !crate::api::offers::readable(state, None, &rec).await? {
            continue;
        }
        let texts = texts.remove(&rec.id).unwrap_or_default();
        let mut s = summarise(rec, texts, &tr);
        s.snippet_html = Some(hit.snippet_html);
        s.snippet_lang = hit.lang.code().to_string();
        hits.push(s);
    }
    let facets = facets(&page.form, ui, &res.facets);
    let pager = pager(&page.form, ui, &tr, offset, res.total);
    page.results = Some(Results {
        total: tr.n("search-total", res.total),
        hits,
        facets,
        pager,
    });
    Ok((StatusCode::OK, page))
}

/// The form's values as query pairs, without the offset (a new filter starts at page one).
pub(super) fn pairs<'a>(form: &'a Form, ui: &'a Ui) -> Vec<(&'a str, &'a str)> {
    let mut p: Vec<(&str, &str)> = [
        ("q", form.q.as_str()),
        ("kind", form.kind.as_str()),
        ("nace", form.nace.as_str()),
        ("region", form.region.as_str()),
        ("sort", form.sort.as_str()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    // Keep an explicit UI language (readers without cookies).
    if let Some(l) = ui.param("lang") {
        p.push(("lang", l));
    }
    p
}

fn with<'a>(form: &'a Form, ui: &'a Ui, name: &'a str, value: &'a str) -> String {
    let mut p = pairs(form, ui);
    p.retain(|(k, _)| *k != name);
    p.push((name, value));
    href("/offers", &p)
}

fn facets(form: &Form, ui: &Ui, f: &klaster_search::Facets) -> Vec<Facet> {
    let tr = Tr::new(ui.lang);
    let kind = f
        .kind
        .iter()
        .map(|(k, n)| FacetItem {
            label: OfferKind::parse(k).map_or_else(|| k.clone(), |k| kind_label(k, ui.lang)),
            count: integer(ui.lang, *n as i64),
            href: Some(with(form, ui, "kind", k)),
            active: form.kind.trim() == k,
        })
        .collect();
    let country = f
        .country
        .iter()
        .map(|(c, n)| FacetItem {
            label: country_name(c, ui.lang),
            count: integer(ui.lang, *n as i64),
            // A country is a region filter too (`region=BY`).
            href: Some(with(form, ui, "region", c)),
            active: form.region.trim().eq_ignore_ascii_case(c),
        })
        .collect();
    let language = f
        .language
        .iter()
        .map(|(l, n)| FacetItem {
            label: language_name(l, ui.lang),
            count: integer(ui.lang, *n as i64),
            href: None,
            active: false,
        })
        .collect();
    [
        ("facet-kind", kind),
        ("facet-country", country),
        ("facet-language", language),
    ]
    .into_iter()
    .filter(|(_, items): &(_, Vec<FacetItem>)| !items.is_empty())
    .map(|(key, items)| Facet {
        title: tr.t(key),
        items,
    })
    .collect()
}

fn pager(form: &Form, ui: &Ui, tr: &Tr, offset: usize, total: usize) -> Option<Pager> {
    if total == 0 || offset >= total {
        return None;
    }
    let to = (offset + PAGE).min(total);
    let at = |o: usize| {
        let o = o.to_string();
        let mut p = pairs(form, ui);
        if o != "0" {
            p.push(("offset", &o));
        }
        href("/offers", &p)
    };
    Some(Pager {
        range: tr.a(
            "search-range",
            &[
                ("from", &(offset + 1).to_string()),
                ("to", &to.to_string()),
                ("total", &total.to_string()),
            ],
        ),
        prev: (offset > 0).then(|| at(offset.saturating_sub(PAGE))),
        next: (to < total && offset + PAGE <= MAX_OFFSET).then(|| at(offset + PAGE)),
    })
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Form {
        serde_urlencoded::from_str(&serde_urlencoded::to_string(pairs).unwrap()).unwrap()
    }

    #[test]
    fn each_field_is_checked_by_the_api_rules() {
        let tr = Tr::new(Lang::En);
        let ok = form(&[
            ("nace", "25.62, 28"),
            ("region", "PL84,BY"),
            ("kind", "free_capacity"),
            ("sort", "deadline"),
        ]);
        assert!(!check(&ok, &tr).any());
        let bad = form(&[
            ("nace", "99.99"),
            ("region", "PL84,XX9"),
            ("kind", "gift"),
            ("sort", "cheapest"),
        ]);
        let e = check(&bad, &tr);
        assert_eq!(
            e.nace.as_deref(),
            Some("“99.99” is not a NACE Rev. 2 code.")
        );
        assert!(e.region.unwrap().contains("PL84,XX9"));
        assert!(e.kind.is_some() && e.sort.is_some());
    }

    #[test]
    fn pages_of_twenty() {
        let tr = Tr::new(Lang::En);
        let ui = Ui::new(Lang::En);
        let f = form(&[("q", "cnc")]);
        let p = pager(&f, &ui, &tr, 0, 45).unwrap();
        assert_eq!(p.range, "Offers 1–20 of 45");
        assert_eq!(p.prev, None);
        assert_eq!(p.next.as_deref(), Some("/offers?q=cnc&offset=20"));
        let p = pager(&f, &ui, &tr, 20, 45).unwrap();
        assert_eq!(p.prev.as_deref(), Some("/offers?q=cnc"));
        let p = pager(&f, &ui, &tr, 40, 45).unwrap();
        assert_eq!(p.range, "Offers 41–45 of 45");
        assert_eq!(p.next, None);
        assert!(pager(&f, &ui, &tr, 60, 45).is_none());
        assert!(pager(&f, &ui, &tr, 0, 0).is_none());
    }
}
