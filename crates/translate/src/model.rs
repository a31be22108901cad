//! Requests and results, with per-segment provenance.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslateRequest {
    pub text: String,
    pub source: Lang,
    pub target: Lang,
}

impl TranslateRequest {
    pub fn new(text: impl Into<String>, source: Lang, target: Lang) -> Self {
        Self {
            text: text.into(),
            source,
            target,
        }
    }
}

/// How trustworthy a translation is. Ordered from weakest to strongest, so the status of a
/// whole text can be the weakest of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still the original text: no engine translated it. Shown with a visible mark.
    Untranslated,
    /// Produced by a machine engine, nobody has checked it.
    Machine,
    /// Written by a person (a translator correcting a text, or the curated termbase).
    Human,
    /// Checked and approved by a translator; only these feed the translation memory.
    Reviewed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Untranslated => "untranslated",
            Status::Machine => "machine",
            Status::Human => "human",
            Status::Reviewed => "reviewed",
        }
    }
}

/// Where a segment's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Left as written by the author.
    Original,
    /// A human-reviewed segment from the translation memory.
    Memory,
    /// A whole-segment match in the built-in termbase.
    Termbase,
    /// A machine translation engine (see [`Translation::engine`]).
    Engine,
    /// Typed by a translator.
    Translator,
}

/// One piece of the text with its own provenance. Whitespace between sentences is kept in
/// `text` of the segment before it, so joining all `text`s gives the whole translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// The source text of this segment.
    pub source: String,
    /// The translated text, or a copy of `source` when `status` is `Untranslated`.
    pub text: String,
    pub status: Status,
    pub origin: Origin,
}

impl Segment {
    pub fn untranslated(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            text: source.to_owned(),
            status: Status::Untranslated,
            origin: Origin::Original,
        }
    }

    /// Whether this segment carries words: whitespace, numbers and punctuation read the same in
    /// every language and are not worth an "untranslated" mark.
    pub fn has_words(&self) -> bool {
        self.source.chars().any(char::is_alphabetic)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub text: String,
    pub source: Lang,
    pub target: Lang,
    /// Engine name ("builtin", "libretranslate", "deepl", or "human" after a correction).
    pub engine: String,
    /// The weakest status among the segments that were translated; `Untranslated` only when
    /// nothing was. Use [`Translation::is_complete`] to know whether parts are still original.
    pub status: Status,
    pub segments: Vec<Segment>,
    pub at: SystemTime,
}

impl Translation {
    /// Builds a translation from its segments, deriving `text` and `status`.
    pub fn from_segments(
        source: Lang,
        target: Lang,
        engine: impl Into<String>,
        segments: Vec<Segment>,
    ) -> Self {
        let text = segments.iter().map(|s| s.text.as_str()).collect();
        let status = segments
            .iter()
            .filter(|s| s.has_words() && s.status != Status::Untranslated)
            .map(|s| s.status)
            .min()
            .unwrap_or(Status::Untranslated);
        Self {
            text,
            source,
            target,
            engine: engine.into(),
            status,
            segments,
            at: SystemTime::now(),
        }
    }

    /// A text left entirely in the original (no engine could translate it).
    pub fn untranslated(req: &TranslateRequest, engine: impl Into<String>) -> Self {
        Self::from_segments(
            req.source,
            req.target,
            engine,
            vec![Segment::untranslated(&req.text)],
        )
    }

    /// True when no segment with words is left in the original.
    pub fn is_complete(&self) -> bool {
        self.segments
            .iter()
            .all(|s| !s.has_words() || s.status != Status::Untranslated)
    }

    /// The segments still in the original language, for the "not translated" mark.
    pub fn untranslated_segments(&self) -> impl Iterator<Item = &Segment> {
        self.segments
            .iter()
            .filter(|s| s.has_words() && s.status == Status::Untranslated)
    }

    /// A translator's correction of the whole text: status `Human`, or `Reviewed` when the
    /// translator approves it as final (reviewed texts feed the translation memory).
    pub fn corrected(&self, text: impl Into<String>, reviewed: bool) -> Self {
        let text = text.into();
        let source: String = self.segments.iter().map(|s| s.source.as_str()).collect();
        let status = if reviewed {
            Status::Reviewed
        } else {
            Status::Human
        };
        Self {
            text: text.clone(),
            source: self.source,
            target: self.target,
            engine: "human".into(),
            status,
            segments: vec![Segment {
                source,
                text,
                status,
                origin: Origin::Translator,
            }],
            at: SystemTime::now(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(src: &str, text: &str, status: Status) -> Segment {
        Segment {
            source: src.into(),
            text: text.into(),
            status,
            origin: Origin::Engine,
        }
    }

    #[test]
    fn status_is_the_weakest_translated_part() {
        let t = Translation::from_segments(
            Lang::Pl,
            Lang::En,
            "builtin",
            vec![
                seg("Termin. ", "Deadline. ", Status::Reviewed),
                seg("Coś nowego.", "Coś nowego.", Status::Untranslated),
                seg(" ", " ", Status::Untranslated),
            ],
        );
        assert_eq!(t.text, "Deadline. Coś nowego. ");
        assert_eq!(t.status, Status::Reviewed);
        assert!(!t.is_complete());
        assert_eq!(t.untranslated_segments().count(), 1);
    }

    #[test]
    fn nothing_translated_is_untranslated() {
        let req = TranslateRequest::new("Abc.", Lang::Pl, Lang::En);
        let t = Translation::untranslated(&req, "builtin");
        assert_eq!(t.status, Status::Untranslated);
        assert_eq!(t.text, "Abc.");
        assert!(!t.is_complete());
    }

    #[test]
    fn correction_by_a_translator() {
        let req = TranslateRequest::new("Abc. Def.", Lang::Pl, Lang::En);
        let t = Translation::untranslated(&req, "builtin").corrected("Xyz.", true);
        assert_eq!(t.status, Status::Reviewed);
        assert_eq!(t.engine, "human");
        assert_eq!(t.segments[0].source, "Abc. Def.");
        assert!(t.is_complete());
    }
}
