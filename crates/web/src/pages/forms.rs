//! HTML forms: the fields a template draws (with their error, in the reader's language, and
//! what the reader typed), and the extractor of a posted form, which refuses a post without
//! this reader's form token or from another site.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;

use axum::response::Response;

use super::errors::{self, PageError};
use super::lang::Ui;
use crate::AppState;

/// The name of the hidden field that carries the form token.
pub const CSRF_FIELD: &str = "csrf";

/// One option of a select or a group of radio buttons.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One field of a form, as `field.html` draws it.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub label: String,
    /// An input type (`text`, `email`, `password`, `date`, `number`, `url`, `tel`), or
    /// `textarea`, `select`, `checkbox`.
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub hint: Option<String>,
    pub autocomplete: &'static str,
    pub required: bool,
    pub options: Vec<Choice>,
}

impl Field {
    pub fn new(name: impl Into<String>, kind: &'static str, label: String) -> Self {
        Field {
            name: name.into(),
            label,
            kind,
            value: String::new(),
            error: None,
            hint: None,
            autocomplete: "off",
            required: false,
            options: Vec::new(),
        }
    }
    pub fn value(mut self, v: impl Into<String>) -> Self {
        self.value = v.into();
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }
    pub fn hint(mut self, h: String) -> Self {
        self.hint = Some(h);
        self
    }
    pub fn error(mut self, e: Option<String>) -> Self {
        self.error = e;
        self
    }
    pub fn options(mut self, options: Vec<Choice>) -> Self {
        self.options = options;
        self
    }
    /// `aria-describedby` of the input: its error and hint.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        ids.join(" ")
    }
    pub fn is_checked(&self) -> bool {
        matches!(self.value.as_str(), "on" | "true" | "1")
    }
}

/// A date input's value (`YYYY-MM-DD`, what browsers send): `Ok(None)` when left empty,
/// `Err(())` when it is not a date (typed into a browser without a date picker).
pub fn date_value(s: &str) -> Result<Option<chrono::NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ())
}

/// Whether the first error of a form is shown at the top (with a link to its field).
pub fn first_error(fields: &[Field]) -> Option<&Field> {
    fields.iter().find(|f| f.error.is_some())
}

/// A form with nothing but its token (a button).
#[derive(Debug, serde::Deserialize)]
pub struct Empty {}

/// A posted `application/x-www-form-urlencoded` form with a valid form token, and the reader.
pub struct Posted<T> {
    pub ui: Ui,
    pub form: T,
}

/// A post from a page of another site: the browser says so in `Sec-Fetch-Site` or `Origin`.
pub(crate) fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        host,
    ) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
            origin_host != host
        }
        (Some(_), None) => true,
        _ => false,
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for Posted<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let Ok(ui) = Ui::from_request_parts(&mut parts, state).await;
        read(parts, body, state, &ui)
            .await
            .map(|form| Posted {
                ui: ui.clone(),
                form,
            })
            .map_err(|e| errors::page(state, &ui, e))
    }
}

async fn read<T: DeserializeOwned>(
    parts: axum::http::request::Parts,
    body: axum::body::Body,
    state: &AppState,
    ui: &Ui,
) -> Result<T, PageError> {
    if cross_site(&parts.headers) {
        return Err(PageError::Forbidden);
    }
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Err(PageError::BadRequest);
    }
    let req = Request::from_parts(parts, body);
    let bytes = Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            PageError::TooLarge
        } else {
            PageError::BadRequest
        }
    })?;
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest)?;
    let sent = pairs
        .iter()
        .find(|(k, _)| k == CSRF_FIELD)
        .map_or("", |(_, v)| v.as_str());
    if !ui.csrf_matches(sent) {
        return Err(PageError::Expired);
    }
    // Fields a form does not know are ignored; a field of the wrong shape is a bad request
    // (the forms only send strings, so only a forged post gets here).
    serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn posts_from_other_sites_are_recognised() {
        assert!(!cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!cross_site(&headers(&[
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080")
        ])));
        assert!(cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:8080")
        ])));
        assert!(
            !cross_site(&headers(&[("host", "x")])),
            "no origin: the token decides"
        );
    }
}
