//! Request extractors that answer bad input with problem+json.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use klaster_domain::permissions::{Principal as Rights, Role};
use klaster_store::auth::User;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::problem::ApiError;

/// A JSON body. Malformed JSON is a 400; a well-formed body of the wrong shape is a 422 naming
/// the field (its JSON path) that did not fit.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json") || v.contains("+json"));
        if !is_json {
            return Err(ApiError::new(
                axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Expected a JSON body",
            )
            .detail("set `Content-Type: application/json`"));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            ApiError::new(e.status(), "body", "The request body could not be read")
                .detail(e.body_text())
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            ApiError::bad_request(format!("malformed JSON: {inner}"))
        } else {
            let field = if path == "." {
                "body".to_string()
            } else {
                path
            };
            ApiError::invalid().field(&field, "invalid", inner.to_string())
        }
    })
}

/// The caller, identified by an API token (`Authorization: Bearer ...`), with the rights its
/// user's role gives.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: User,
    pub rights: Rights,
}

fn roles_of(user: &User) -> Vec<Role> {
    let scope = user.scope_id.unwrap_or(0);
    match user.role.as_str() {
        "admin" => vec![Role::Admin],
        "coordinator" => vec![Role::Coordinator { cluster_id: scope }],
        "org_admin" => vec![Role::OrgMember {
            org_id: scope,
            org_admin: true,
        }],
        "org_member" => vec![Role::OrgMember {
            org_id: scope,
            org_admin: false,
        }],
        "translator" => vec![Role::Translator],
        _ => vec![Role::Visitor],
    }
}

impl Principal {
    pub fn new(user: User) -> Self {
        let rights = Rights::new(roles_of(&user));
        Principal { user, rights }
    }
}

async fn principal_from(parts: &Parts, state: &AppState) -> Result<Option<Principal>, ApiError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let secret = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(ApiError::unauthorized)?;
    match klaster_store::auth::user_for_token(state.db(), secret).await? {
        Some(user) => Ok(Some(Principal::new(user))),
        None => Err(ApiError::unauthorized().detail("the token is unknown or revoked")),
    }
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        principal_from(parts, state)
            .await?
            .ok_or_else(ApiError::unauthorized)
    }
}

/// The caller if a token was sent; anonymous otherwise (public reads).
pub struct MaybePrincipal(pub Option<Principal>);

impl FromRequestParts<AppState> for MaybePrincipal {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(MaybePrincipal(principal_from(parts, state).await?))
    }
}
