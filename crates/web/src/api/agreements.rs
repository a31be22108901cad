//! `/agreements`: the registry of cooperation agreements and letters of intent, and
//! `/relations` between organisations.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use klaster_domain::{Agreement, AgreementInput, RelationInput, RelationKind, is_cross_border};
use klaster_store::directory::{self, AgreementRow, RelationRow};
use klaster_store::organisations as orgs;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::member_of;
use crate::AppState;
use crate::extract::{ApiJson, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct Party {
    pub id: i64,
    pub name: String,
    pub country: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementOut {
    pub id: i64,
    #[serde(flatten)]
    pub agreement: Agreement,
    pub parties: Vec<Party>,
    /// The parties are not all from one country.
    pub cross_border: bool,
}

pub(crate) async fn agreement_out(state: &AppState, row: AgreementRow) -> ApiResult<AgreementOut> {
    let agreement: Agreement = directory::decode(&row.data.0)?;
    let mut parties = Vec::new();
    for id in directory::agreement_parties(state.db(), row.id).await? {
        let o = orgs::get(state.db(), id).await?;
        parties.push(Party {
            id,
            name: o.org.primary_name().to_string(),
            country: o.org.country.clone(),
        });
    }
    let countries: Vec<&str> = parties.iter().map(|p| p.country.as_str()).collect();
    Ok(AgreementOut {
        id: row.id,
        cross_border: is_cross_border(&countries),
        agreement,
        parties,
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgreementParams {
    /// Only agreements this organisation is a party to.
    pub organisation: Option<i64>,
}

/// Agreements, newest first.
#[utoipa::path(get, path = "/agreements", tag = "directory", params(AgreementParams),
    responses((status = 200, body = Vec<AgreementOut>)))]
pub async fn list(
    State(state): State<AppState>,
    Query(p): Query<AgreementParams>,
) -> ApiResult<Json<Vec<AgreementOut>>> {
    let mut out = Vec::new();
    for row in directory::agreements(state.db(), p.organisation).await? {
        out.push(agreement_out(&state, row).await?);
    }
    Ok(Json(out))
}

/// One agreement.
#[utoipa::path(get, path = "/agreements/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = AgreementOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<AgreementOut>> {
    let row = directory::agreement(state.db(), id).await?;
    Ok(Json(agreement_out(&state, row).await?))
}

/// Register an agreement (an administrator, an administrator of a party, or the coordinator of
/// a cluster that is or contains a party).
#[utoipa::path(post, path = "/agreements", tag = "directory", request_body = AgreementInput,
    security(("token" = [])),
    responses((status = 201, body = AgreementOut), (status = 422, body = Problem), (status = 403, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<AgreementInput>,
) -> ApiResult<(StatusCode, Json<AgreementOut>)> {
    let a = input.validate()?;
    let mut party_clusters = Vec::new();
    for (i, id) in a.party_ids.iter().enumerate() {
        if orgs::get(state.db(), *id).await.is_err() {
            return Err(ApiError::invalid().field(
                &format!("party_ids[{i}]"),
                "unknown_organisation",
                format!("there is no organisation {id}"),
            ));
        }
        party_clusters.extend(member_of(&state, *id).await?);
    }
    if !principal
        .rights
        .may_manage_agreement(&a.party_ids, &party_clusters)
    {
        return Err(ApiError::forbidden());
    }
    let kind = super::enum_str(a.kind);
    let mut tx = state.db().begin().await?;
    let id = directory::add_agreement(&mut tx, &kind, Some(a.signed_on), &a, &a.party_ids).await?;
    tx.commit().await?;
    let row = directory::agreement(state.db(), id).await?;
    Ok((StatusCode::CREATED, Json(agreement_out(&state, row).await?)))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RelationOut {
    pub id: i64,
    pub from_id: i64,
    pub to_id: i64,
    /// Read "from is <kind> of to".
    pub kind: RelationKind,
}

fn relation_out(r: RelationRow) -> ApiResult<RelationOut> {
    let kind = serde_json::from_value(serde_json::Value::String(r.kind))
        .map_err(|_| ApiError::internal())?;
    Ok(RelationOut {
        id: r.id,
        from_id: r.from_org,
        to_id: r.to_org,
        kind,
    })
}

/// Relations of an organisation, in both directions.
#[utoipa::path(get, path = "/organisations/{id}/relations", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<RelationOut>), (status = 404, body = Problem)))]
pub async fn relations(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<RelationOut>>> {
    orgs::get(state.db(), id).await?;
    let rows = directory::relations_of(state.db(), id).await?;
    Ok(Json(
        rows.into_iter()
            .map(relation_out)
            .collect::<ApiResult<_>>()?,
    ))
}

/// Relate two organisations (partner, parent, subsidiary).
#[utoipa::path(post, path = "/relations", tag = "directory", request_body = RelationInput,
    security(("token" = [])),
    responses((status = 201, body = RelationOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem)))]
pub async fn create_relation(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(input): ApiJson<RelationInput>,
) -> ApiResult<(StatusCode, Json<RelationOut>)> {
    let r = input.validate()?;
    for (field, id) in [("from_id", r.from_id), ("to_id", r.to_id)] {
        if orgs::get(state.db(), id).await.is_err() {
            return Err(ApiError::invalid().field(
                field,
                "unknown_organisation",
                format!("there is no organisation {id}"),
            ));
        }
    }
    if !principal
        .rights
        .may_manage_relation(r.from_id, &member_of(&state, r.from_id).await?)
    {
        return Err(ApiError::forbidden());
    }
    let kind = super::enum_str(r.kind);
    let mut tx = state.db().begin().await?;
    let id = directory::add_relation(&mut tx, r.from_id, r.to_id, &kind).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(RelationOut {
            id,
            from_id: r.from_id,
            to_id: r.to_id,
            kind: r.kind,
        }),
    ))
}
