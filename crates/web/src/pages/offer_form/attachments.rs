//! Files of an offer on its edit page: a `multipart/form-data` upload (the form token is one
//! of its parts, checked as [`Posted`] checks it) stored through the API's own `attach` (size
//! limit, type read from the first bytes, cleaned name), and a delete button per file.

use axum::Router;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use klaster_store::attachments as stored;

use super::{edit_page, own_offer, refused, signed};
use crate::AppState;
use crate::api::attachments::{HARD_MAX_BYTES, attach, remove};
use crate::pages::errors::{self, PageError};
use crate::pages::forms::{CSRF_FIELD, Posted, cross_site};
use crate::pages::i18n::Tr;
use crate::pages::lang::Ui;
use crate::pages::offer::size;

pub struct FileItem {
    pub name: String,
    pub href: String,
    pub info: String,
    pub delete: String,
}

/// The files section of the edit page.
pub struct Files {
    pub items: Vec<FileItem>,
    pub action: String,
    pub hint: String,
    pub error: Option<String>,
}

pub async fn files(
    state: &AppState,
    ui: &Ui,
    offer_id: i64,
    error: Option<String>,
) -> Result<Files, PageError> {
    let tr = Tr::new(ui.lang);
    let max = state.settings().max_attachment_bytes;
    Ok(Files {
        items: stored::list(state.db(), offer_id)
            .await?
            .into_iter()
            .map(|a| FileItem {
                href: format!("/api/v1/attachments/{}", a.id),
                info: format!("{}, {}", a.content_type, size(a.size, ui.lang)),
                delete: format!("/attachments/{}/delete", a.id),
                name: a.filename,
            })
            .collect(),
        action: format!("/offers/{offer_id}/attachments"),
        hint: tr.a("of-file-hint", &[("max", &mb(max))]),
        error,
    })
}

fn mb(bytes: usize) -> String {
    (bytes / (1024 * 1024)).to_string()
}

pub(super) fn upload_route() -> Router<AppState> {
    Router::new()
        .route("/offers/{id}/attachments", post(upload))
        .layer(DefaultBodyLimit::max(HARD_MAX_BYTES))
}

/// What the upload form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    filename: String,
    bytes: Vec<u8>,
    /// Over the configured limit (the rest was read and dropped).
    too_large: bool,
}

async fn read(mut mp: Multipart, max: usize) -> Result<Upload, PageError> {
    let mut up = Upload::default();
    let failed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            PageError::TooLarge
        } else {
            PageError::BadRequest
        }
    };
    while let Some(mut field) = mp.next_field().await.map_err(failed)? {
        match field.name() {
            Some(CSRF_FIELD) => up.csrf = field.text().await.map_err(failed)?,
            Some("file") => {
                up.filename = field.file_name().unwrap_or_default().to_string();
                while let Some(chunk) = field.chunk().await.map_err(failed)? {
                    if up.too_large || up.bytes.len() + chunk.len() > max {
                        up.too_large = true;
                        up.bytes.clear();
                    } else {
                        up.bytes.extend_from_slice(&chunk);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(up)
}

pub async fn upload(
    State(state): State<AppState>,
    ui: Ui,
    headers: HeaderMap,
    Path(id): Path<i64>,
    mp: Result<Multipart, MultipartRejection>,
) -> Response {
    match store(&state, &ui, &headers, id, mp).await {
        Ok(r) => r,
        Err(e) => errors::page(&state, &ui, e),
    }
}

async fn store(
    state: &AppState,
    ui: &Ui,
    headers: &HeaderMap,
    id: i64,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    if cross_site(headers) {
        return Err(PageError::Forbidden);
    }
    let max = state.settings().max_attachment_bytes;
    let up = read(mp.map_err(|_| PageError::BadRequest)?, max).await?;
    if !ui.csrf_matches(&up.csrf) {
        return Err(PageError::Expired);
    }
    let principal = &signed(ui)?.principal;
    let rec = own_offer(state, ui, id).await?;
    let tr = Tr::new(ui.lang);
    let refusal = if up.too_large {
        Some((StatusCode::PAYLOAD_TOO_LARGE, "of-file-too-large"))
    } else {
        match attach(state, principal, id, &up.filename, &up.bytes).await {
            Ok(_) => None,
            Err(e) => Some(match e.status() {
                StatusCode::PAYLOAD_TOO_LARGE => (e.status(), "of-file-too-large"),
                StatusCode::UNSUPPORTED_MEDIA_TYPE => (e.status(), "of-file-type"),
                StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {
                    (StatusCode::UNPROCESSABLE_ENTITY, "of-file-missing")
                }
                _ => return Err(refused(&e)),
            }),
        }
    };
    Ok(match refusal {
        None => Redirect::to(&format!("/offers/{id}/edit?done=uploaded")).into_response(),
        Some((status, key)) => {
            let error = tr.a(key, &[("max", &mb(max))]);
            edit_page(state, ui, rec, Vec::new(), Some(error), status).await
        }
    })
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Posted { ui, .. }: Posted<Vec<(String, String)>>,
) -> Response {
    let done = match signed(&ui) {
        Ok(s) => remove(&state, &s.principal, id)
            .await
            .map_err(|e| refused(&e)),
        Err(e) => Err(e),
    };
    match done {
        Ok(offer) => Redirect::to(&format!("/offers/{offer}/edit?done=deleted")).into_response(),
        Err(e) => errors::page(&state, &ui, e),
    }
}
