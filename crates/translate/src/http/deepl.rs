//! DeepL API v2: `POST /v2/translate`, authenticated with `Authorization: DeepL-Auth-Key`.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{DEFAULT_TIMEOUT, Failure, base_url, client, common_status, failure, transport_error};
use crate::error::{PermanentKind, TranslateError};
use crate::lang::Lang;
use crate::model::{Origin, Segment, Status, TranslateRequest, Translation};
use crate::port::{LanguageSupport, Translator};

pub const NAME: &str = "deepl";
/// Free-plan keys end in ":fx" and must use this host; paid keys use [`PRO_URL`].
pub const FREE_URL: &str = "https://api-free.deepl.com";
pub const PRO_URL: &str = "https://api.deepl.com";

/// Which English DeepL writes: it refuses a bare "EN" as a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum English {
    #[default]
    #[serde(rename = "EN-GB")]
    British,
    #[serde(rename = "EN-US")]
    American,
}

#[derive(Debug, Clone)]
pub struct DeepL {
    base_url: String,
    auth_key: String,
    english: English,
    http: reqwest::Client,
}

#[derive(Serialize)]
struct TranslateBody<'a> {
    text: [&'a str; 1],
    source_lang: &'static str,
    target_lang: &'static str,
}

#[derive(Deserialize)]
struct TranslateAnswer {
    translations: Vec<TranslationEntry>,
}

#[derive(Deserialize)]
struct TranslationEntry {
    text: String,
}

/// DeepL's source-language code; `None` for Belarusian, which DeepL does not offer.
pub fn source_code(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Pl => "PL",
        Lang::En => "EN",
        Lang::De => "DE",
        Lang::Ru => "RU",
        Lang::It => "IT",
        Lang::Uk => "UK",
        Lang::Cs => "CS",
        Lang::Hu => "HU",
        Lang::Ro => "RO",
        Lang::Bg => "BG",
        Lang::Be => return None,
    })
}

/// DeepL's target-language code: English needs a variant.
pub fn target_code(lang: Lang, english: English) -> Option<&'static str> {
    match (lang, english) {
        (Lang::En, English::British) => Some("EN-GB"),
        (Lang::En, English::American) => Some("EN-US"),
        (other, _) => source_code(other),
    }
}

impl DeepL {
    /// `base_url` `None` picks the free or pro host from the key.
    pub fn new(auth_key: &str, base: Option<&str>) -> Result<Self, TranslateError> {
        Self::with_options(auth_key, base, English::default(), DEFAULT_TIMEOUT)
    }

    pub fn with_options(
        auth_key: &str,
        base: Option<&str>,
        english: English,
        timeout: Duration,
    ) -> Result<Self, TranslateError> {
        let auth_key = auth_key.trim();
        if auth_key.is_empty() {
            return Err(TranslateError::permanent(
                PermanentKind::Auth,
                "deepl: no auth key configured",
            ));
        }
        let default = if auth_key.ends_with(":fx") {
            FREE_URL
        } else {
            PRO_URL
        };
        Ok(Self {
            base_url: base_url(base.unwrap_or(default))?,
            auth_key: auth_key.to_owned(),
            english,
            http: client(timeout)?,
        })
    }
}

fn unsupported(lang: Lang) -> TranslateError {
    TranslateError::permanent(
        PermanentKind::UnsupportedLanguage,
        format!(
            "{NAME}: DeepL does not translate {} ({lang})",
            lang.name_in(Lang::En)
        ),
    )
}

/// DeepL errors come as `{"message": "..."}`; 456 is its own "quota exceeded" status.
fn classify(f: &Failure) -> TranslateError {
    let msg = format!("{NAME}: {} {}", f.status.as_u16(), f.message);
    let lower = f.message.to_lowercase();
    match f.status.as_u16() {
        456 => TranslateError::quota(msg),
        403 => TranslateError::permanent(PermanentKind::Auth, msg),
        400 if lower.contains("not supported") || lower.contains("lang") => {
            TranslateError::permanent(PermanentKind::UnsupportedLanguage, msg)
        }
        404 => TranslateError::permanent(PermanentKind::Config, msg),
        _ => common_status(NAME, f)
            .unwrap_or_else(|| TranslateError::permanent(PermanentKind::BadRequest, msg)),
    }
}

impl Translator for DeepL {
    fn name(&self) -> &str {
        NAME
    }

    async fn translate(&self, req: &TranslateRequest) -> Result<Translation, TranslateError> {
        // Checked here so a Belarusian job fails at once, without spending a request.
        let source_lang = source_code(req.source).ok_or_else(|| unsupported(req.source))?;
        let target_lang =
            target_code(req.target, self.english).ok_or_else(|| unsupported(req.target))?;
        let body = TranslateBody {
            text: [&req.text],
            source_lang,
            target_lang,
        };
        let resp = self
            .http
            .post(format!("{}/v2/translate", self.base_url))
            .header("Authorization", format!("DeepL-Auth-Key {}", self.auth_key))
            .json(&body)
            .send()
            .await
            .map_err(|e| transport_error(NAME, e))?;
        if !resp.status().is_success() {
            return Err(classify(&failure(resp, "message").await));
        }
        let answer: TranslateAnswer = resp.json().await.map_err(|e| transport_error(NAME, e))?;
        let [entry] = <[TranslationEntry; 1]>::try_from(answer.translations).map_err(|v| {
            TranslateError::permanent(
                PermanentKind::Protocol,
                format!("{NAME}: expected 1 translation, got {}", v.len()),
            )
        })?;
        let seg = Segment {
            source: req.text.clone(),
            text: entry.text,
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

    /// DeepL covers every working language but Belarusian. Answered from this table rather
    /// than `/v2/languages` so that listing costs no request against the account.
    async fn languages(&self) -> Result<Vec<LanguageSupport>, TranslateError> {
        let langs: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&l| source_code(l).is_some())
            .collect();
        Ok(LanguageSupport::all_pairs(&langs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(target_code(Lang::En, English::British), Some("EN-GB"));
        assert_eq!(target_code(Lang::En, English::American), Some("EN-US"));
        assert_eq!(source_code(Lang::En), Some("EN"));
        assert_eq!(target_code(Lang::Uk, English::British), Some("UK"));
        assert_eq!(source_code(Lang::Be), None);
        assert_eq!(
            Lang::ALL
                .iter()
                .filter(|l| source_code(**l).is_some())
                .count(),
            10
        );
    }

    #[test]
    fn host_follows_the_key() {
        // Only the scheme check differs between builds; both hosts are https.
        let free = DeepL::new("abc:fx", None);
        let pro = DeepL::new("abc", None);
        if cfg!(feature = "https") {
            assert_eq!(free.unwrap().base_url, FREE_URL);
            assert_eq!(pro.unwrap().base_url, PRO_URL);
        } else {
            assert!(free.is_err() && pro.is_err());
        }
        assert!(DeepL::new(" ", Some("http://127.0.0.1:1")).is_err());
    }
}
