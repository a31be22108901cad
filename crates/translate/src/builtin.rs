//! The built-in engine: no network, no model. Translation memory and termbase, segment by
//! segment; whatever neither knows stays in the original and is marked `Untranslated`.

use std::sync::Arc;

use crate::error::TranslateError;
use crate::lang::Lang;
use crate::memory::{NoMemory, TranslationMemory};
use crate::model::{Origin, Segment, Status, TranslateRequest, Translation};
use crate::port::{LanguageSupport, Translator};
use crate::segment::{match_case, split, trailing_punct};
use crate::termbase::{Termbase, termbase};

pub const NAME: &str = "builtin";

#[derive(Clone)]
pub struct Builtin {
    memory: Arc<dyn TranslationMemory>,
    termbase: &'static Termbase,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builtin").finish_non_exhaustive()
    }
}

impl Default for Builtin {
    fn default() -> Self {
        Self::new(Arc::new(NoMemory))
    }
}

impl Builtin {
    pub fn new(memory: Arc<dyn TranslationMemory>) -> Self {
        Self {
            memory,
            termbase: termbase(),
        }
    }

    /// Translates synchronously (nothing here waits on I/O).
    pub fn translate_now(&self, req: &TranslateRequest) -> Translation {
        if req.source == req.target {
            let seg = Segment {
                source: req.text.clone(),
                text: req.text.clone(),
                status: Status::Human,
                origin: Origin::Original,
            };
            return Translation::from_segments(req.source, req.target, NAME, vec![seg]);
        }
        let segments = split(&req.text)
            .into_iter()
            .map(|p| {
                let mut seg = self.segment(p.core, req.source, req.target);
                seg.source.push_str(p.trailing);
                seg.text.push_str(p.trailing);
                seg
            })
            .collect();
        Translation::from_segments(req.source, req.target, NAME, segments)
    }

    fn segment(&self, core: &str, source: Lang, target: Lang) -> Segment {
        let done = |text: String, status, origin| Segment {
            source: core.to_owned(),
            text,
            status,
            origin,
        };
        if !core.chars().any(char::is_alphabetic) {
            // Numbers, codes in digits, punctuation: the same in every language.
            return done(core.to_owned(), Status::Untranslated, Origin::Original);
        }
        if let Some(t) = self.memory.lookup(source, target, core) {
            return done(t, Status::Reviewed, Origin::Memory);
        }
        if let Some(t) = self.value(core, source, target) {
            return done(t, Status::Human, Origin::Termbase);
        }
        if let Some(t) = self.label_value(core, source, target) {
            return done(t, Status::Human, Origin::Termbase);
        }
        Segment::untranslated(core)
    }

    /// "Label: value" where the label is a term and the value translates by [`Self::value`].
    fn label_value(&self, core: &str, source: Lang, target: Lang) -> Option<String> {
        let (label, value) = core.split_once(':')?;
        let label_t = self.termbase.lookup(label, source, target)?;
        let value_t = self.value(value.trim(), source, target)?;
        Some(format!("{}: {value_t}", match_case(label, label_t)))
    }

    /// A value that translates from data alone: no letters, a whole term, "<number> <term>"
    /// ("500 szt."), or a list of those separated by commas ("Niemcy, Czechy").
    fn value(&self, v: &str, source: Lang, target: Lang) -> Option<String> {
        if v.contains([',', ';']) {
            let mut out = String::with_capacity(v.len());
            for (i, item) in v.split_inclusive([',', ';']).enumerate() {
                let (body, sep) = match item.strip_suffix([',', ';']) {
                    Some(b) => (b, &item[b.len()..]),
                    None => (item, ""),
                };
                let lead = &body[..body.len() - body.trim_start().len()];
                let t = self.item(body.trim(), source, target)?;
                out.push_str(if i == 0 { "" } else { lead });
                out.push_str(&t);
                out.push_str(sep);
            }
            return Some(out);
        }
        self.item(v.trim(), source, target)
    }

    fn item(&self, v: &str, source: Lang, target: Lang) -> Option<String> {
        if !v.chars().any(char::is_alphabetic) {
            return Some(v.to_owned());
        }
        if let Some(t) = self.termbase.lookup(v, source, target) {
            // Put back the source's end punctuation, unless the term has its own ("Stk.").
            let punct = if trailing_punct(t).is_empty() {
                trailing_punct(v)
            } else {
                ""
            };
            return Some(format!("{}{punct}", match_case(v, t)));
        }
        // "<number> <unit>": the unit symbols are terms (unit_sym.*); their own end dot
        // ("szt.") is part of the symbol, so no punctuation is carried over.
        let (num, rest) = v.split_once(char::is_whitespace)?;
        if num.chars().any(char::is_alphabetic) || !num.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let unit = self.termbase.unit_symbol(rest.trim(), source, target)?;
        Some(format!("{num} {unit}"))
    }
}

impl Translator for Builtin {
    fn name(&self) -> &str {
        NAME
    }

    async fn translate(&self, req: &TranslateRequest) -> Result<Translation, TranslateError> {
        Ok(self.translate_now(req))
    }

    async fn languages(&self) -> Result<Vec<LanguageSupport>, TranslateError> {
        Ok(LanguageSupport::all_pairs(&Lang::ALL))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::InMemoryTm;

    fn engine_with_tm() -> Builtin {
        let tm = InMemoryTm::new();
        tm.add(
            Lang::Pl,
            Lang::En,
            "Szukamy firmy do cięcia laserem blach do 10 mm.",
            "We are looking for a company to laser-cut sheet metal up to 10 mm.",
            Status::Reviewed,
        );
        Builtin::new(Arc::new(tm))
    }

    fn tr(e: &Builtin, text: &str, s: Lang, t: Lang) -> Translation {
        e.translate_now(&TranslateRequest::new(text, s, t))
    }

    #[test]
    fn memory_hit_is_reviewed() {
        let t = tr(
            &engine_with_tm(),
            "Szukamy firmy do cięcia laserem blach do 10 mm.",
            Lang::Pl,
            Lang::En,
        );
        assert_eq!(
            t.text,
            "We are looking for a company to laser-cut sheet metal up to 10 mm."
        );
        assert_eq!(t.status, Status::Reviewed);
        assert_eq!(t.segments[0].origin, Origin::Memory);
        assert!(t.is_complete());
    }

    #[test]
    fn termbase_hits_labels_values_units_and_countries() {
        let e = Builtin::default();
        let text = "Rysunki w załączeniu.\nIlość: 500 szt.\nKraje docelowe: Niemcy, Czechy\nTermin realizacji: 30.06.2027";
        let t = tr(&e, text, Lang::Pl, Lang::En);
        assert_eq!(
            t.text,
            "Drawings attached.\nQuantity: 500 pcs\nTarget countries: Germany, Czechia\nDeadline: 30.06.2027"
        );
        assert_eq!(t.status, Status::Human);
        assert!(t.is_complete());
        assert_eq!(
            tr(&e, "Jednostka: szt.", Lang::Pl, Lang::De).status,
            Status::Untranslated
        );
        assert_eq!(
            tr(&e, "szt.", Lang::Pl, Lang::De).text,
            "Stk.",
            "no doubled dot"
        );
        assert_eq!(tr(&e, "Materiały.", Lang::Pl, Lang::De).text, "Werkstoffe.");
        let de = tr(&e, "Quantity: 2 t", Lang::En, Lang::De);
        assert_eq!(de.text, "Menge: 2 t");
        assert_eq!(
            tr(&e, "Quantity: 12 pallets", Lang::En, Lang::It).text,
            "Quantità: 12 pallet"
        );
        let ru = tr(&e, "Menge: 2 t", Lang::De, Lang::Ru);
        assert_eq!(ru.text, "Количество: 2 т");
    }

    #[test]
    fn unknown_text_stays_original_and_marked() {
        let e = engine_with_tm();
        let text = "Szukamy firmy do cięcia laserem blach do 10 mm. Oferujemy też gięcie rur.\nIlość: 20 szt.";
        let t = tr(&e, text, Lang::Pl, Lang::En);
        let marks: Vec<&str> = t.untranslated_segments().map(|s| s.text.trim()).collect();
        assert_eq!(marks, vec!["Oferujemy też gięcie rur."]);
        assert!(
            t.text.contains("Oferujemy też gięcie rur."),
            "kept in the original"
        );
        assert!(t.text.starts_with("We are looking"));
        assert!(t.text.ends_with("Quantity: 20 pcs"));
        assert!(!t.is_complete());
        // The weakest translated part decides: termbase (human) below memory (reviewed).
        assert_eq!(t.status, Status::Human);
        // Joining the sources gives back the input exactly.
        let src: String = t.segments.iter().map(|s| s.source.as_str()).collect();
        assert_eq!(src, text);
    }

    #[test]
    fn nothing_known_means_untranslated_never_pretended() {
        let t = tr(
            &Builtin::default(),
            "Wytwarzamy palety drewniane.",
            Lang::Pl,
            Lang::De,
        );
        assert_eq!(t.status, Status::Untranslated);
        assert_eq!(t.text, "Wytwarzamy palety drewniane.");
        // A label with an unknown value is not half-translated either.
        let t = tr(&Builtin::default(), "Ilość: dużo", Lang::Pl, Lang::De);
        assert_eq!(t.status, Status::Untranslated);
    }

    #[test]
    fn same_language_and_odd_input() {
        let e = Builtin::default();
        let t = tr(&e, "Tekst.", Lang::Pl, Lang::Pl);
        assert_eq!((t.text.as_str(), t.status), ("Tekst.", Status::Human));
        for s in [
            "", "   ", "\n\n", "123", ":", "::: ,,,", "Ilość:", ", ,", "😀",
        ] {
            let t = tr(&e, s, Lang::Pl, Lang::En);
            let src: String = t.segments.iter().map(|s| s.source.as_str()).collect();
            assert_eq!(src, s);
        }
    }

    proptest::proptest! {
        #[test]
        fn never_loses_the_source(s in "[a-zA-Ząęół0-9 .,:;\n]{0,60}|Ilość: [0-9 ,.]{0,8}(szt\\.|t|kg)?|.{0,40}") {
            let t = tr(&Builtin::default(), &s, Lang::Pl, Lang::En);
            let src: String = t.segments.iter().map(|s| s.source.as_str()).collect();
            proptest::prop_assert_eq!(src, s);
            let text: String = t.segments.iter().map(|s| s.text.as_str()).collect();
            proptest::prop_assert_eq!(text, t.text);
        }
    }

    #[test]
    fn nace_titles_translate_where_official_titles_exist() {
        let e = Builtin::default();
        let c = klaster_refdata::nace::get("25.62").unwrap();
        let t = tr(&e, c.title("pl"), Lang::Pl, Lang::Cs);
        assert_eq!(t.text, c.title("cs"));
        let t = tr(&e, c.title("pl"), Lang::Pl, Lang::Be);
        assert_eq!(
            t.status,
            Status::Untranslated,
            "no Belarusian NACE titles: not pretended"
        );
    }
}
