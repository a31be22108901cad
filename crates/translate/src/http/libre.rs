//! LibreTranslate (self-hosted, open source): `POST /translate`, `GET /languages`.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{DEFAULT_TIMEOUT, Failure, base_url, client, common_status, failure, transport_error};
use crate::error::{PermanentKind, TranslateError};
use crate::lang::Lang;
use crate::model::{Origin, Segment, Status, TranslateRequest, Translation};
use crate::port::{LanguageSupport, Translator};

pub const NAME: &str = "libretranslate";

#[derive(Debug, Clone)]
pub struct LibreTranslate {
    base_url: String,
    api_key: Option<String>,
    http: reqwest::Client,
}

#[derive(Serialize)]
struct TranslateBody<'a> {
    q: &'a str,
    source: &'a str,
    target: &'a str,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
}

#[derive(Deserialize)]
struct TranslateAnswer {
    #[serde(rename = "translatedText")]
    translated_text: String,
}

#[derive(Deserialize)]
struct LanguageEntry {
    code: String,
    #[serde(default)]
    targets: Vec<String>,
}

impl LibreTranslate {
    pub fn new(base_url: &str, api_key: Option<String>) -> Result<Self, TranslateError> {
        Self::with_timeout(base_url, api_key, DEFAULT_TIMEOUT)
    }

    pub fn with_timeout(
        url: &str,
        api_key: Option<String>,
        timeout: Duration,
    ) -> Result<Self, TranslateError> {
        Ok(Self {
            base_url: base_url(url)?,
            api_key: api_key.filter(|k| !k.trim().is_empty()),
            http: client(timeout)?,
        })
    }
}

/// LibreTranslate reports everything as `{"error": "..."}`; the status and wording tell apart
/// what to do. 403 is both a refused key and a flood ban, so only the message separates them.
fn classify(f: &Failure) -> TranslateError {
    let msg = format!("{NAME}: {} {}", f.status.as_u16(), f.message);
    let lower = f.message.to_lowercase();
    match f.status.as_u16() {
        403 if lower.contains("too many request limits") || lower.contains("banned") => {
            TranslateError::quota(msg)
        }
        403 => TranslateError::permanent(PermanentKind::Auth, msg),
        400 if lower.contains("api key") || lower.contains("api_key") => {
            TranslateError::permanent(PermanentKind::Auth, msg)
        }
        400 if lower.contains("exceeds") && lower.contains("limit") => {
            TranslateError::permanent(PermanentKind::TooLong, msg)
        }
        400 if lower.contains("not supported") || lower.contains("not available") => {
            TranslateError::permanent(PermanentKind::UnsupportedLanguage, msg)
        }
        // Hosted instances answer a used-up plan with a quota or credit message.
        _ if lower.contains("quota") || lower.contains("credits") => TranslateError::quota(msg),
        _ => common_status(NAME, f)
            .unwrap_or_else(|| TranslateError::permanent(PermanentKind::BadRequest, msg)),
    }
}

impl Translator for LibreTranslate {
    fn name(&self) -> &str {
        NAME
    }

    async fn translate(&self, req: &TranslateRequest) -> Result<Translation, TranslateError> {
        let body = TranslateBody {
            q: &req.text,
            source: req.source.code(),
            target: req.target.code(),
            format: "text",
            api_key: self.api_key.as_deref(),
        };
        let resp = self
            .http
            .post(format!("{}/translate", self.base_url))
            .json(&body)
            .send()
            .await
            .map_err(|e| transport_error(NAME, e))?;
        if !resp.status().is_success() {
            return Err(classify(&failure(resp, "error").await));
        }
        let answer: TranslateAnswer = resp.json().await.map_err(|e| transport_error(NAME, e))?;
        let seg = Segment {
            source: req.text.clone(),
            text: answer.translated_text,
            status: Status::Machine,
            origin: Origin::Engine,
        };
        Ok(Translation::from_segments(
            req.source,
            req.target,
            NAME,
            vec![seg],
        ))
    }

    /// The instance's installed models, restricted to the working languages.
    async fn languages(&self) -> Result<Vec<LanguageSupport>, TranslateError> {
        let resp = self
            .http
            .get(format!("{}/languages", self.base_url))
            .send()
            .await
            .map_err(|e| transport_error(NAME, e))?;
        if !resp.status().is_success() {
            return Err(classify(&failure(resp, "error").await));
        }
        let entries: Vec<LanguageEntry> =
            resp.json().await.map_err(|e| transport_error(NAME, e))?;
        Ok(entries
            .iter()
            .filter_map(|e| {
                let source = Lang::parse(&e.code)?;
                let mut targets: Vec<Lang> = e
                    .targets
                    .iter()
                    .filter_map(|t| Lang::parse(t))
                    .filter(|&t| t != source)
                    .collect();
                targets.sort();
                targets.dedup();
                Some(LanguageSupport { source, targets })
            })
            .collect())
    }
}
