//! The configured engine: one enum the lead holds in an `Arc`, chosen by configuration.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::builtin::Builtin;
use crate::error::{PermanentKind, TranslateError};
use crate::http::deepl::{DeepL, English};
use crate::http::libre::LibreTranslate;
use crate::memory::TranslationMemory;
use crate::model::{TranslateRequest, Translation};
use crate::port::{LanguageSupport, Translator};

/// Engine settings, e.g. from the `[translate]` table of the configuration file:
/// `engine = "libretranslate"`, `url = "http://127.0.0.1:5000"`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "engine", rename_all = "lowercase", deny_unknown_fields)]
pub enum EngineConfig {
    /// A struct variant, not a unit one, so that serde rejects unknown keys here too.
    Builtin {},
    LibreTranslate {
        url: String,
        #[serde(default)]
        api_key: Option<String>,
        #[serde(default)]
        timeout_secs: Option<u64>,
    },
    DeepL {
        auth_key: String,
        /// Defaults to the free or pro host, chosen from the key.
        #[serde(default)]
        url: Option<String>,
        #[serde(default)]
        english: English,
        #[serde(default)]
        timeout_secs: Option<u64>,
    },
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self::Builtin {}
    }
}

/// Keys never reach logs.
impl fmt::Debug for EngineConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Builtin {} => f.write_str("Builtin"),
            Self::LibreTranslate { url, api_key, .. } => f
                .debug_struct("LibreTranslate")
                .field("url", url)
                .field("api_key", &api_key.as_ref().map(|_| "***"))
                .finish(),
            Self::DeepL { url, english, .. } => f
                .debug_struct("DeepL")
                .field("url", url)
                .field("english", english)
                .field("auth_key", &"***")
                .finish(),
        }
    }
}

#[derive(Debug, Clone)]
enum Remote {
    None,
    Libre(LibreTranslate),
    DeepL(DeepL),
}

/// The translator the job runner uses. The built-in engine always runs first: when memory and
/// termbase cover the whole text (reviewed segments, structured phrases) no request is spent
/// and the better provenance is kept; otherwise the remote engine, if any, translates the text.
#[derive(Debug, Clone)]
pub struct Engine {
    builtin: Builtin,
    remote: Remote,
}

impl Engine {
    pub fn from_config(
        cfg: &EngineConfig,
        memory: Arc<dyn TranslationMemory>,
    ) -> Result<Engine, TranslateError> {
        let timeout = |s: &Option<u64>| {
            s.map(|s| Duration::from_secs(s.clamp(1, 600)))
                .unwrap_or(crate::http::DEFAULT_TIMEOUT)
        };
        let remote = match cfg {
            EngineConfig::Builtin {} => Remote::None,
            EngineConfig::LibreTranslate {
                url,
                api_key,
                timeout_secs,
            } => Remote::Libre(LibreTranslate::with_timeout(
                url,
                api_key.clone(),
                timeout(timeout_secs),
            )?),
            EngineConfig::DeepL {
                auth_key,
                url,
                english,
                timeout_secs,
            } => Remote::DeepL(DeepL::with_options(
                auth_key,
                url.as_deref(),
                *english,
                timeout(timeout_secs),
            )?),
        };
        Ok(Engine {
            builtin: Builtin::new(memory),
            remote,
        })
    }
}

impl Translator for Engine {
    /// The configured engine's name; a given translation records the engine that made it.
    fn name(&self) -> &str {
        match &self.remote {
            Remote::None => Translator::name(&self.builtin),
            Remote::Libre(e) => Translator::name(e),
            Remote::DeepL(e) => Translator::name(e),
        }
    }

    async fn translate(&self, req: &TranslateRequest) -> Result<Translation, TranslateError> {
        let local = self.builtin.translate_now(req);
        if local.is_complete() {
            return Ok(local);
        }
        let remote = match &self.remote {
            Remote::None => return Ok(local),
            Remote::Libre(e) => e.translate(req).await,
            Remote::DeepL(e) => e.translate(req).await,
        };
        match remote {
            // No engine will ever do this pair (DeepL and Belarusian): the built-in result, with
            // its untranslated segments marked, is the final answer rather than an error.
            Err(TranslateError::Permanent {
                kind: PermanentKind::UnsupportedLanguage,
                reason,
            }) => {
                tracing::debug!(%reason, "remote engine lacks the pair; keeping the built-in result");
                Ok(local)
            }
            other => other,
        }
    }

    async fn languages(&self) -> Result<Vec<LanguageSupport>, TranslateError> {
        match &self.remote {
            Remote::None => self.builtin.languages().await,
            Remote::Libre(e) => e.languages().await,
            Remote::DeepL(e) => e.languages().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::memory::NoMemory;

    #[test]
    fn config_from_toml() {
        let c: EngineConfig =
            toml::from_str("engine = \"libretranslate\"\nurl = \"http://127.0.0.1:5000\"\n")
                .unwrap();
        assert!(
            matches!(c, EngineConfig::LibreTranslate { ref url, api_key: None, .. } if url == "http://127.0.0.1:5000")
        );
        let c: EngineConfig =
            toml::from_str("engine = \"deepl\"\nauth_key = \"k:fx\"\nenglish = \"EN-US\"\n")
                .unwrap();
        assert!(matches!(
            c,
            EngineConfig::DeepL {
                english: English::American,
                ..
            }
        ));
        assert!(!format!("{c:?}").contains("k:fx"), "keys never reach logs");
        assert_eq!(
            toml::from_str::<EngineConfig>("engine = \"builtin\"").unwrap(),
            EngineConfig::Builtin {}
        );
        assert!(toml::from_str::<EngineConfig>("engine = \"google\"").is_err());
        assert!(toml::from_str::<EngineConfig>("engine = \"builtin\"\nurll = 1").is_err());
    }

    #[test]
    fn builtin_engine_from_config() {
        let e = Engine::from_config(&EngineConfig::default(), Arc::new(NoMemory)).unwrap();
        assert_eq!(Translator::name(&e), "builtin");
        let bad = EngineConfig::LibreTranslate {
            url: "::".into(),
            api_key: None,
            timeout_secs: None,
        };
        assert!(Engine::from_config(&bad, Arc::new(NoMemory)).is_err());
        let _ = Lang::Pl;
    }
}
