//! `/clusters`: cluster organisations with their profile, members and statuses.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use klaster_domain::{
    ClusterProfile, ClusterProfileInput, ClusterStatus, ClusterStatusInput, MembershipInput,
    MembershipRole, OrgKind,
};
use klaster_store::directory::{self, MembershipRow, StatusRow};
use klaster_store::organisations::{self as orgs, Filter, Page, Sort};
use klaster_store::questionnaires::role_str;
use serde::Serialize;
use utoipa::ToSchema;

use super::organisations::OrganisationOut;
use crate::AppState;
use crate::extract::{ApiJson, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    /// Membership id (for updates).
    pub id: i64,
    pub cluster_id: i64,
    pub organisation_id: i64,
    /// The member's name (on a cluster's list) or the cluster's name (on an organisation's list).
    pub name: String,
    pub role: MembershipRole,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
}

impl TryFrom<MembershipRow> for MemberOut {
    type Error = ApiError;
    fn try_from(m: MembershipRow) -> ApiResult<Self> {
        let role = serde_json::from_value(serde_json::Value::String(m.role))
            .map_err(|_| ApiError::internal())?;
        Ok(MemberOut {
            id: m.id,
            cluster_id: m.cluster_id,
            organisation_id: m.organisation_id,
            name: m.organisation_name,
            role,
            joined_on: m.joined_on,
            left_on: m.left_on,
        })
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatusOut {
    pub id: i64,
    pub cluster_id: i64,
    #[serde(flatten)]
    pub status: ClusterStatus,
    /// Whether the status is in force today.
    pub current: bool,
}

fn status_out(s: StatusRow) -> ApiResult<StatusOut> {
    let status: ClusterStatus = directory::decode(&s.data.0).map_err(ApiError::from)?;
    let today = chrono::Utc::now().date_naive();
    Ok(StatusOut {
        id: s.id,
        cluster_id: s.cluster_id,
        current: status.is_valid_on(today),
        status,
    })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClusterOut {
    pub organisation: OrganisationOut,
    pub profile: Option<ClusterProfile>,
    pub statuses: Vec<StatusOut>,
    /// Current members (without those who left).
    pub member_count: usize,
    /// Present on a single cluster: every membership, current first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberOut>>,
}

pub(crate) async fn cluster_out(
    state: &AppState,
    rec: orgs::OrgRecord,
    with_members: bool,
) -> ApiResult<ClusterOut> {
    let db = state.db();
    let profile = match directory::cluster_profile(db, rec.id).await? {
        Some(v) => Some(directory::decode(&v)?),
        None => None,
    };
    let statuses = directory::statuses(db, rec.id)
        .await?
        .into_iter()
        .map(status_out)
        .collect::<ApiResult<_>>()?;
    let members: Vec<MemberOut> = directory::members(db, rec.id)
        .await?
        .into_iter()
        .map(MemberOut::try_from)
        .collect::<ApiResult<_>>()?;
    Ok(ClusterOut {
        member_count: members.iter().filter(|m| m.left_on.is_none()).count(),
        organisation: rec.into(),
        profile,
        statuses,
        members: with_members.then_some(members),
    })
}

pub(crate) async fn cluster_record(state: &AppState, id: i64) -> ApiResult<orgs::OrgRecord> {
    let rec = orgs::get(state.db(), id).await?;
    if rec.org.kind != OrgKind::ClusterOrganisation {
        return Err(ApiError::not_found()
            .detail(format!("organisation {id} is not a cluster organisation")));
    }
    Ok(rec)
}

/// The directory's cluster organisations by name, at most `limit`.
pub(crate) async fn cluster_records(
    state: &AppState,
    limit: i64,
) -> ApiResult<Vec<orgs::OrgRecord>> {
    let filter = Filter {
        kinds: vec![OrgKind::ClusterOrganisation.as_str().into()],
        ..Filter::default()
    };
    let page = Page {
        sort: Sort::Name,
        after: None,
        limit,
    };
    Ok(orgs::list(state.db(), &filter, &page).await?)
}

/// All cluster organisations with their statuses (a directory holds at most hundreds).
#[utoipa::path(get, path = "/clusters", tag = "directory", responses((status = 200, body = Vec<ClusterOut>)))]
pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Vec<ClusterOut>>> {
    let recs = cluster_records(&state, 1000).await?;
    let mut out = Vec::with_capacity(recs.len());
    for rec in recs {
        out.push(cluster_out(&state, rec, false).await?);
    }
    Ok(Json(out))
}

/// One cluster with its members and statuses over time.
#[utoipa::path(get, path = "/clusters/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = ClusterOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<ClusterOut>> {
    let rec = cluster_record(&state, id).await?;
    Ok(Json(cluster_out(&state, rec, true).await?))
}

/// Set a cluster's branches (NACE), regions and review policy.
#[utoipa::path(put, path = "/clusters/{id}/profile", tag = "directory", params(("id" = i64, Path)),
    request_body = ClusterProfileInput, security(("token" = [])),
    responses((status = 200, body = ClusterProfile), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn set_profile(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ClusterProfileInput>,
) -> ApiResult<Json<ClusterProfile>> {
    cluster_record(&state, id).await?;
    if !principal.rights.may_manage_cluster_members(id) {
        return Err(ApiError::forbidden());
    }
    let profile = input.validate()?;
    let mut tx = state.db().begin().await?;
    directory::set_cluster_profile(&mut tx, id, &profile, profile.requires_offer_review).await?;
    tx.commit().await?;
    Ok(Json(profile))
}

/// Every membership of a cluster, current first.
#[utoipa::path(get, path = "/clusters/{id}/members", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<MemberOut>), (status = 404, body = Problem)))]
pub async fn members(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<MemberOut>>> {
    cluster_record(&state, id).await?;
    let rows = directory::members(state.db(), id).await?;
    Ok(Json(
        rows.into_iter()
            .map(MemberOut::try_from)
            .collect::<ApiResult<_>>()?,
    ))
}

/// Add a member (the cluster's coordinator or an administrator).
#[utoipa::path(post, path = "/clusters/{id}/members", tag = "directory", params(("id" = i64, Path)),
    request_body = MembershipInput, security(("token" = [])),
    responses((status = 201, body = MemberOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn add_member(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<MembershipInput>,
) -> ApiResult<(StatusCode, Json<MemberOut>)> {
    cluster_record(&state, id).await?;
    if !principal.rights.may_manage_cluster_members(id) {
        return Err(ApiError::forbidden());
    }
    let m = input.validate()?;
    if m.organisation_id == id {
        return Err(ApiError::invalid().field(
            "organisation_id",
            "self_membership",
            "a cluster cannot be its own member",
        ));
    }
    orgs::get(state.db(), m.organisation_id)
        .await
        .map_err(|_| {
            ApiError::invalid().field(
                "organisation_id",
                "unknown_organisation",
                format!("there is no organisation {}", m.organisation_id),
            )
        })?;
    let mut tx = state.db().begin().await?;
    if m.left_on.is_none() && directory::is_current_member(&mut tx, id, m.organisation_id).await? {
        return Err(ApiError::conflict(format!(
            "organisation {} is already a member",
            m.organisation_id
        )));
    }
    let mid = directory::add_member(
        &mut tx,
        id,
        m.organisation_id,
        role_str(m.role),
        m.joined_on,
        m.left_on,
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(directory::membership(state.db(), mid).await?.try_into()?),
    ))
}

async fn membership_for_write(
    state: &AppState,
    principal: &Principal,
    id: i64,
) -> ApiResult<MembershipRow> {
    let m = directory::membership(state.db(), id).await?;
    if !principal.rights.may_manage_cluster_members(m.cluster_id) {
        return Err(ApiError::forbidden());
    }
    Ok(m)
}

/// Change a membership's role or dates (e.g. record that a member left).
#[utoipa::path(put, path = "/memberships/{id}", tag = "directory", params(("id" = i64, Path)),
    request_body = MembershipInput, security(("token" = [])),
    responses((status = 200, body = MemberOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn update_member(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<MembershipInput>,
) -> ApiResult<Json<MemberOut>> {
    let current = membership_for_write(&state, &principal, id).await?;
    let m = input.validate()?;
    if m.organisation_id != current.organisation_id {
        return Err(ApiError::invalid().field(
            "organisation_id",
            "immutable",
            "a membership cannot move to another organisation; end it and add a new one",
        ));
    }
    Ok(Json(
        directory::update_member(state.db(), id, role_str(m.role), m.joined_on, m.left_on)
            .await?
            .try_into()?,
    ))
}

/// Delete a membership recorded by mistake (to record leaving, set `left_on`).
#[utoipa::path(delete, path = "/memberships/{id}", tag = "directory", params(("id" = i64, Path)),
    security(("token" = [])), responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_member(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    membership_for_write(&state, &principal, id).await?;
    directory::delete_member(state.db(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A cluster's statuses over time (e.g. Key National Cluster).
#[utoipa::path(get, path = "/clusters/{id}/statuses", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<StatusOut>), (status = 404, body = Problem)))]
pub async fn statuses(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<StatusOut>>> {
    cluster_record(&state, id).await?;
    let rows = directory::statuses(state.db(), id).await?;
    Ok(Json(
        rows.into_iter().map(status_out).collect::<ApiResult<_>>()?,
    ))
}

/// Record a status granted to a cluster (its coordinator or an administrator).
#[utoipa::path(post, path = "/clusters/{id}/statuses", tag = "directory", params(("id" = i64, Path)),
    request_body = ClusterStatusInput, security(("token" = [])),
    responses((status = 201, body = StatusOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn add_status(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ClusterStatusInput>,
) -> ApiResult<(StatusCode, Json<StatusOut>)> {
    cluster_record(&state, id).await?;
    if !principal.rights.may_manage_cluster_statuses(id) {
        return Err(ApiError::forbidden());
    }
    let s = input.validate()?;
    let kind = super::enum_str(s.kind);
    let mut tx = state.db().begin().await?;
    let sid = directory::add_status(&mut tx, id, &kind, s.granted_on, s.valid_until, &s).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(status_out(directory::status(state.db(), sid).await?)?),
    ))
}

/// Replace a status: record a recertification (`recertified_on` and the new `valid_until`)
/// or correct it.
#[utoipa::path(put, path = "/statuses/{id}", tag = "directory", params(("id" = i64, Path)),
    request_body = ClusterStatusInput, security(("token" = [])),
    responses((status = 200, body = StatusOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn update_status(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ClusterStatusInput>,
) -> ApiResult<Json<StatusOut>> {
    let current = directory::status(state.db(), id).await?;
    if !principal
        .rights
        .may_manage_cluster_statuses(current.cluster_id)
    {
        return Err(ApiError::forbidden());
    }
    let s = input.validate()?;
    let kind = super::enum_str(s.kind);
    let mut tx = state.db().begin().await?;
    directory::update_status(&mut tx, id, &kind, s.granted_on, s.valid_until, &s).await?;
    tx.commit().await?;
    Ok(Json(status_out(directory::status(state.db(), id).await?)?))
}

/// Delete a status recorded by mistake.
#[utoipa::path(delete, path = "/statuses/{id}", tag = "directory", params(("id" = i64, Path)),
    security(("token" = [])), responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_status(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    let s = directory::status(state.db(), id).await?;
    if !principal.rights.may_manage_cluster_statuses(s.cluster_id) {
        return Err(ApiError::forbidden());
    }
    directory::delete_status(state.db(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The clusters an organisation belongs or belonged to.
#[utoipa::path(get, path = "/organisations/{id}/memberships", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<MemberOut>), (status = 404, body = Problem)))]
pub async fn of_organisation(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<MemberOut>>> {
    orgs::get(state.db(), id).await?;
    let rows = directory::clusters_of(state.db(), id).await?;
    Ok(Json(
        rows.into_iter()
            .map(MemberOut::try_from)
            .collect::<ApiResult<_>>()?,
    ))
}
