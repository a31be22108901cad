//! `/search`: full-text search over offers and the directory, in any working language.

use axum::Json;
use axum::extract::{Query, State};
use klaster_search::{Entity, Filters, Lang, SearchQuery, Sort};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::query;
use crate::AppState;
use crate::pagination::clamp_limit;
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words in any working language (no query syntax).
    pub q: Option<String>,
    /// The searcher's language: ranked first and used for snippets.
    pub lang: Option<String>,
    /// offer or organisation
    pub entity: Option<String>,
    /// Offer kind or organisation kind.
    pub kind: Option<String>,
    pub nace: Option<String>,
    pub region: Option<String>,
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

/// Search offers (published, public) and organisations.
#[utoipa::path(get, path = "/search", tag = "portal", params(SearchParams),
    responses((status = 200, body = SearchOut), (status = 422, body = Problem), (status = 503, body = Problem)))]
pub async fn search(
    State(state): State<AppState>,
    Query(p): Query<SearchParams>,
) -> ApiResult<Json<SearchOut>> {
    let index = state.index().ok_or_else(|| {
        ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "no-index",
            "Search is not available in this process",
        )
    })?;
    let lang = p
        .lang
        .as_deref()
        .map(|l| {
            Lang::parse(l).ok_or_else(|| {
                ApiError::invalid().field(
                    "lang",
                    "unsupported_language",
                    format!("{l} is not a working language"),
                )
            })
        })
        .transpose()?;
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
    let q = SearchQuery {
        text: p.q.unwrap_or_default(),
        lang,
        filters: Filters {
            entity,
            kinds: p.kind.into_iter().collect(),
            nace: query::nace("nace", p.nace.as_deref())?
                .into_iter()
                .collect(),
            regions: query::region("region", p.region.as_deref())?
                .into_iter()
                .collect(),
            countries: query::country("country", p.country.as_deref())?
                .into_iter()
                .collect(),
            ..Filters::default()
        },
        sort,
        offset: p.offset.unwrap_or(0),
        limit: usize::try_from(clamp_limit(p.limit)?)
            .unwrap_or(50)
            .min(klaster_search::MAX_LIMIT),
    };
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
