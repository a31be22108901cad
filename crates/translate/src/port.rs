//! The `Translator` port.

use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};

use crate::error::TranslateError;
use crate::lang::Lang;
use crate::model::{TranslateRequest, Translation};

/// What an engine can translate: from `source` into each of `targets` (working languages only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSupport {
    pub source: Lang,
    pub targets: Vec<Lang>,
}

impl LanguageSupport {
    /// Every pair among `langs` (each into all the others).
    pub fn all_pairs(langs: &[Lang]) -> Vec<LanguageSupport> {
        langs
            .iter()
            .map(|&source| LanguageSupport {
                source,
                targets: langs.iter().copied().filter(|&t| t != source).collect(),
            })
            .collect()
    }

    /// Whether `list` allows `source` -> `target`.
    pub fn allows(list: &[LanguageSupport], source: Lang, target: Lang) -> bool {
        list.iter()
            .any(|s| s.source == source && s.targets.contains(&target))
    }
}

/// A translation engine. Implementations classify every failure (see [`TranslateError`]) so the
/// job runner can retry, pause or give up. Uses async fn in traits (no boxing); where a trait
/// object is needed, use [`DynTranslator`] or hold the [`crate::Engine`] enum.
pub trait Translator: Send + Sync {
    /// Stable engine name, recorded with every translation ("builtin", "libretranslate", "deepl").
    fn name(&self) -> &str;

    fn translate(
        &self,
        req: &TranslateRequest,
    ) -> impl Future<Output = Result<Translation, TranslateError>> + Send;

    /// The language pairs among the working languages that this engine handles.
    fn languages(
        &self,
    ) -> impl Future<Output = Result<Vec<LanguageSupport>, TranslateError>> + Send;
}

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The object-safe twin of [`Translator`], implemented for every translator: lets callers keep
/// `Arc<dyn DynTranslator>` (test doubles, decorators) at the price of one box per call.
/// Its methods have their own names so that having both traits in scope stays unambiguous.
pub trait DynTranslator: Send + Sync {
    fn engine_name(&self) -> &str;
    fn translate_boxed<'a>(
        &'a self,
        req: &'a TranslateRequest,
    ) -> BoxFuture<'a, Result<Translation, TranslateError>>;
    fn languages_boxed(&self) -> BoxFuture<'_, Result<Vec<LanguageSupport>, TranslateError>>;
}

impl<T: Translator> DynTranslator for T {
    fn engine_name(&self) -> &str {
        self.name()
    }

    fn translate_boxed<'a>(
        &'a self,
        req: &'a TranslateRequest,
    ) -> BoxFuture<'a, Result<Translation, TranslateError>> {
        Box::pin(self.translate(req))
    }

    fn languages_boxed(&self) -> BoxFuture<'_, Result<Vec<LanguageSupport>, TranslateError>> {
        Box::pin(self.languages())
    }
}
