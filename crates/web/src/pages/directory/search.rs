//! `/directory`: organisations by name, kind, sector, region, country, cluster and size, with
//! counts per filter value and cursor pages, as `GET /api/v1/organisations` lists them.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use klaster_domain::{OrgKind, SizeClass};
use klaster_refdata::regions::RegionScheme;
use klaster_store::directory;
use klaster_store::organisations::{self as orgs, FacetCounts, OrgRecord};
use serde::Deserialize;

use super::{Link, Named, kind_label, nace_label, org_href, size_label};
use crate::AppState;
use crate::api::clusters::cluster_records;
use crate::api::organisations::{ListParams, filter_of, list_page};
use crate::pages::errors::{self, PageError};
use crate::pages::facets::{Facet, FacetItem};
use crate::pages::i18n::Tr;
use crate::pages::lang::{Ui, href};
use crate::pages::summary::{country_name, org_place, region_name};
use crate::pages::{Chrome, Section, render};
use crate::pagination::Cursor;

/// Results per page.
const PAGE: i64 = 20;
/// Values shown per facet.
const FACET_ITEMS: usize = 12;
/// Clusters offered in the form (a directory holds at most hundreds).
const CLUSTERS: i64 = 1000;

/// The form as sent: every value a string, so a wrong one is shown back with its error.
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
    pub country: String,
    #[serde(default)]
    pub cluster: String,
    #[serde(default)]
    pub size: String,
    #[serde(default)]
    pub after: String,
}

/// The form's fields in order: (name, value).
fn fields(form: &Form) -> [(&'static str, &str); 7] {
    [
        ("q", form.q.trim()),
        ("kind", form.kind.trim()),
        ("nace", form.nace.trim()),
        ("region", form.region.trim()),
        ("country", form.country.trim()),
        ("cluster", form.cluster.trim()),
        ("size", form.size.trim()),
    ]
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Default)]
pub struct FieldErrors {
    pub kind: Option<String>,
    pub nace: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
    pub cluster: Option<String>,
    pub size: Option<String>,
}

impl FieldErrors {
    fn any(&self) -> bool {
        [
            &self.kind,
            &self.nace,
            &self.region,
            &self.country,
            &self.cluster,
            &self.size,
        ]
        .iter()
        .any(|e| e.is_some())
    }
}

pub struct OrgItem {
    pub href: String,
    pub name: Named,
    pub kind: String,
    pub place: String,
    pub branch: Option<String>,
    pub clusters: Vec<Link>,
}

pub struct Results {
    pub total: String,
    pub items: Vec<OrgItem>,
    pub facets: Vec<Facet>,
    pub first: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct SearchPage {
    chrome: Chrome,
    form: Form,
    kinds: Vec<Choice>,
    clusters: Vec<Choice>,
    sizes: Vec<Choice>,
    errors: FieldErrors,
    notice: Option<String>,
    /// Whether any filter is set (then the form offers to clear them).
    filtered: bool,
    results: Option<Results>,
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

fn some(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The API's parameters for this form. A cursor the API did not make starts at page one.
fn params(form: &Form) -> ListParams {
    ListParams {
        kind: some(&form.kind),
        nace: some(&form.nace),
        region: some(&form.region),
        country: some(&form.country),
        cluster: form.cluster.trim().parse().ok(),
        size_class: SizeClass::parse(form.size.trim()),
        q: some(&form.q),
        sort: None,
        after: some(&form.after).filter(|a| Cursor::decode(a).is_ok()),
        limit: Some(PAGE),
    }
}

/// Each field checked alone by the API's own rules, so the page can say which one is wrong.
fn check(form: &Form, tr: &Tr) -> FieldErrors {
    let wrong = |p: ListParams| filter_of(&p).is_err();
    let value = |v: &str| v.trim().chars().take(100).collect::<String>();
    let mut e = FieldErrors::default();
    if wrong(ListParams {
        kind: some(&form.kind),
        ..ListParams::default()
    }) {
        e.kind = Some(tr.t("dir-error-kind"));
    }
    if wrong(ListParams {
        nace: some(&form.nace),
        ..ListParams::default()
    }) {
        e.nace = Some(tr.a("dir-error-nace", &[("value", &value(&form.nace))]));
    }
    if wrong(ListParams {
        region: some(&form.region),
        ..ListParams::default()
    }) {
        e.region = Some(tr.a("dir-error-region", &[("value", &value(&form.region))]));
    }
    if wrong(ListParams {
        country: some(&form.country),
        ..ListParams::default()
    }) {
        e.country = Some(tr.a("dir-error-country", &[("value", &value(&form.country))]));
    }
    let cluster = form.cluster.trim();
    if !cluster.is_empty() && cluster.parse::<i64>().is_err() {
        e.cluster = Some(tr.t("dir-error-cluster"));
    }
    let size = form.size.trim();
    if !size.is_empty() && SizeClass::parse(size).is_none() {
        e.size = Some(tr.t("dir-error-size"));
    }
    e
}

fn choices(form: &Form, tr: &Tr, clusters: &[(i64, Named)]) -> [Vec<Choice>; 3] {
    let kinds = OrgKind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.as_str().into(),
            label: kind_label(tr, k),
            selected: form.kind.trim() == k.as_str(),
        })
        .collect();
    let cluster_choices = clusters
        .iter()
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.text.clone(),
            selected: form.cluster.trim() == id.to_string(),
        })
        .collect();
    let sizes = SizeClass::ALL
        .into_iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: size_label(tr, s),
            selected: form.size.trim() == s.as_str(),
        })
        .collect();
    [kinds, cluster_choices, sizes]
}

async fn build(
    state: &AppState,
    ui: &Ui,
    form: Form,
) -> Result<(StatusCode, SearchPage), PageError> {
    let chrome = Chrome::new(state, ui, "dir-title", Section::Directory);
    let tr = chrome.tr;
    let clusters: Vec<(i64, Named)> = cluster_records(state, CLUSTERS)
        .await?
        .iter()
        .map(|r| (r.id, Named::of(&r.org, ui.lang)))
        .collect();
    let [kinds, cluster_choices, sizes] = choices(&form, &tr, &clusters);
    let mut page = SearchPage {
        chrome,
        kinds,
        clusters: cluster_choices,
        sizes,
        errors: check(&form, &tr),
        notice: None,
        filtered: fields(&form).iter().any(|(_, v)| !v.is_empty()),
        results: None,
        form,
    };
    if page.errors.any() {
        page.notice = Some(tr.t("dir-form-invalid"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page));
    }
    let p = params(&page.form);
    let filter = filter_of(&p)?;
    let (rows, next) = list_page(state, &filter, &p).await?;
    let counts = orgs::facet_counts(state.db(), &filter).await?;
    let total: i64 = counts.kinds.iter().map(|(_, n)| n).sum();
    let names: HashMap<i64, &Named> = clusters.iter().map(|(id, n)| (*id, n)).collect();
    let items = items(state, ui, &tr, rows, &names).await?;
    page.results = Some(Results {
        total: tr.n("dir-total", usize::try_from(total).unwrap_or(0)),
        items,
        facets: facets(&page.form, ui, &tr, &counts, &names),
        first: (!page.form.after.trim().is_empty()).then(|| link(&page.form, ui, None)),
        next: next.map(|c| link(&page.form, ui, Some(("after", &c)))),
    });
    Ok((StatusCode::OK, page))
}

/// The result list: each organisation with its current clusters (one query for the page).
async fn items(
    state: &AppState,
    ui: &Ui,
    tr: &Tr,
    rows: Vec<OrgRecord>,
    cluster_names: &HashMap<i64, &Named>,
) -> Result<Vec<OrgItem>, PageError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let memberships = directory::current_clusters_of_many(state.db(), &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| OrgItem {
            href: org_href(r.id),
            name: Named::of(&r.org, ui.lang),
            kind: kind_label(tr, r.org.kind),
            place: org_place(&r.org, ui.lang),
            branch: r.org.nace_main.as_deref().map(|c| nace_label(c, ui.lang)),
            clusters: memberships
                .iter()
                .filter(|m| m.organisation_id == r.id)
                .map(|m| Link {
                    label: cluster_names
                        .get(&m.cluster_id)
                        .map_or_else(|| m.organisation_name.clone(), |n| n.text.clone()),
                    href: org_href(m.cluster_id),
                })
                .collect(),
        })
        .collect())
}

/// `/directory` with the form's filters, `set` replacing (or adding) one of them; a new filter
/// starts at page one. An explicit UI language is kept (readers without cookies).
fn link(form: &Form, ui: &Ui, set: Option<(&str, &str)>) -> String {
    let mut p: Vec<(&str, &str)> = fields(form)
        .into_iter()
        .filter(|(k, v)| !v.is_empty() && set.is_none_or(|(name, _)| name != *k))
        .collect();
    p.extend(set);
    if let Some(l) = ui.param("lang") {
        p.push(("lang", l));
    }
    href("/directory", &p)
}

fn facets(
    form: &Form,
    ui: &Ui,
    tr: &Tr,
    c: &FacetCounts,
    cluster_names: &HashMap<i64, &Named>,
) -> Vec<Facet> {
    let lang = ui.lang;
    let item = |field: &str, value: &str, label: String, n: i64| FacetItem {
        label,
        count: crate::pages::format::integer(lang, n),
        href: Some(link(form, ui, Some((field, value)))),
        active: form_value(form, field).eq_ignore_ascii_case(value),
    };
    let kinds = c
        .kinds
        .iter()
        .filter_map(|(k, n)| {
            OrgKind::parse(k).map(|kind| item("kind", k, kind_label(tr, kind), *n))
        })
        .collect();
    // Sectors one level below the chosen one (sections when none is chosen).
    let chosen_nace = klaster_refdata::nace::normalize(form.nace.trim());
    let nace = c
        .nace
        .iter()
        .filter(|(code, _)| {
            klaster_refdata::nace::get(code).is_some_and(|n| n.parent == chosen_nace)
        })
        .map(|(code, n)| item("nace", code, nace_label(code, lang), *n))
        .collect();
    // Regions one level below the chosen one (NUTS 2 and Belarusian oblasts when none is).
    let chosen_region = klaster_refdata::regions::get(form.region.trim()).map(|r| r.code);
    let regions = c
        .regions
        .iter()
        .filter(|(code, _)| {
            klaster_refdata::regions::get(code).is_some_and(|r| match chosen_region {
                Some(p) => r.parent == Some(p),
                None => match r.scheme {
                    RegionScheme::Nuts2021 => r.level == 2,
                    RegionScheme::Iso3166_2 => r.level == 1,
                },
            })
        })
        .map(|(code, n)| {
            let name = region_name(code, lang).unwrap_or_else(|| code.clone());
            item("region", code, name, *n)
        })
        .collect();
    let countries = c
        .countries
        .iter()
        .map(|(code, n)| item("country", code, country_name(code, lang), *n))
        .collect();
    let clusters = c
        .clusters
        .iter()
        .filter_map(|(id, n)| {
            let name = cluster_names.get(id)?;
            Some(item("cluster", &id.to_string(), name.text.clone(), *n))
        })
        .collect();
    let sizes = c
        .size_classes
        .iter()
        .filter_map(|(s, n)| {
            SizeClass::parse(s).map(|size| item("size", s, size_label(tr, size), *n))
        })
        .collect();
    [
        ("dir-facet-kind", kinds),
        ("dir-facet-nace", nace),
        ("dir-facet-region", regions),
        ("dir-facet-country", countries),
        ("dir-facet-cluster", clusters),
        ("dir-facet-size", sizes),
    ]
    .into_iter()
    .filter(|(_, items): &(_, Vec<FacetItem>)| !items.is_empty())
    .map(|(key, mut items)| {
        items.truncate(FACET_ITEMS);
        Facet {
            title: tr.t(key),
            items,
        }
    })
    .collect()
}

fn form_value<'a>(form: &'a Form, field: &str) -> &'a str {
    fields(form)
        .into_iter()
        .find(|(k, _)| *k == field)
        .map_or("", |(_, v)| v)
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
            ("kind", "cluster_organisation"),
            ("nace", "25.62"),
            ("region", "PL84"),
            ("country", "by"),
            ("cluster", "7"),
            ("size", "small"),
        ]);
        assert!(!check(&ok, &tr).any());
        let bad = form(&[
            ("kind", "guild"),
            ("nace", "99.99"),
            ("region", "XX9"),
            ("country", "QQ"),
            ("cluster", "seven"),
            ("size", "huge"),
        ]);
        let e = check(&bad, &tr);
        assert_eq!(
            e.nace.as_deref(),
            Some("“99.99” is not a NACE Rev. 2 code.")
        );
        assert!(e.region.unwrap().contains("XX9"));
        assert!(e.country.unwrap().contains("QQ"));
        assert!(e.kind.is_some() && e.cluster.is_some() && e.size.is_some());
    }

    #[test]
    fn links_keep_the_other_filters_and_start_at_page_one() {
        let ui = Ui::new(Lang::En);
        let f = form(&[("q", "stal"), ("kind", "company"), ("after", "abc")]);
        assert_eq!(
            link(&f, &ui, Some(("kind", "university"))),
            "/directory?q=stal&kind=university"
        );
        assert_eq!(link(&f, &ui, None), "/directory?q=stal&kind=company");
    }
}
