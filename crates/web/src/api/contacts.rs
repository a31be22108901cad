//! Contact people. Their personal data is never public: anonymous callers see only function
//! contacts (e.g. an office mailbox); the organisation's own users, its clusters' coordinators
//! and administrators see everyone, can export a person's data and erase it.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use klaster_domain::{Contact, ContactInput};
use klaster_store::directory::{self, ContactRow};
use klaster_store::organisations as orgs;
use serde::Serialize;
use utoipa::ToSchema;

use super::member_of;
use crate::AppState;
use crate::extract::{ApiJson, MaybePrincipal, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactOut {
    pub id: i64,
    pub organisation_id: i64,
    #[serde(flatten)]
    pub contact: Contact,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn contact_out(r: ContactRow) -> ApiResult<ContactOut> {
    Ok(ContactOut {
        id: r.id,
        organisation_id: r.organisation_id,
        contact: directory::decode(&r.data.0)?,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

async fn may_see_personal(
    state: &AppState,
    who: Option<&Principal>,
    org_id: i64,
) -> ApiResult<bool> {
    Ok(match who {
        Some(p) => p
            .rights
            .may_view_personal_data(org_id, &member_of(state, org_id).await?),
        None => false,
    })
}

async fn may_edit(state: &AppState, who: &Principal, org_id: i64) -> ApiResult<()> {
    if who
        .rights
        .may_edit_organisation(org_id, &member_of(state, org_id).await?)
    {
        Ok(())
    } else {
        Err(ApiError::forbidden())
    }
}

/// An organisation's contacts; personal contacts only for those entitled to see them.
#[utoipa::path(get, path = "/organisations/{id}/contacts", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<ContactOut>), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<ContactOut>>> {
    orgs::get(state.db(), id).await?;
    Ok(Json(visible_contacts(&state, who.as_ref(), id).await?))
}

/// The contacts of `org_id` that `who` may see: personal ones only for those entitled (never
/// for an anonymous reader, as the directory pages are).
pub(crate) async fn visible_contacts(
    state: &AppState,
    who: Option<&Principal>,
    org_id: i64,
) -> ApiResult<Vec<ContactOut>> {
    let personal = may_see_personal(state, who, org_id).await?;
    let rows = directory::contacts_of(state.db(), org_id).await?;
    rows.into_iter()
        .filter(|r| personal || !r.is_personal)
        .map(contact_out)
        .filter(|c| {
            // The flag is kept in two places (column and document): both must say "not personal".
            personal || c.as_ref().is_ok_and(|c| !c.contact.is_personal_data)
        })
        .collect()
}

/// Add a contact to an organisation.
#[utoipa::path(post, path = "/organisations/{id}/contacts", tag = "directory", params(("id" = i64, Path)),
    request_body = ContactInput, security(("token" = [])),
    responses((status = 201, body = ContactOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ContactInput>,
) -> ApiResult<(StatusCode, Json<ContactOut>)> {
    orgs::get(state.db(), id).await?;
    may_edit(&state, &principal, id).await?;
    let c = input.validate()?;
    let row = directory::add_contact(state.db(), id, &c, c.is_personal_data).await?;
    Ok((StatusCode::CREATED, Json(contact_out(row)?)))
}

/// One contact: for a person, this is the export of their data (GDPR Art. 15).
#[utoipa::path(get, path = "/contacts/{id}", tag = "directory", params(("id" = i64, Path)),
    responses((status = 200, body = ContactOut), (status = 404, body = Problem)))]
pub async fn get(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<Json<ContactOut>> {
    let row = directory::contact(state.db(), id).await?;
    // Not "forbidden": whether a personal contact exists is itself not public.
    if row.is_personal && !may_see_personal(&state, who.as_ref(), row.organisation_id).await? {
        return Err(ApiError::not_found());
    }
    Ok(Json(contact_out(row)?))
}

/// Replace a contact.
#[utoipa::path(put, path = "/contacts/{id}", tag = "directory", params(("id" = i64, Path)),
    request_body = ContactInput, security(("token" = [])),
    responses((status = 200, body = ContactOut), (status = 422, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<ContactInput>,
) -> ApiResult<Json<ContactOut>> {
    let row = directory::contact(state.db(), id).await?;
    may_edit(&state, &principal, row.organisation_id).await?;
    let c = input.validate()?;
    Ok(Json(contact_out(
        directory::update_contact(state.db(), id, &c, c.is_personal_data).await?,
    )?))
}

/// Erase a contact and its personal data (GDPR Art. 17).
#[utoipa::path(delete, path = "/contacts/{id}", tag = "directory", params(("id" = i64, Path)),
    security(("token" = [])), responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    let row = directory::contact(state.db(), id).await?;
    may_edit(&state, &principal, row.organisation_id).await?;
    directory::delete_contact(state.db(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
