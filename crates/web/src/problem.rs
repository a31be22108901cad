//! API errors as RFC 9457 `application/problem+json`, with field-level messages.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use klaster_domain::ValidationErrors;
use klaster_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldProblem {
    /// JSON path of the field, e.g. `legal_ids[0].value`.
    pub field: String,
    /// Stable machine-readable code, e.g. `nip_checksum`.
    pub code: String,
    pub message: String,
}

/// RFC 9457 problem details.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: Option<String>,
    errors: Vec<FieldProblem>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, title: &'static str) -> Self {
        ApiError {
            status,
            code,
            title,
            detail: None,
            errors: Vec::new(),
        }
    }
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
    pub fn field(mut self, field: &str, code: &str, message: impl Into<String>) -> Self {
        self.errors.push(FieldProblem {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        });
        self
    }
    /// Names fields relative to an enclosing object (`nace` -> `query.nace`).
    pub fn prefix_fields(mut self, prefix: &str) -> Self {
        for f in &mut self.errors {
            f.field = format!("{prefix}{}", f.field);
        }
        self
    }
    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "Not found")
    }
    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Authentication required",
        )
        .detail("send an API token as `Authorization: Bearer <token>`")
    }
    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "Not allowed")
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad-request", "Bad request").detail(detail)
    }
    pub fn invalid() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "The request has invalid fields",
        )
    }
    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", "Conflict").detail(detail)
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
        )
    }
    pub fn status(&self) -> StatusCode {
        self.status
    }
    /// The invalid fields (a 422), for pages that show them next to their inputs.
    pub fn field_problems(&self) -> &[FieldProblem] {
        &self.errors
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> Self {
        let mut e = ApiError::invalid();
        e.errors = errors
            .0
            .into_iter()
            .map(|f| FieldProblem {
                field: f.field,
                code: f.code.to_string(),
                message: f.message,
            })
            .collect();
        e
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::Conflict(d) => ApiError::conflict(d),
            StoreError::Validation(v) => v.into(),
            other => {
                // Internal causes are logged, never shown.
                tracing::error!(error = %other, "storage failure");
                ApiError::internal()
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Problem {
            kind: format!("https://klaster.dev/problems/{}", self.code),
            title: self.title.to_string(),
            status: self.status.as_u16(),
            detail: self.detail,
            errors: self.errors,
        };
        let mut res = (self.status, axum::Json(body)).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        res
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
