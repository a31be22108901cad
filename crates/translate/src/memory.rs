//! Translation memory: human-reviewed segments, matched exactly on their normalised form.

use std::collections::HashMap;
use std::sync::RwLock;

use crate::lang::Lang;
use crate::model::{Status, Translation};
use crate::segment::{normalize, split};

/// A store of reviewed segment pairs. Lookups are synchronous: the lead keeps the memory in
/// process (filled from the database at start and on every review), so no I/O happens here.
pub trait TranslationMemory: Send + Sync {
    /// The reviewed translation of `segment` (matched after [`normalize`]), if any.
    fn lookup(&self, source: Lang, target: Lang, segment: &str) -> Option<String>;
}

/// An empty memory, for engines configured without one.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoMemory;

impl TranslationMemory for NoMemory {
    fn lookup(&self, _: Lang, _: Lang, _: &str) -> Option<String> {
        None
    }
}

/// The in-process memory. Only `Status::Reviewed` pairs are accepted: machine output and
/// unreviewed corrections never feed it, so a memory hit is always a checked translation.
#[derive(Debug, Default)]
pub struct InMemoryTm {
    pairs: RwLock<HashMap<(Lang, Lang, String), String>>,
}

/// Longest segment kept; longer ones are paragraphs that will never match exactly again.
const MAX_SEGMENT_CHARS: usize = 2_000;

impl InMemoryTm {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one reviewed pair; returns whether it was stored. Refused: other statuses, same
    /// language on both sides, empty or over-long text.
    pub fn add(
        &self,
        source: Lang,
        target: Lang,
        source_text: &str,
        target_text: &str,
        status: Status,
    ) -> bool {
        let key = normalize(source_text);
        let value = target_text.trim();
        if status != Status::Reviewed
            || source == target
            || key.is_empty()
            || value.is_empty()
            || source_text.chars().count() > MAX_SEGMENT_CHARS
        {
            return false;
        }
        let mut pairs = self.pairs.write().unwrap_or_else(|p| p.into_inner());
        pairs.insert((source, target, key), value.to_owned());
        true
    }

    /// Learns from a reviewed translation. When source and target split into the same number of
    /// segments they are paired one to one (the usual case for a corrected offer); otherwise
    /// the whole text is stored as one pair. Returns the number of pairs stored.
    pub fn learn(&self, t: &Translation) -> usize {
        if t.status != Status::Reviewed {
            return 0;
        }
        let source: String = t.segments.iter().map(|s| s.source.as_str()).collect();
        let src = split(&source);
        let dst = split(&t.text);
        let src: Vec<&str> = src
            .iter()
            .map(|p| p.core)
            .filter(|c| !c.is_empty())
            .collect();
        let dst: Vec<&str> = dst
            .iter()
            .map(|p| p.core)
            .filter(|c| !c.is_empty())
            .collect();
        if src.len() == dst.len() && src.len() > 1 {
            src.iter()
                .zip(&dst)
                .filter(|(s, d)| self.add(t.source, t.target, s, d, Status::Reviewed))
                .count()
        } else {
            usize::from(self.add(t.source, t.target, &source, &t.text, Status::Reviewed))
        }
    }

    pub fn len(&self) -> usize {
        self.pairs.read().map(|p| p.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl TranslationMemory for InMemoryTm {
    fn lookup(&self, source: Lang, target: Lang, segment: &str) -> Option<String> {
        let pairs = self.pairs.read().unwrap_or_else(|p| p.into_inner());
        pairs.get(&(source, target, normalize(segment))).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TranslateRequest, Translation};

    #[test]
    fn only_reviewed_pairs_are_kept() {
        let tm = InMemoryTm::new();
        assert!(!tm.add(
            Lang::Pl,
            Lang::En,
            "Tokarka CNC.",
            "CNC lathe.",
            Status::Machine
        ));
        assert!(!tm.add(
            Lang::Pl,
            Lang::En,
            "Tokarka CNC.",
            "CNC lathe.",
            Status::Human
        ));
        assert!(!tm.add(
            Lang::Pl,
            Lang::Pl,
            "Tokarka CNC.",
            "Tokarka.",
            Status::Reviewed
        ));
        assert!(!tm.add(Lang::Pl, Lang::En, " ", "x", Status::Reviewed));
        assert!(tm.is_empty());
        assert!(tm.add(
            Lang::Pl,
            Lang::En,
            "Tokarka  CNC.",
            "CNC lathe.",
            Status::Reviewed
        ));
        assert_eq!(
            tm.lookup(Lang::Pl, Lang::En, "tokarka cnc"),
            Some("CNC lathe.".into())
        );
        assert_eq!(tm.lookup(Lang::Pl, Lang::De, "tokarka cnc"), None);
        assert_eq!(tm.lookup(Lang::Pl, Lang::En, "tokarka"), None);
    }

    #[test]
    fn learns_segment_pairs_from_a_reviewed_correction() {
        let tm = InMemoryTm::new();
        let req = TranslateRequest::new("Mamy tokarkę. Wolne od maja.", Lang::Pl, Lang::En);
        let base = Translation::untranslated(&req, "builtin");
        assert_eq!(
            tm.learn(&base.corrected("We have a lathe. Free from May.", false)),
            0
        );
        assert_eq!(
            tm.learn(&base.corrected("We have a lathe. Free from May.", true)),
            2
        );
        assert_eq!(
            tm.lookup(Lang::Pl, Lang::En, "Wolne od maja."),
            Some("Free from May.".into())
        );
        // Different segment counts: stored whole.
        let tm = InMemoryTm::new();
        assert_eq!(
            tm.learn(&base.corrected("We have a lathe, free from May.", true)),
            1
        );
        assert!(
            tm.lookup(Lang::Pl, Lang::En, "Mamy tokarkę. Wolne od maja.")
                .is_some()
        );
    }
}
