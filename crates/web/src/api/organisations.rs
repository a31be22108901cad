//! `/organisations`: the directory's organisations.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use klaster_domain::{OrgCategory, OrgKind, Organisation, OrganisationInput, SizeClass};
use klaster_store::organisations::{self as orgs, Filter, OrgRecord, Page, Sort};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::query;
use crate::AppState;
use crate::extract::{ApiJson, Principal};
use crate::pagination::{Cursor, clamp_limit};
use crate::problem::{ApiError, ApiResult, Problem};

/// An organisation as stored: its profile plus identity and revision.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: i64,
    /// Revision counter; send it back as `?version=` to update safely.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub profile: Organisation,
}

impl From<OrgRecord> for OrganisationOut {
    fn from(r: OrgRecord) -> Self {
        OrganisationOut {
            id: r.id,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            profile: r.org,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationPage {
    pub items: Vec<OrganisationOut>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Kinds or categories, comma-separated (e.g. `company`, `business_support`).
    pub kind: Option<String>,
    /// NACE Rev. 2 code of any level (`C`, `25`, `25.1`, `25.11`); PKD 2007 accepted.
    pub nace: Option<String>,
    /// NUTS 2021 or ISO 3166-2 region of any level (`PL84`, `PL841`, `BY-HR`).
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// Current members of this cluster (organisation id of the cluster).
    pub cluster: Option<i64>,
    pub size_class: Option<SizeClass>,
    /// Free text in the name (case- and accent-insensitive).
    pub q: Option<String>,
    /// `name` (default), `-name`, `updated`, `-updated`.
    pub sort: Option<String>,
    pub after: Option<String>,
    /// 1..=500, default 50.
    pub limit: Option<i64>,
}

fn parse_kinds(s: Option<&str>) -> ApiResult<Vec<String>> {
    let mut kinds = Vec::new();
    for part in s
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(k) = OrgKind::parse(part) {
            kinds.push(k.as_str().to_string());
            continue;
        }
        let category: OrgCategory = serde_json::from_value(serde_json::Value::String(part.into()))
            .map_err(|_| {
                ApiError::invalid().field(
                    "kind",
                    "unknown_kind",
                    format!("{part} is not an organisation kind or category"),
                )
            })?;
        kinds.extend(
            OrgKind::ALL
                .iter()
                .filter(|k| k.category() == category)
                .map(|k| k.as_str().to_string()),
        );
    }
    Ok(kinds)
}

fn parse_sort(s: Option<&str>) -> ApiResult<Sort> {
    Ok(match s.unwrap_or("name") {
        "name" => Sort::Name,
        "-name" => Sort::NameDesc,
        "updated" => Sort::Updated,
        "-updated" => Sort::UpdatedDesc,
        other => {
            return Err(ApiError::invalid().field(
                "sort",
                "unknown_sort",
                format!("cannot sort by {other}; use name, -name, updated or -updated"),
            ));
        }
    })
}

/// The store's filter for the list parameters, each checked against the reference data (422
/// naming the field). The directory page checks its form with this too.
pub(crate) fn filter_of(p: &ListParams) -> ApiResult<Filter> {
    Ok(Filter {
        kinds: parse_kinds(p.kind.as_deref())?,
        nace: query::nace("nace", p.nace.as_deref())?,
        region: query::region("region", p.region.as_deref())?,
        country: query::country("country", p.country.as_deref())?,
        cluster: p.cluster,
        size_class: p.size_class.map(|s| s.as_str().to_string()),
        name: p
            .q
            .as_deref()
            .map(klaster_domain::fold)
            .filter(|q| !q.is_empty()),
    })
}

/// One page of the organisations matching `filter` for the parameters' sort, cursor and limit,
/// with the cursor of the next page (None on the last page).
pub(crate) async fn list_page(
    state: &AppState,
    filter: &Filter,
    p: &ListParams,
) -> ApiResult<(Vec<OrgRecord>, Option<String>)> {
    let sort = parse_sort(p.sort.as_deref())?;
    let limit = clamp_limit(p.limit)?;
    let after = p
        .after
        .as_deref()
        .map(Cursor::decode)
        .transpose()?
        .map(|c| (c.k, c.id));
    // One extra row tells whether there is a next page.
    let mut rows = orgs::list(
        state.db(),
        filter,
        &Page {
            sort,
            after,
            limit: limit + 1,
        },
    )
    .await?;
    let next = if rows.len() as i64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| {
            Cursor {
                k: sort.key_of(r),
                id: r.id,
            }
            .encode()
        })
    } else {
        None
    };
    Ok((rows, next))
}

/// List organisations with filters and cursor pagination.
#[utoipa::path(get, path = "/organisations", tag = "directory", params(ListParams),
    responses((status = 200, body = OrganisationPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<AppState>,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<OrganisationPage>> {
    let filter = filter_of(&p)?;
    let (rows, next) = list_page(&state, &filter, &p).await?;
    Ok(Json(OrganisationPage {
        items: rows.into_iter().map(Into::into).collect(),
        next,
    }))
}

/// Create an organisation (administrators and cluster coordinators).
#[utoipa::path(post, path = "/organisations", tag = "directory", request_body = OrganisationInput,
    security(("token" = [])),
    responses((status = 201, body = OrganisationOut), (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> ApiResult<(StatusCode, Json<OrganisationOut>)> {
    if !principal.rights.may_create_organisation() {
        return Err(ApiError::forbidden());
    }
    let org = input.validate()?;
    let rec = orgs::create(state.db(), &org).await?;
    Ok((StatusCode::CREATED, Json(rec.into())))
}

/// One organisation.
#[utoipa::path(get, path = "/organisations/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = OrganisationOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<OrganisationOut>> {
    Ok(Json(orgs::get(state.db(), id).await?.into()))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParam {
    /// The `version` you read; the update is refused (409) if the organisation changed since.
    pub version: Option<i32>,
}

/// Replace an organisation's profile (administrators and the organisation's own users).
#[utoipa::path(put, path = "/organisations/{id}", tag = "directory", params(("id" = i64, Path), VersionParam),
    request_body = OrganisationInput, security(("token" = [])),
    responses((status = 200, body = OrganisationOut), (status = 422, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    Query(v): Query<VersionParam>,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> ApiResult<Json<OrganisationOut>> {
    let member_of = super::member_of(&state, id).await?;
    if !principal.rights.may_edit_organisation(id, &member_of) {
        return Err(ApiError::forbidden());
    }
    let org = input.validate()?;
    Ok(Json(
        orgs::update(state.db(), id, &org, v.version).await?.into(),
    ))
}

/// Delete an organisation (administrators).
#[utoipa::path(delete, path = "/organisations/{id}", tag = "directory", params(("id" = i64, Path)),
    security(("token" = [])),
    responses((status = 204), (status = 404, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    if !principal.rights.is_admin() {
        return Err(ApiError::forbidden());
    }
    orgs::delete(state.db(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
