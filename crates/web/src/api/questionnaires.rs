//! `/questionnaires` and `/responses`: how firms enter the directory. A submission is stored
//! verbatim; a reviewer accepts it (creating or updating the organisation), rejects it with a
//! reason, or asks for changes.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use klaster_domain::{Questionnaire, ResponseStatus, ReviewInput};
use klaster_store::questionnaires::{
    self as qs, Acceptance, NewResponse, ResponseEvent, ResponseRow,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::extract::{ApiJson, MaybePrincipal, Principal, parse_json};
use crate::pagination::clamp_limit;
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionnaireOut {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub definition: Questionnaire,
}

impl From<qs::StoredQuestionnaire> for QuestionnaireOut {
    fn from(q: qs::StoredQuestionnaire) -> Self {
        QuestionnaireOut {
            id: q.id,
            created_at: q.created_at,
            definition: q.definition,
        }
    }
}

/// The latest version of every questionnaire.
#[utoipa::path(get, path = "/questionnaires", tag = "questionnaires", responses((status = 200, body = Vec<QuestionnaireOut>)))]
pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Vec<QuestionnaireOut>>> {
    Ok(Json(
        qs::list_latest(state.db())
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionParams {
    /// A specific version; default the latest.
    pub version: Option<i32>,
}

async fn find(
    state: &AppState,
    key: &str,
    version: Option<i32>,
) -> ApiResult<qs::StoredQuestionnaire> {
    let found = match version {
        Some(v) => qs::by_version(state.db(), key, v).await?,
        None => qs::latest(state.db(), key).await?,
    };
    found.ok_or_else(|| ApiError::not_found().detail(format!("no questionnaire {key}")))
}

/// One questionnaire (its latest version unless `version` is given).
#[utoipa::path(get, path = "/questionnaires/{key}", tag = "questionnaires", params(("key" = String, Path), VersionParams),
    responses((status = 200, body = QuestionnaireOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Query(v): Query<VersionParams>,
) -> ApiResult<Json<QuestionnaireOut>> {
    Ok(Json(find(&state, &key, v.version).await?.into()))
}

/// Publish a new questionnaire or a new version of one (administrators).
#[utoipa::path(post, path = "/questionnaires", tag = "questionnaires", request_body = Questionnaire,
    security(("token" = [])),
    responses((status = 201, body = QuestionnaireOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    ApiJson(q): ApiJson<Questionnaire>,
) -> ApiResult<(StatusCode, Json<QuestionnaireOut>)> {
    if !principal.rights.is_admin() {
        return Err(ApiError::forbidden());
    }
    q.validate_definition()?;
    Ok((
        StatusCode::CREATED,
        Json(qs::insert(state.db(), &q).await?.into()),
    ))
}

/// A submission: the answers (an object of sections, each an object of answers), the language
/// they are written in, and optionally the cluster the firm asks to join.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionIn {
    /// ISO 639-1; default the questionnaire's first language.
    pub lang: Option<String>,
    pub cluster_id: Option<i64>,
    /// Which version was answered; default the latest.
    pub version: Option<i32>,
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseOut {
    pub id: i64,
    pub questionnaire_id: i64,
    pub status: ResponseStatus,
    pub lang: String,
    pub cluster_id: Option<i64>,
    /// The organisation created or updated when the response was accepted.
    pub organisation_id: Option<i64>,
    /// The submission exactly as it was received.
    #[schema(value_type = Object)]
    pub submission: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Present on a single response: every step of its review.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<HistoryOut>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryOut {
    pub status: ResponseStatus,
    pub reason: Option<String>,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
}

fn status_of(s: &str) -> ApiResult<ResponseStatus> {
    qs::parse_status(s).ok_or_else(ApiError::internal)
}

fn response_out(r: ResponseRow, history: Option<Vec<ResponseEvent>>) -> ApiResult<ResponseOut> {
    let history = history
        .map(|h| {
            h.into_iter()
                .map(|e| {
                    Ok(HistoryOut {
                        status: status_of(&e.status)?,
                        reason: e.reason,
                        actor_id: e.actor_id,
                        at: e.at,
                    })
                })
                .collect::<ApiResult<Vec<_>>>()
        })
        .transpose()?;
    Ok(ResponseOut {
        id: r.id,
        questionnaire_id: r.questionnaire_id,
        status: status_of(&r.status)?,
        submission: serde_json::from_str(&r.raw).unwrap_or(serde_json::Value::String(r.raw)),
        lang: r.language,
        cluster_id: r.cluster_id,
        organisation_id: r.organisation_id,
        created_at: r.created_at,
        updated_at: r.updated_at,
        history,
    })
}

/// Submit answers. They are checked in one pass (every field error at once); a valid
/// submission is stored exactly as sent and waits for review.
#[utoipa::path(post, path = "/questionnaires/{key}/responses", tag = "questionnaires", params(("key" = String, Path)),
    request_body = SubmissionIn,
    responses((status = 201, body = ResponseOut), (status = 422, body = Problem), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(key): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<ResponseOut>)> {
    let sub: SubmissionIn = parse_json(&body)?;
    let q = find(&state, &key, sub.version).await?;
    let lang = sub
        .lang
        .clone()
        .unwrap_or_else(|| q.definition.default_language().to_string());
    q.definition.validate_answers_in(&lang, &sub.answers)?;
    if let Some(c) = sub.cluster_id {
        let is_cluster = klaster_store::organisations::get(state.db(), c)
            .await
            .is_ok_and(|o| o.org.kind == klaster_domain::OrgKind::ClusterOrganisation);
        if !is_cluster {
            return Err(ApiError::invalid().field(
                "cluster_id",
                "unknown_cluster",
                format!("there is no cluster {c}"),
            ));
        }
    }
    let raw =
        std::str::from_utf8(&body).map_err(|_| ApiError::bad_request("the body is not UTF-8"))?;
    let row = qs::submit(
        state.db(),
        &NewResponse {
            questionnaire_id: q.id,
            raw,
            language: &lang,
            cluster_id: sub.cluster_id,
            submitted_by: who.map(|p| p.user.id),
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(response_out(row, None)?)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResponseParams {
    /// submitted, accepted, rejected, changes_requested
    pub status: Option<ResponseStatus>,
    /// Responses with a smaller id than this (the next page).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

/// Responses to review, newest first: administrators see all, coordinators those addressed to
/// their cluster.
#[utoipa::path(get, path = "/responses", tag = "questionnaires", params(ResponseParams), security(("token" = [])),
    responses((status = 200, body = Vec<ResponseOut>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn responses(
    State(state): State<AppState>,
    principal: Principal,
    Query(p): Query<ResponseParams>,
) -> ApiResult<Json<Vec<ResponseOut>>> {
    let clusters: Option<Vec<i64>> = if principal.rights.is_admin() {
        None
    } else {
        let mine: Vec<i64> = principal
            .rights
            .roles
            .iter()
            .filter_map(|r| match r {
                klaster_domain::Role::Coordinator { cluster_id } => Some(*cluster_id),
                _ => None,
            })
            .collect();
        if mine.is_empty() {
            return Err(ApiError::forbidden());
        }
        Some(mine)
    };
    let status = p.status.map(qs::status_str);
    let rows = qs::responses(
        state.db(),
        status,
        clusters.as_deref(),
        p.before,
        clamp_limit(p.limit)?,
    )
    .await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| response_out(r, None))
            .collect::<ApiResult<_>>()?,
    ))
}

pub(crate) async fn reviewable(
    state: &AppState,
    principal: &Principal,
    id: i64,
) -> ApiResult<ResponseRow> {
    let row = qs::response(state.db(), id).await?;
    if !principal.rights.may_review_responses(row.cluster_id) {
        return Err(ApiError::forbidden());
    }
    Ok(row)
}

/// One response with its review history.
#[utoipa::path(get, path = "/responses/{id}", tag = "questionnaires", params(("id" = i64, Path)), security(("token" = [])),
    responses((status = 200, body = ResponseOut), (status = 404, body = Problem), (status = 403, body = Problem)))]
pub async fn response(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<ResponseOut>> {
    let row = reviewable(&state, &principal, id).await?;
    let history = qs::events(state.db(), id).await?;
    Ok(Json(response_out(row, Some(history))?))
}

/// Review a response: `{"decision":"accept"}`, `{"decision":"reject","reason":"..."}` or
/// `{"decision":"request_changes","message":"..."}`. Acceptance creates the organisation (or
/// updates the one with the same legal identifier), its contact and cluster membership.
#[utoipa::path(post, path = "/responses/{id}/review", tag = "questionnaires", params(("id" = i64, Path)),
    request_body = ReviewInput, security(("token" = [])),
    responses((status = 200, body = ResponseOut), (status = 422, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn review(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ReviewInput>,
) -> ApiResult<Json<ResponseOut>> {
    decide(&state, &principal, id, input).await?;
    let history = qs::events(state.db(), id).await?;
    Ok(Json(response_out(
        qs::response(state.db(), id).await?,
        Some(history),
    )?))
}

/// Applies a reviewer's decision (the API and the review pages). On acceptance the person who
/// submitted the answers, if they have no other role yet, becomes the administrator of the
/// organisation the answers created, so they can keep its profile and post its offers.
pub(crate) async fn decide(
    state: &AppState,
    principal: &Principal,
    id: i64,
    input: ReviewInput,
) -> ApiResult<()> {
    let row = reviewable(state, principal, id).await?;
    let (decision, next) = input.apply_to(status_of(&row.status)?)?;
    let reason = match &decision {
        ReviewInput::Accept => None,
        ReviewInput::Reject { reason } => Some(reason.clone()),
        ReviewInput::RequestChanges { message } => Some(message.clone()),
    };
    let accept = match decision {
        ReviewInput::Accept => Some(acceptance(state, &row).await?),
        _ => None,
    };
    let org = qs::review(
        state.db(),
        id,
        next,
        reason.as_deref(),
        Some(principal.user.id),
        accept,
    )
    .await?;
    if let (Some(org), Some(submitter)) = (org, row.submitted_by) {
        let user = klaster_store::auth::user_by_id(state.db(), submitter).await;
        if user.is_ok_and(|u| u.role == "visitor") {
            klaster_store::accounts::set_role(state.db(), submitter, "org_admin", Some(org))
                .await?;
        }
    }
    Ok(())
}

/// Re-reads the stored submission against the exact questionnaire version it answered.
async fn acceptance(state: &AppState, row: &ResponseRow) -> ApiResult<Acceptance> {
    let q = qs::get(state.db(), row.questionnaire_id).await?.definition;
    let sub: SubmissionIn = parse_json(row.raw.as_bytes())?;
    let answers = q.validate_answers_in(&row.language, &sub.answers)?;
    let organisation = q.to_organisation_input(&answers).validate()?;
    let contact = q
        .to_contact_input(&answers)
        .map(|c| c.validate())
        .transpose()?;
    Ok(Acceptance {
        organisation,
        contact,
        joined_on: Utc::now().date_naive(),
    })
}
