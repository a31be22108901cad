//! `/analytics`: the cluster analytics engine in the browser. Choose a data set (the built-in
//! demo or a public stored one), a region and a year; `/analytics/{dataset}/{region}` shows the
//! region's potential-clusters ranking with every component explained, the bubble chart and
//! the star bars, with the same table as CSV and the engine's printable report beside it.
//! The engine's results are computed once per data set, region and year ([`data`]).

mod charts;
mod data;
mod names;
mod view;
mod wording;

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use klaster_analytics::Level;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

pub use charts::file;
use data::{Info, Source};

use super::errors::{self, PageError};
use super::i18n::Tr;
use super::lang::{Ui, href};
use super::{Chrome, Section, render};
use crate::AppState;

/// Rows of an industry ranking shown before "show all".
const TOP: usize = 30;

/// The query of both pages, every value a string (what cannot be understood is said so).
#[derive(Debug, Default, Deserialize)]
pub struct Choose {
    #[serde(default)]
    pub dataset: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub all: String,
}

/// A checked choice of data set, region, year and level.
pub struct Selection {
    pub src: Source,
    pub info: std::sync::Arc<Info>,
    pub region: String,
    pub year: i32,
    pub level: Level,
    pub all: bool,
}

/// Why a choice cannot be shown, said on the form page.
enum Refusal {
    Dataset(String),
    Region(String),
    Year(String),
    Failed(PageError),
}

impl From<PageError> for Refusal {
    fn from(e: PageError) -> Self {
        Refusal::Failed(e)
    }
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Industry => "industry",
        Level::Category => "category",
    }
}

async fn select(
    state: &AppState,
    dataset: &str,
    region: &str,
    q: &Choose,
) -> Result<Selection, Refusal> {
    let src = match data::source(state, dataset).await {
        Ok(s) => s,
        Err(PageError::NotFound) => return Err(Refusal::Dataset(dataset.to_string())),
        Err(e) => return Err(e.into()),
    };
    let info = data::info(state, &src).await?;
    let region = region.trim();
    if !info.regions.iter().any(|r| r == region) {
        return Err(Refusal::Region(region.to_string()));
    }
    let year = match q.year.trim() {
        "" => *info.years.last().ok_or(PageError::NotFound)?,
        y => y
            .parse()
            .ok()
            .filter(|y| info.years.contains(y))
            .ok_or_else(|| Refusal::Year(y.to_string()))?,
    };
    // Categories where the data set has them (the level a cluster coordinator thinks in).
    let level = match (q.level.trim(), info.has_categories) {
        ("industry", _) | (_, false) => Level::Industry,
        _ => Level::Category,
    };
    Ok(Selection {
        region: region.to_string(),
        year,
        level,
        all: q.all == "1",
        src,
        info,
    })
}

impl Selection {
    fn default_level(&self) -> Level {
        if self.info.has_categories {
            Level::Category
        } else {
            Level::Industry
        }
    }

    /// `/analytics/{dataset}/{region}{tail}` with the year and level where not the default
    /// (and an explicit UI language kept), plus `extra`.
    fn href(&self, ui: &Ui, tail: &str, level: Level, extra: &[(&str, &str)]) -> String {
        let year = self.year.to_string();
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if self.info.years.last() != Some(&self.year) {
            pairs.push(("year", &year));
        }
        if level != self.default_level() {
            pairs.push(("level", level_name(level)));
        }
        pairs.extend_from_slice(extra);
        if let Some(l) = ui.param("lang") {
            pairs.push(("lang", l));
        }
        let path = format!(
            "/analytics/{}/{}{tail}",
            self.src.segment,
            utf8_percent_encode(&self.region, NON_ALPHANUMERIC)
        );
        href(&path, &pairs)
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The choosing form: data sets, the regions and years of the chosen one, the levels.
pub struct FormView {
    pub datasets: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub years: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub error: Option<String>,
}

fn dataset_label(src: &Source, tr: &Tr) -> String {
    src.name.clone().unwrap_or_else(|| tr.t("an-demo-name"))
}

async fn form_view(
    state: &AppState,
    tr: &Tr,
    chosen: &Source,
    region: &str,
    year: Option<i32>,
    level: Option<Level>,
) -> Result<FormView, PageError> {
    let info = data::info(state, chosen).await?;
    let datasets = data::sources(state)
        .await?
        .iter()
        .map(|s| Choice {
            value: s.segment.clone(),
            label: dataset_label(s, tr),
            selected: s.segment == chosen.segment,
        })
        .collect();
    let mut regions: Vec<Choice> = info
        .regions
        .iter()
        .map(|r| Choice {
            value: r.clone(),
            label: names::region(r, tr.lang()),
            selected: r == region,
        })
        .collect();
    regions.sort_by_key(|c| c.label.to_lowercase());
    let last = info.years.last().copied();
    let years = info
        .years
        .iter()
        .rev()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
            selected: Some(*y) == year.or(last),
        })
        .collect();
    let level = level.unwrap_or(if info.has_categories {
        Level::Category
    } else {
        Level::Industry
    });
    let levels = [Level::Category, Level::Industry]
        .into_iter()
        .filter(|l| info.has_categories || *l == Level::Industry)
        .map(|l| Choice {
            value: level_name(l).into(),
            label: tr.t(&format!("an-level-{}", level_name(l))),
            selected: l == level,
        })
        .collect();
    Ok(FormView {
        datasets,
        regions,
        years,
        levels,
        error: None,
    })
}

pub struct DatasetItem {
    pub label: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "analytics.html")]
struct ChoosePage {
    chrome: Chrome,
    form: FormView,
    notice: Option<String>,
    example: String,
    datasets: Vec<DatasetItem>,
}

/// `GET /analytics`: the form; a complete, valid choice goes on to the region's page.
pub async fn index(
    State(state): State<AppState>,
    ui: Ui,
    q: Result<Query<Choose>, QueryRejection>,
) -> Response {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let (dataset, region) = (q.dataset.trim(), q.region.trim());
    if dataset.is_empty() && region.is_empty() {
        return choose_page(&state, &ui, None, StatusCode::OK, &q).await;
    }
    match select(&state, dataset, region, &q).await {
        Ok(s) => {
            let level = if q.level.trim().is_empty() {
                s.default_level()
            } else {
                s.level
            };
            Redirect::to(&s.href(&ui, "", level, &[])).into_response()
        }
        // A region of another data set: the form again, with this data set's regions.
        Err(r) => choose_page(&state, &ui, Some(r), StatusCode::UNPROCESSABLE_ENTITY, &q).await,
    }
}

/// The form page, with what was wrong with a choice.
async fn choose_page(
    state: &AppState,
    ui: &Ui,
    refusal: Option<Refusal>,
    status: StatusCode,
    q: &Choose,
) -> Response {
    let chrome = Chrome::new(state, ui, "an-title", Section::Analytics);
    let tr = chrome.tr;
    let mut notice = None;
    let mut region_error = None;
    let mut status = status;
    let src = match &refusal {
        Some(Refusal::Failed(e)) => return errors::page(state, ui, *e),
        Some(Refusal::Dataset(d)) => {
            notice = Some(tr.a("an-unknown-dataset", &[("dataset", &clip(d))]));
            None
        }
        Some(Refusal::Region(r)) => {
            let text = if r.is_empty() {
                tr.t("an-choose-region")
            } else {
                tr.a("an-unknown-region", &[("region", &clip(r))])
            };
            region_error = Some(text.clone());
            notice = Some(text);
            None
        }
        Some(Refusal::Year(y)) => {
            notice = Some(tr.a("an-unknown-year", &[("year", &clip(y))]));
            None
        }
        None => None,
    };
    // The data set chosen (when it exists), else the demo.
    let src = match src {
        Some(s) => s,
        None => match data::source(state, q.dataset.trim()).await {
            Ok(s) => s,
            Err(_) => match data::source(state, data::DEMO).await {
                Ok(s) => s,
                Err(e) => return errors::page(state, ui, e),
            },
        },
    };
    let level = match q.level.trim() {
        "industry" => Some(Level::Industry),
        "category" => Some(Level::Category),
        _ => None,
    };
    let region = match q.region.trim() {
        "" => "PL84",
        r => r,
    };
    let mut form = match form_view(state, &tr, &src, region, None, level).await {
        Ok(f) => f,
        Err(e) => return errors::page(state, ui, e),
    };
    form.error = region_error;
    let datasets = match dataset_items(state, &tr).await {
        Ok(d) => d,
        Err(e) => return errors::page(state, ui, e),
    };
    if notice.is_none() {
        status = StatusCode::OK;
    }
    let p = ChoosePage {
        example: href("/analytics/demo/PL84", &[]),
        chrome,
        form,
        notice,
        datasets,
    };
    render(ui, status, &p)
}

/// What a reader typed, shortened before it is shown back.
fn clip(s: &str) -> String {
    names::short(s.to_string(), 60)
}

async fn dataset_items(state: &AppState, tr: &Tr) -> Result<Vec<DatasetItem>, PageError> {
    let mut out = Vec::new();
    for s in data::sources(state).await? {
        let (regions, years) = match &s.summary {
            Some((r, y)) => (*r, y.clone()),
            None => {
                let info = data::info(state, &s).await?;
                (info.regions.len(), info.years.clone())
            }
        };
        let years = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        out.push(DatasetItem {
            label: dataset_label(&s, tr),
            summary: tr.a(
                "an-dataset-summary",
                &[("regions", &tr.n("an-regions", regions)), ("years", &years)],
            ),
        });
    }
    Ok(out)
}

pub struct LevelLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "analytics_region.html")]
struct RegionPage {
    chrome: Chrome,
    form: FormView,
    heading: String,
    dataset: String,
    illustrative: bool,
    notes: Vec<String>,
    levels: Vec<LevelLink>,
    intro: String,
    heads: Vec<view::Head>,
    rows: Vec<view::Row>,
    more: Option<(String, String)>,
    csv_href: String,
    report_href: String,
    bubble_src: String,
    stars_src: String,
}

/// `GET /analytics/{dataset}/{region}`: the region's ranking, explained.
pub async fn region(
    State(state): State<AppState>,
    ui: Ui,
    Path((dataset, region)): Path<(String, String)>,
    q: Result<Query<Choose>, QueryRejection>,
) -> Response {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let s = match select(&state, &dataset, &region, &q).await {
        Ok(s) => s,
        Err(r) => {
            let q = Choose {
                dataset,
                region,
                ..q
            };
            return choose_page(&state, &ui, Some(r), StatusCode::NOT_FOUND, &q).await;
        }
    };
    match region_page(&state, &ui, &s).await {
        Ok(p) => render(&ui, StatusCode::OK, &p),
        Err(e) => errors::page(&state, &ui, e),
    }
}

async fn region_page(state: &AppState, ui: &Ui, s: &Selection) -> Result<RegionPage, PageError> {
    let c = data::analysis(state, &s.src, &s.region, s.year).await?;
    let chrome = Chrome::new(state, ui, "an-title", Section::Analytics);
    let tr = chrome.tr;
    let region_name = names::region(&s.region, ui.lang);
    let pot = c.potential(s.level).ok_or(PageError::NotFound)?;
    let first = s.info.years.first().copied().unwrap_or(s.year);
    let ranked = view::Ranked {
        rows: &pot.rows,
        year: c.year(s.level),
        region: c.region,
        level: s.level,
        categories: c.categories(),
    };
    let limit = if s.level == Level::Industry && !s.all {
        TOP
    } else {
        usize::MAX
    };
    let rows = view::rows(&ranked, &tr, limit);
    let more = (rows.len() < pot.rows.len()).then(|| {
        (
            tr.n("an-show-all", pot.rows.len()),
            s.href(ui, "", s.level, &[("all", "1")]),
        )
    });
    let levels = if s.info.has_categories {
        [Level::Category, Level::Industry]
            .into_iter()
            .map(|l| LevelLink {
                label: tr.t(&format!("an-level-{}", level_name(l))),
                href: s.href(ui, "", l, &[]),
                current: l == s.level,
            })
            .collect()
    } else {
        Vec::new()
    };
    let notes = &c.report.notes;
    let year = s.year.to_string();
    let mut form = form_view(state, &tr, &s.src, &s.region, Some(s.year), Some(s.level)).await?;
    form.error = None;
    Ok(RegionPage {
        heading: tr.a(
            "an-region-heading",
            &[("region", &region_name), ("year", &year)],
        ),
        dataset: dataset_label(&s.src, &tr),
        illustrative: notes.iter().any(|n| n.contains("ILLUSTRATIVE")),
        notes: notes.clone(),
        levels,
        intro: tr.a(
            &format!("an-intro-{}", level_name(s.level)),
            &[
                ("count", &pot.rows.len().to_string()),
                ("region", &region_name),
                ("year", &year),
                ("first", &first.to_string()),
            ],
        ),
        heads: view::heads(pot.rows.first(), &tr, first),
        rows,
        more,
        csv_href: s.href(ui, "/ranking.csv", s.level, &[]),
        report_href: s.href(ui, "/report", s.level, &[]),
        bubble_src: s.href(ui, "/bubble.svg", s.level, &[]),
        stars_src: s.href(ui, "/stars.svg", s.level, &[]),
        form,
        chrome,
    })
}
