//! Shared HTTP plumbing of the LibreTranslate and DeepL adapters.

pub mod deepl;
pub mod libre;

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

use crate::error::{PermanentKind, TranslateError, parse_retry_after};

/// Default limit for a whole request (connect + send + answer). A translation that takes longer
/// is retried later by the job runner rather than holding a worker.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Longest error body read and quoted in an error message.
const MAX_ERROR_BODY: usize = 2_000;

pub(crate) fn client(timeout: Duration) -> Result<reqwest::Client, TranslateError> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(CONNECT_TIMEOUT.min(timeout))
        .user_agent(concat!("klaster-translate/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| TranslateError::permanent(PermanentKind::Config, e.to_string()))
}

/// Checks a configured base URL and drops a trailing slash. `https` without the `https` cargo
/// feature is refused up front rather than failing on every job.
pub(crate) fn base_url(url: &str) -> Result<String, TranslateError> {
    let url = url.trim().trim_end_matches('/');
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        TranslateError::permanent(PermanentKind::Config, format!("bad URL {url:?}: {e}"))
    })?;
    match parsed.scheme() {
        "http" => Ok(url.to_owned()),
        "https" if cfg!(feature = "https") => Ok(url.to_owned()),
        "https" => Err(TranslateError::permanent(
            PermanentKind::Config,
            "https URL needs klaster-translate's `https` cargo feature",
        )),
        other => Err(TranslateError::permanent(
            PermanentKind::Config,
            format!("unsupported URL scheme {other:?}"),
        )),
    }
}

/// Maps a transport failure: timeouts and unreachable servers are worth retrying.
pub(crate) fn transport_error(engine: &str, e: reqwest::Error) -> TranslateError {
    if e.is_timeout() {
        TranslateError::retryable(None, format!("{engine}: timed out"))
    } else if e.is_connect() || e.is_request() || e.is_body() {
        TranslateError::retryable(None, format!("{engine}: {e}"))
    } else if e.is_decode() {
        TranslateError::permanent(
            PermanentKind::Protocol,
            format!("{engine}: bad answer: {e}"),
        )
    } else if e.is_builder() {
        TranslateError::permanent(PermanentKind::Config, format!("{engine}: {e}"))
    } else {
        TranslateError::retryable(None, format!("{engine}: {e}"))
    }
}

pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after)
}

/// The parts of an error response an adapter classifies.
pub(crate) struct Failure {
    pub status: StatusCode,
    pub retry_after: Option<Duration>,
    /// The provider's message (from its JSON error body) or the start of the raw body.
    pub message: String,
}

/// Reads a non-success response. `field` is the JSON key the provider puts its message in.
pub(crate) async fn failure(resp: reqwest::Response, field: &str) -> Failure {
    let status = resp.status();
    let retry_after = retry_after(resp.headers());
    let body = resp.text().await.unwrap_or_default();
    let message = serde_json::from_str::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v.get(field).and_then(|m| m.as_str()).map(str::to_owned))
        .unwrap_or_else(|| body.chars().take(MAX_ERROR_BODY).collect());
    Failure {
        status,
        retry_after,
        message,
    }
}

/// Statuses every provider shares the meaning of; `None` leaves the rest to the adapter.
pub(crate) fn common_status(engine: &str, f: &Failure) -> Option<TranslateError> {
    let msg = format!("{engine}: {} {}", f.status.as_u16(), f.message);
    match f.status.as_u16() {
        429 => Some(TranslateError::retryable(f.retry_after, msg)),
        408 | 500..=599 => Some(TranslateError::retryable(f.retry_after, msg)),
        401 => Some(TranslateError::permanent(PermanentKind::Auth, msg)),
        413 | 414 => Some(TranslateError::permanent(PermanentKind::TooLong, msg)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(
            base_url("http://127.0.0.1:5000/").unwrap(),
            "http://127.0.0.1:5000"
        );
        assert!(base_url("ftp://x").is_err());
        assert!(base_url("not a url").is_err());
        assert_eq!(
            base_url("https://api.deepl.com").is_ok(),
            cfg!(feature = "https")
        );
    }
}
