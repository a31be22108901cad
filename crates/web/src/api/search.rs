//! `/search`: full-text search over offers and the directory, in any working language.

use axum::Json;
use axum::extract::{Query, State};
use klaster_search::{Entity, Filters, Lang, SearchQuery, Sort};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::query;
use crate::AppState;
use crate::extract::MaybePrincipal;
use crate::pagination::clamp_limit;
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words in any working language (no query syntax).
    pub q: Option<String>,
    /// The searcher's language: ranked first and used for snippets.
    pub lang: Option<String>,
    /// offer or organisation
    pub entity: Option<String>,
    /// Offer kinds or organisation kinds, comma-separated.
    pub kind: Option<String>,
    /// NACE codes at any level, comma-separated (any of them).
    pub nace: Option<String>,
    /// NUTS / ISO 3166-2 regions or whole countries, comma-separated (`PL84,BY`).
    pub region: Option<String>,
    /// Countries, comma-separated.
    pub country: Option<String>,
    /// relevance (default), newest, deadline
    pub sort: Option<String>,
    pub offset: Option<usize>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchOut {
    pub total: usize,
    /// `{entity, id, score, lang, snippet_html}`; snippets are HTML-escaped with `<mark>`.
    #[schema(value_type = Vec<Object>)]
    pub hits: serde_json::Value,
    /// Counts by entity, kind, country and original language.
    #[schema(value_type = Object)]
    pub facets: serde_json::Value,
}

/// Comma-separated values of a list parameter, each checked by `check`.
fn list(
    field: &str,
    value: Option<&str>,
    check: impl Fn(&str, Option<&str>) -> ApiResult<Option<String>>,
) -> ApiResult<Vec<String>> {
    let mut out = Vec::new();
    for v in value
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        out.extend(check(field, Some(v))?);
    }
    Ok(out)
}

/// A region code at any NUTS level, or a whole country (`PL84,BY`): the index holds each
/// entry's region with all its ancestors and its country.
fn region_or_country(field: &str, v: Option<&str>) -> ApiResult<Option<String>> {
    query::region(field, v).or_else(|e| query::country(field, v).map_err(|_| e))
}

fn parse_lang(l: &str) -> ApiResult<Lang> {
    Lang::parse(l).ok_or_else(|| {
        ApiError::invalid().field(
            "lang",
            "unsupported_language",
            format!("{l} is not a working language"),
        )
    })
}

/// The index query for these parameters; every value checked (422 naming the field).
pub(crate) fn to_query(p: &SearchParams) -> ApiResult<SearchQuery> {
    let lang = p.lang.as_deref().map(parse_lang).transpose()?;
    let entity = p
        .entity
        .as_deref()
        .map(|e| {
            Entity::parse(e).ok_or_else(|| {
                ApiError::invalid().field("entity", "unknown_entity", "use offer or organisation")
            })
        })
        .transpose()?;
    let sort = match p.sort.as_deref().unwrap_or("relevance") {
        "relevance" => Sort::Relevance,
        "newest" => Sort::Newest,
        "deadline" => Sort::Deadline,
        other => {
            return Err(ApiError::invalid().field(
                "sort",
                "unknown_sort",
                format!("cannot sort by {other}"),
            ));
        }
    };
    Ok(SearchQuery {
        text: p.q.clone().unwrap_or_default(),
        lang,
        filters: Filters {
            entity,
            kinds: list("kind", p.kind.as_deref(), |_, v| Ok(v.map(str::to_string)))?,
            nace: list("nace", p.nace.as_deref(), query::nace)?,
            regions: list("region", p.region.as_deref(), region_or_country)?,
            countries: list("country", p.country.as_deref(), query::country)?,
            ..Filters::default()
        },
        sort,
        offset: p.offset.unwrap_or(0),
        limit: usize::try_from(clamp_limit(p.limit)?)
            .unwrap_or(50)
            .min(klaster_search::MAX_LIMIT),
    })
}

/// The process's search index, or 503 when this process has none.
pub(super) fn index_of(state: &AppState) -> ApiResult<&klaster_search::SearchIndex> {
    state.index().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "no-index",
            "Search is not available in this process",
        )
    })
}

/// Search published offers (public ones, and members-only ones of the caller's clusters) and
/// organisations.
#[utoipa::path(get, path = "/search", tag = "portal", params(SearchParams),
    responses((status = 200, body = SearchOut), (status = 422, body = Problem), (status = 503, body = Problem)))]
pub async fn search(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Query(p): Query<SearchParams>,
) -> ApiResult<Json<SearchOut>> {
    let index = index_of(&state)?;
    let mut q = to_query(&p)?;
    // members-only offers of the caller's clusters too
    q.filters.audiences = super::offers::visible_clusters(&state, who.as_ref()).await?;
    let res = index.search(&q).map_err(|e| {
        tracing::error!(error = %e, "search failed");
        ApiError::internal()
    })?;
    Ok(Json(SearchOut {
        total: res.total,
        hits: serde_json::to_value(&res.hits).map_err(|_| ApiError::internal())?,
        facets: serde_json::to_value(&res.facets).map_err(|_| ApiError::internal())?,
    }))
}
