//! `/offers/{id}/attachments` and `/attachments/{id}`: drawings, specifications and photos of
//! an offer. The body is the file itself; its type is read from its first bytes (PDF, PNG,
//! JPEG, GIF, WebP), never taken from the client, and its size is checked against the
//! configured limit.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use klaster_store::attachments::{self, Attachment};
use klaster_store::offers;
use serde::Deserialize;
use utoipa::IntoParams;

use super::offers::{readable, writes_for_owner};
use crate::AppState;
use crate::extract::{MaybePrincipal, Principal};
use crate::problem::{ApiError, ApiResult, Problem};

/// The most any configuration may accept; the configured limit is checked in the handler.
pub const HARD_MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file's name as the owner wants it shown.
    pub filename: String,
}

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct AttachmentOut {
    pub id: i64,
    pub offer_id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub download_path: String,
}

fn out(a: Attachment) -> AttachmentOut {
    AttachmentOut {
        download_path: format!("/api/v1/attachments/{}", a.id),
        id: a.id,
        offer_id: a.offer_id,
        filename: a.filename,
        content_type: a.content_type,
        size: a.size,
        sha256: a.sha256,
    }
}

/// A file name safe to store and to send back in `Content-Disposition`: no path, no control
/// characters, no quotes, at most 200 characters.
fn clean_filename(name: &str) -> ApiResult<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .take(200)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        return Err(ApiError::invalid().field("filename", "required", "give the file a name"));
    }
    Ok(clean)
}

/// Attach a file (PDF, PNG, JPEG, GIF or WebP; the body is the file) to an offer the caller
/// acts for.
#[utoipa::path(post, path = "/offers/{id}/attachments", tag = "portal",
    params(("id" = i64, Path), UploadParams), security(("token" = [])),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = AttachmentOut), (status = 413, body = Problem),
        (status = 415, body = Problem), (status = 409, body = Problem), (status = 403, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    Query(p): Query<UploadParams>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<AttachmentOut>)> {
    let a = attach(&state, &principal, id, &p.filename, &body).await?;
    Ok((StatusCode::CREATED, Json(out(a))))
}

/// An upload over the configured limit (413, naming the limit).
pub(crate) fn too_large(max: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too-large",
        "The file is too large",
    )
    .detail(format!("at most {} MB per file", max / (1024 * 1024)))
}

/// Attaches `body` to offer `id` of the caller's organisation: within the configured size,
/// of a type read from its first bytes, under a cleaned name.
pub(crate) async fn attach(
    state: &AppState,
    principal: &Principal,
    id: i64,
    filename: &str,
    body: &[u8],
) -> ApiResult<Attachment> {
    let offer = offers::get(state.db(), id).await?;
    if !writes_for_owner(principal, offer.offer.organisation_id) {
        return Err(ApiError::forbidden());
    }
    let max = state.settings().max_attachment_bytes;
    if body.len() > max {
        return Err(too_large(max));
    }
    if body.is_empty() {
        return Err(ApiError::bad_request("the file is empty"));
    }
    let kind = attachments::sniff(body).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-file",
            "This kind of file cannot be attached",
        )
        .detail("attach PDF documents or PNG, JPEG, GIF or WebP images")
    })?;
    let filename = clean_filename(filename)?;
    Ok(attachments::add(
        state.db(),
        &state.settings().attachments,
        id,
        &filename,
        kind,
        body,
    )
    .await?)
}

/// The files attached to an offer the caller may read.
#[utoipa::path(get, path = "/offers/{id}/attachments", tag = "portal", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<AttachmentOut>), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<AttachmentOut>>> {
    let offer = offers::get(state.db(), id).await?;
    if !readable(&state, who.as_ref(), &offer).await? {
        return Err(ApiError::not_found());
    }
    let all = attachments::list(state.db(), id).await?;
    Ok(Json(all.into_iter().map(out).collect()))
}

/// Download an attachment (as a download, never rendered in the portal's origin).
#[utoipa::path(get, path = "/attachments/{id}", tag = "portal", params(("id" = i64, Path)),
    responses((status = 200, description = "The file", content_type = "application/octet-stream"), (status = 404, body = Problem)))]
pub async fn download(
    State(state): State<AppState>,
    MaybePrincipal(who): MaybePrincipal,
    Path(id): Path<i64>,
) -> ApiResult<Response> {
    let a = attachments::get(state.db(), id).await?;
    let offer = offers::get(state.db(), a.offer_id).await?;
    if !readable(&state, who.as_ref(), &offer).await? {
        return Err(ApiError::not_found());
    }
    let bytes = attachments::content(state.db(), &state.settings().attachments, id).await?;
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        a.filename
            .replace(|c: char| !c.is_ascii() || c == '\\', "_"),
        percent_encoding::utf8_percent_encode(&a.filename, ATTR_CHAR_ENCODED)
    );
    Ok((
        [
            (header::CONTENT_TYPE, a.content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (header::CONTENT_SECURITY_POLICY, "sandbox".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// What RFC 8187 (`filename*=UTF-8''...`) needs encoded: all but letters, digits and `.-_`.
const ATTR_CHAR_ENCODED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'.')
    .remove(b'-')
    .remove(b'_');

/// Remove an attachment from an offer the caller acts for.
#[utoipa::path(delete, path = "/attachments/{id}", tag = "portal", params(("id" = i64, Path)),
    security(("token" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    remove(&state, &principal, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes attachment `id` from an offer the caller acts for; the offer's id.
pub(crate) async fn remove(state: &AppState, principal: &Principal, id: i64) -> ApiResult<i64> {
    let a = attachments::get(state.db(), id).await?;
    let offer = offers::get(state.db(), a.offer_id).await?;
    if !writes_for_owner(principal, offer.offer.organisation_id) {
        return Err(ApiError::forbidden());
    }
    attachments::delete(state.db(), id).await?;
    Ok(a.offer_id)
}
