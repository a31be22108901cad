//! Per-language analysis: every working language gets one tantivy analyser, registered on the
//! index under `lang_<code>`.
//!
//! Pipeline: split on non-alphanumerics -> drop tokens over 40 bytes -> lowercase -> stop words
//! -> language normalisation + stemming -> ASCII folding. Folding comes after stemming because
//! the Snowball stemmers need the diacritics ("współpracy" -> "współprac" -> "wspolprac"), and
//! folding afterwards lets a query typed without diacritics meet the indexed stem. The folding
//! filter leaves Cyrillic alone.

pub mod eval;
mod light;
mod stopwords;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use crate::Lang;

/// How a language's tokens are reduced to a search stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemming {
    /// A Snowball algorithm (via the `frostem` crate).
    Snowball(frostem::Algorithm),
    /// This crate's light suffix stripping (see `light.rs`), for languages without Snowball.
    Light(Lang),
    /// Lowercase and folding only.
    None,
}

impl Stemming {
    /// The choice used by the index for each language (measured in `eval`, see the README).
    pub fn for_lang(lang: Lang) -> Stemming {
        use frostem::Algorithm as A;
        match lang {
            Lang::Pl => Stemming::Snowball(A::Polish),
            Lang::En => Stemming::Snowball(A::English),
            Lang::De => Stemming::Snowball(A::German),
            Lang::Ru => Stemming::Snowball(A::Russian),
            Lang::It => Stemming::Snowball(A::Italian),
            Lang::Uk => Stemming::Snowball(A::Ukrainian),
            Lang::Cs => Stemming::Snowball(A::Czech),
            Lang::Hu => Stemming::Snowball(A::Hungarian),
            Lang::Ro => Stemming::Snowball(A::Romanian),
            Lang::Be => Stemming::Light(Lang::Be),
            Lang::Bg => Stemming::Light(Lang::Bg),
        }
    }
}

/// The name under which a language's analyser is registered on the index.
pub fn tokenizer_name(lang: Lang) -> String {
    format!("lang_{}", lang.code())
}

/// The index-time and query-time analyser of `lang`.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    analyzer_with(lang, Stemming::for_lang(lang))
}

/// An analyser with an explicit stemming choice (used to compare choices in `eval`).
pub fn analyzer_with(lang: Lang, stemming: Stemming) -> TextAnalyzer {
    let stop = stopwords::for_lang(lang).iter().map(|w| w.to_string());
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::remove(stop))
        .filter(StemFilter { lang, stemming })
        .filter(AsciiFoldingFilter)
        .build()
}

/// The terms `text` becomes under `lang`'s analyser.
pub fn analyze(lang: Lang, text: &str) -> Vec<String> {
    terms(&mut analyzer(lang), text)
}

/// `text` without the stop words of `lang`, lowercased, words separated by spaces. A query
/// in a known language loses its function words before the other languages' analysers see
/// it: English "the" is no stop word in Polish and would otherwise be required there.
pub(crate) fn without_stop_words(lang: Lang, text: &str) -> String {
    let stop = stopwords::for_lang(lang);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !stop.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Spelling variants that should meet before stemming: Russian "ё" is usually written "е";
/// Romanian has legacy cedilla letters beside the correct comma-below ones.
fn normalize(lang: Lang, word: &str) -> Option<String> {
    let map: &[(char, char)] = match lang {
        Lang::Ru | Lang::Be | Lang::Uk | Lang::Bg => &[('ё', 'е')],
        Lang::Ro => &[('ş', 'ș'), ('ţ', 'ț')],
        _ => return None,
    };
    if !word.chars().any(|c| map.iter().any(|(from, _)| *from == c)) {
        return None;
    }
    Some(
        word.chars()
            .map(|c| map.iter().find(|(f, _)| *f == c).map_or(c, |(_, t)| *t))
            .collect(),
    )
}

#[derive(Clone)]
struct StemFilter {
    lang: Lang,
    stemming: Stemming,
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemTokenizer<T> {
        StemTokenizer {
            lang: self.lang,
            stemming: self.stemming,
            inner,
        }
    }
}

#[derive(Clone)]
pub struct StemTokenizer<T> {
    lang: Lang,
    stemming: Stemming,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemTokenizer<T> {
    type TokenStream<'a> = StemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            lang: self.lang,
            snowball: match self.stemming {
                Stemming::Snowball(a) => Some(frostem::Stemmer::new(a)),
                _ => None,
            },
            light: matches!(self.stemming, Stemming::Light(_)),
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct StemStream<S> {
    lang: Lang,
    snowball: Option<frostem::Stemmer>,
    light: bool,
    tail: S,
}

impl<S: TokenStream> TokenStream for StemStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(n) = normalize(self.lang, &token.text) {
            token.text = n;
        }
        let stemmed = if let Some(s) = &self.snowball {
            match s.stem(&token.text) {
                std::borrow::Cow::Owned(s) => Some(s),
                std::borrow::Cow::Borrowed(_) => None,
            }
        } else if self.light {
            light::stem(self.lang, &token.text)
        } else {
            None
        };
        if let Some(s) = stemmed {
            token.text = s;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests;
