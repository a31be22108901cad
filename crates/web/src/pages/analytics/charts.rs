//! What the region's page links to: the ranking as CSV, the charts as SVG images and the
//! engine's printable report, all in the reader's language ([`Words`]). Each is a file of its
//! own (its own content type), so the page itself keeps its strict policy (no inline styles)
//! while the engine's SVG and report keep theirs.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use klaster_analytics::output::{Format, potential_table};
use klaster_analytics::{Level, html, svg};

use super::data::{self, Computed};
use super::wording::Words;
use super::{Choose, Refusal, Selection, level_name, names, select};
use crate::AppState;
use crate::pages::errors::{self, PageError};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::page_headers;

/// Longest name on a chart.
const CHART_NAME: usize = 40;
/// Rows of the star bars.
const STAR_ROWS: usize = 40;
/// Longest name in the report's tables.
const REPORT_NAME: usize = 48;

/// `/analytics/{dataset}/{region}/{file}`: `ranking.csv`, `bubble.svg`, `stars.svg` or
/// `report`; 404 for anything else and for any choice that is not there.
pub async fn file(
    State(state): State<AppState>,
    ui: Ui,
    Path((dataset, region, file)): Path<(String, String, String)>,
    q: Result<Query<Choose>, QueryRejection>,
) -> Response {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let answer = async {
        let make: fn(&Ui, &Selection, &Computed) -> Result<Response, PageError> =
            match file.as_str() {
                "ranking.csv" => csv,
                "bubble.svg" => |ui, s, c| chart(ui, s, c, Chart::Bubble),
                "stars.svg" => |ui, s, c| chart(ui, s, c, Chart::Stars),
                "report" => report,
                _ => return Err(PageError::NotFound),
            };
        let s = match select(&state, &dataset, &region, &q).await {
            Ok(s) => s,
            Err(Refusal::Failed(e)) => return Err(e),
            Err(_) => return Err(PageError::NotFound),
        };
        let c = data::analysis(&state, &s.src, &s.region, s.year).await?;
        make(&ui, &s, &c)
    };
    answer
        .await
        .unwrap_or_else(|e| errors::page(&state, &ui, e))
}

/// A file in the reader's language (its names are), with the headers every page carries.
fn respond(ui: &Ui, content_type: &'static str, body: String) -> Response {
    let mut res = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    page_headers(res.headers_mut(), ui);
    res
}

/// The ranking with every component's value and score (the engine's table, names in the UI
/// language), as a download.
fn csv(ui: &Ui, s: &Selection, c: &Computed) -> Result<Response, PageError> {
    let pot = c.potential(s.level).ok_or(PageError::NotFound)?;
    let tr = Tr::new(ui.lang);
    let label = |code: &str| Some(names::column(code, s.level, c.categories(), &tr));
    let mut out = Vec::new();
    potential_table(pot, &label)
        .write(&mut out, Format::Csv)
        .map_err(|_| PageError::Internal)?;
    // Only letters, digits, `.`, `-` and `_` in the file name (region codes come from data).
    let name: String = format!(
        "potential-{}-{}-{}-{}.csv",
        s.src.segment,
        s.region,
        s.year,
        level_name(s.level)
    )
    .chars()
    .map(|ch| {
        if ch.is_ascii_alphanumeric() || ".-_".contains(ch) {
            ch
        } else {
            '_'
        }
    })
    .collect();
    let mut res = respond(
        ui,
        "text/csv; charset=utf-8",
        String::from_utf8_lossy(&out).into_owned(),
    );
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

#[derive(Clone, Copy)]
enum Chart {
    /// LQ against growth, bubble area employment, colour stars.
    Bubble,
    /// The starred columns, a segment per star.
    Stars,
}

/// The engine's chart of the selection, names in the UI language.
fn chart(ui: &Ui, s: &Selection, c: &Computed, kind: Chart) -> Result<Response, PageError> {
    let yr = c.year(s.level).ok_or(PageError::NotFound)?;
    let tr = Tr::new(ui.lang);
    let label = |code: &str| {
        names::short(
            names::column(code, s.level, c.categories(), &tr),
            CHART_NAME,
        )
    };
    let notes = &c.report.notes;
    let region = names::region(&s.region, ui.lang);
    let words = Words::new(tr);
    let body = match kind {
        Chart::Bubble => svg::bubble_chart(yr, &region, c.region, false, &label, notes, &words),
        Chart::Stars => svg::star_bars(yr, &region, c.region, STAR_ROWS, &label, notes, &words),
    };
    let mut res = respond(ui, "image/svg+xml", body);
    // An image never runs anything, even opened on its own; its attributes style it.
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'"),
    );
    Ok(res)
}

/// The engine's printable report in the UI language, with a policy that allows its own
/// inline stylesheet and nothing else.
fn report(ui: &Ui, s: &Selection, c: &Computed) -> Result<Response, PageError> {
    let tr = Tr::new(ui.lang);
    // The report names the region and columns of both levels: category codes and NACE codes
    // do not overlap, so the category level's naming (a category, else a NACE title) fits all.
    let label = |code: &str| {
        if code == s.region {
            names::region(code, ui.lang)
        } else {
            names::short(
                names::column(code, Level::Category, c.categories(), &tr),
                REPORT_NAME,
            )
        }
    };
    let html = html::region_report(&c.report, &s.region, &label, &Words::new(tr)).map_err(|e| {
        tracing::error!(error = %e, "report failed");
        PageError::Internal
    })?;
    let mut res = respond(ui, "text/html; charset=utf-8", html);
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ),
    );
    Ok(res)
}
