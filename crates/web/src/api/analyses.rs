//! `/datasets` and `/analyses`: the cluster analytics engine over HTTP. A data set is kept as
//! uploaded with its SHA-256; an analysis stores every parameter (defaults included) and the
//! input's fingerprint, so its result can be reproduced — reports and charts are recomputed
//! from exactly that.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use chrono::{DateTime, Utc};
use klaster_analytics::labels::name_of;
use klaster_analytics::{Categories, Dataset, English, Level, Params, ReadOptions, Report};
use klaster_store::analyses::{self, NewAnalysis};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::extract::{ApiJson, MaybePrincipal, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct DatasetOut {
    pub id: i64,
    pub name: String,
    /// SHA-256 of the uploaded bytes.
    pub fingerprint: String,
    #[schema(value_type = Object)]
    pub summary: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

impl From<analyses::DatasetRow> for DatasetOut {
    fn from(d: analyses::DatasetRow) -> Self {
        DatasetOut {
            id: d.id,
            name: d.name,
            fingerprint: d.fingerprint,
            summary: d.summary.0,
            created_at: d.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// A name for the data set (default "upload").
    pub name: Option<String>,
}

/// A gzipped upload may expand to at most this much (a few years of NUTS 3 x NACE classes fit).
const MAX_DECOMPRESSED: u64 = 512 * 1024 * 1024;

fn read(bytes: &[u8], name: &str) -> ApiResult<Dataset> {
    let opts = ReadOptions {
        max_decompressed: Some(MAX_DECOMPRESSED),
        ..ReadOptions::named(name)
    };
    Dataset::from_reader(bytes, &opts).map_err(|e| {
        // The engine's errors name the line and column.
        ApiError::invalid().field("body", "unreadable_dataset", e.to_string())
    })
}

/// Upload a data set: CSV/TSV in long format (`region,industry,year,employment` plus optional
/// `establishments,wages`), Eurostat TSV or SDMX-CSV. Larger files: use `klaster analyze`.
#[utoipa::path(post, path = "/datasets", tag = "analytics", params(UploadParams),
    request_body(content = String, content_type = "text/csv"), security(("token" = [])),
    responses((status = 201, body = DatasetOut), (status = 422, body = Problem), (status = 401, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    principal: Principal,
    Query(q): Query<UploadParams>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<DatasetOut>)> {
    let name = q.name.unwrap_or_else(|| "upload".into());
    let bytes = body.to_vec();
    let (ds, bytes) = {
        let name = name.clone();
        tokio::task::spawn_blocking(move || read(&bytes, &name).map(|d| (d, bytes)))
            .await
            .map_err(|_| ApiError::internal())??
    };
    let summary = serde_json::json!({
        "regions": ds.regions.len(), "industries": ds.industries.len(), "years": ds.years, "notes": ds.notes,
    });
    let row =
        analyses::add_dataset(state.db(), &name, &bytes, &summary, Some(principal.user.id)).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// The caller's uploaded data sets (all of them for administrators), newest first; the
/// built-in demo is `"demo"`.
#[utoipa::path(get, path = "/datasets", tag = "analytics", security(("token" = [])),
    responses((status = 200, body = Vec<DatasetOut>), (status = 401, body = Problem)))]
pub async fn datasets(
    State(state): State<AppState>,
    principal: Principal,
) -> ApiResult<Json<Vec<DatasetOut>>> {
    let owner = (!principal.rights.is_admin()).then_some(principal.user.id);
    let rows = analyses::datasets(state.db(), owner).await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

/// An uploaded data set is its uploader's (and administrators'); to anyone else it does not
/// exist, so one organisation's figures never reach another. A data set stored without an
/// uploader (put there by the operator, never through the upload) is public.
fn may_use(row: &analyses::DatasetRow, who: Option<&Principal>) -> bool {
    is_public(row) || who.is_some_and(|p| p.rights.is_admin() || row.created_by == Some(p.user.id))
}

/// Whether everyone, signed in or not, may analyse the data set (the analytics pages list these).
pub(crate) fn is_public(row: &analyses::DatasetRow) -> bool {
    row.created_by.is_none()
}

/// Which data: the built-in illustrative demo (`"demo"`) or an uploaded data set's id.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(untagged)]
pub enum DatasetRef {
    Id(i64),
    Named(String),
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnalysisIn {
    pub dataset: DatasetRef,
    /// The region whose potential clusters are ranked (e.g. PL84).
    pub region: String,
    /// Engine parameters (complexity preset, star thresholds, weights, years...); omitted
    /// ones take their documented defaults.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub params: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AnalysisOut {
    pub id: i64,
    pub dataset: DatasetRef,
    /// SHA-256 of the input the result was computed from.
    pub fingerprint: String,
    /// Every parameter, defaults included.
    #[schema(value_type = Object)]
    pub params: serde_json::Value,
    /// The explained rankings (industries and, where defined, categories), notes and
    /// diagnostics; each of the diagnostics' `warnings` has a stable `code` (`missing_cells`),
    /// the data its text needs, the analysed `year` where it concerns one, and the English
    /// `text`.
    #[schema(value_type = Object)]
    pub result: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// The data set behind a reference, its fingerprint and its category definitions.
pub(crate) async fn load(
    state: &AppState,
    who: Option<&Principal>,
    r: &DatasetRef,
) -> ApiResult<(Dataset, String, Option<Categories>)> {
    match r {
        DatasetRef::Named(n) if n == "demo" => Ok((
            Dataset::demo(),
            analyses::fingerprint(klaster_analytics::DEMO_CSV.as_bytes()),
            Some(Categories::demo()),
        )),
        DatasetRef::Named(n) => Err(ApiError::invalid().field(
            "dataset",
            "unknown_dataset",
            format!("{n}: use \"demo\" or a data set id"),
        )),
        DatasetRef::Id(id) => {
            let row = analyses::dataset(state.db(), *id).await?;
            if !may_use(&row, who) {
                return Err(ApiError::not_found());
            }
            let bytes = analyses::dataset_content(state.db(), *id).await?;
            let name = row.name.clone();
            let ds = tokio::task::spawn_blocking(move || read(&bytes, &name))
                .await
                .map_err(|_| ApiError::internal())??;
            Ok((ds, row.fingerprint, None))
        }
    }
}

/// The parameters of a regional analysis: the ranking on the last year, growth and
/// shift-share from the first.
pub(crate) fn params_for(
    ds: &Dataset,
    region: &str,
    given: Option<serde_json::Value>,
    cats: Option<Categories>,
) -> ApiResult<Params> {
    let mut p: Params = match given {
        Some(v) => serde_json::from_value(v)
            .map_err(|e| ApiError::invalid().field("params", "invalid", e.to_string()))?,
        None => Params::default(),
    };
    if ds.region_index(region).is_none() {
        return Err(ApiError::invalid().field(
            "region",
            "unknown_region",
            format!("region {region} is not in the data set"),
        ));
    }
    p.region = Some(region.to_string());
    let (Some(first), Some(last)) = (ds.years.first().copied(), ds.years.last().copied()) else {
        return Err(ApiError::invalid().field("dataset", "empty", "the data set has no years"));
    };
    if p.years.is_empty() {
        p.years = vec![last];
    }
    p.base_year.get_or_insert(first);
    if first < last && p.shift_share.is_none() {
        p.shift_share = Some((first, last));
    }
    if p.categories.is_none() {
        p.categories = cats;
    }
    Ok(p)
}

pub(crate) async fn compute(ds: Dataset, p: Params) -> ApiResult<(Dataset, Report)> {
    tokio::task::spawn_blocking(move || klaster_analytics::analyze(&ds, &p).map(|r| (ds, r)))
        .await
        .map_err(|_| ApiError::internal())?
        .map_err(|e| ApiError::invalid().field("params", "analysis_failed", e.to_string()))
}

/// Run an analysis and keep it.
#[utoipa::path(post, path = "/analyses", tag = "analytics", request_body = AnalysisIn, security(("token" = [])),
    responses((status = 201, body = AnalysisOut), (status = 422, body = Problem), (status = 404, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<AnalysisIn>,
) -> ApiResult<(StatusCode, Json<AnalysisOut>)> {
    let (ds, fingerprint, cats) = load(&state, Some(&principal), &input.dataset).await?;
    let params = params_for(&ds, &input.region, input.params, cats)?;
    let (ds, report) = compute(ds, params.clone()).await?;
    let result = serde_json::json!({
        "notes": ds.notes,
        "potential": report.potential,
        "diagnostics": report.diagnostics,
    });
    let params_json = serde_json::to_value(&params).map_err(|_| ApiError::internal())?;
    let row = analyses::add_analysis(
        state.db(),
        &NewAnalysis {
            dataset_id: match input.dataset {
                DatasetRef::Id(id) => Some(id),
                DatasetRef::Named(_) => None,
            },
            fingerprint: &fingerprint,
            params: &params_json,
            result: &result,
            by: Some(principal.user.id),
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(analysis_out(row))))
}

fn analysis_out(row: analyses::AnalysisRow) -> AnalysisOut {
    AnalysisOut {
        id: row.id,
        dataset: row
            .dataset_id
            .map(DatasetRef::Id)
            .unwrap_or_else(|| DatasetRef::Named("demo".into())),
        fingerprint: row.fingerprint,
        params: row.params.0,
        result: row.result.0,
        created_at: row.created_at,
    }
}

/// A stored analysis.
#[utoipa::path(get, path = "/analyses/{id}", tag = "analytics", params(("id" = i64, Path)),
    responses((status = 200, body = AnalysisOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<Json<AnalysisOut>> {
    let row = analyses::analysis(state.db(), id).await?;
    if let Some(d) = row.dataset_id
        && !may_use(&analyses::dataset(state.db(), d).await?, who.as_ref())
    {
        return Err(ApiError::not_found());
    }
    Ok(Json(analysis_out(row)))
}

/// Recomputes a stored analysis from its data set and parameters, refusing when the data no
/// longer has the fingerprint the result was made from.
async fn recompute(
    state: &AppState,
    who: Option<&Principal>,
    id: i64,
) -> ApiResult<(Dataset, Report, Option<Categories>, String)> {
    let row = analyses::analysis(state.db(), id).await?;
    let r = row
        .dataset_id
        .map(DatasetRef::Id)
        .unwrap_or_else(|| DatasetRef::Named("demo".into()));
    let (ds, fingerprint, cats) = load(state, who, &r).await?;
    if fingerprint != row.fingerprint {
        return Err(ApiError::conflict(
            "the data set changed since this analysis; run it again",
        ));
    }
    let params: Params = serde_json::from_value(row.params.0).map_err(|_| ApiError::internal())?;
    let region = params.region.clone().unwrap_or_default();
    let labels = params.categories.clone().or(cats);
    let (ds, report) = compute(ds, params).await?;
    Ok((ds, report, labels, region))
}

/// The printable HTML report of the analysed region.
#[utoipa::path(get, path = "/analyses/{id}/report", tag = "analytics", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html", body = String), (status = 404, body = Problem)))]
pub async fn report(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<impl IntoResponse> {
    let (_, rep, labels, region) = recompute(&state, who.as_ref(), id).await?;
    let label = |code: &str| name_of(labels.as_ref(), code, 48).unwrap_or_else(|| code.to_string());
    let html = klaster_analytics::html::region_report(&rep, &region, &label, &English)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChartParams {
    /// industry (default) or category
    #[param(value_type = Option<String>)]
    pub level: Option<Level>,
}

/// An SVG chart of the analysed region: `bubble` (LQ against its change, area = employment,
/// colour = stars), `stars` or `network` (proximity of the region's industries).
#[utoipa::path(get, path = "/analyses/{id}/charts/{kind}", tag = "analytics", params(("id" = i64, Path), ("kind" = String, Path), ChartParams),
    responses((status = 200, content_type = "image/svg+xml", body = String), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn chart(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path((id, kind)): Path<(i64, String)>,
    Query(q): Query<ChartParams>,
) -> ApiResult<impl IntoResponse> {
    if !["bubble", "stars", "network"].contains(&kind.as_str()) {
        return Err(ApiError::not_found().detail("charts: bubble, stars, network"));
    }
    let (ds, rep, labels, region) = recompute(&state, who.as_ref(), id).await?;
    let r = ds.region_index(&region).ok_or_else(ApiError::not_found)?;
    let per_level = if q.level == Some(Level::Category) {
        &rep.categories
    } else {
        &rep.industries
    };
    let yr = per_level.last().ok_or_else(|| {
        ApiError::invalid().field("level", "empty", "nothing to chart at this level")
    })?;
    let label = |code: &str| name_of(labels.as_ref(), code, 48).unwrap_or_else(|| code.to_string());
    let svg = match kind.as_str() {
        "bubble" => {
            klaster_analytics::svg::bubble_chart(yr, &region, r, false, &label, &ds.notes, &English)
        }
        "stars" => {
            klaster_analytics::svg::star_bars(yr, &region, r, 40, &label, &ds.notes, &English)
        }
        _ => {
            let ind = rep.industries.last().ok_or_else(ApiError::not_found)?;
            klaster_analytics::svg::proximity_network(
                ind, &region, r, 40, 0.7, &label, &ds.notes, &English,
            )
        }
    };
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg))
}
