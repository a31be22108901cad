//! The field's termbase: offer kinds, units, certifications, structured-field labels and
//! phrases written for Klaster in all 11 languages (`data/*.toml`), plus NACE titles and country
//! names from `klaster_refdata`.

use std::collections::HashMap;
use std::sync::LazyLock;

use klaster_refdata::{countries, nace};

use crate::lang::Lang;
use crate::segment::normalize;

/// The embedded data files (name, content); each holds `[category.id]` tables with one key per
/// working language.
pub const FILES: &[(&str, &str)] = &[
    ("kinds.toml", include_str!("../data/kinds.toml")),
    ("units.toml", include_str!("../data/units.toml")),
    (
        "certifications.toml",
        include_str!("../data/certifications.toml"),
    ),
    ("labels.toml", include_str!("../data/labels.toml")),
    ("phrases.toml", include_str!("../data/phrases.toml")),
    ("technology.toml", include_str!("../data/technology.toml")),
];

/// One term: its key ("label.deadline") and its text in each working language
/// (indexed by [`Lang::index`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub key: String,
    pub texts: [String; 11],
}

/// What a normalised source string can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Term(usize),
    Nace(&'static nace::NaceCode),
    Country(&'static countries::Country),
}

#[derive(Debug, Default)]
pub struct Termbase {
    terms: Vec<Term>,
    by_key: HashMap<String, usize>,
    /// (source language, normalised text) -> everything that text may mean.
    index: HashMap<(Lang, String), Vec<Hit>>,
}

static TERMBASE: LazyLock<Termbase> = LazyLock::new(|| {
    Termbase::load().unwrap_or_else(|e| {
        // Only a broken build can get here (the data is embedded and tested); keep serving
        // with NACE and countries rather than failing every translation.
        tracing::error!(error = %e, "termbase data is invalid; using refdata only");
        Termbase::from_terms(Vec::new())
    })
});

/// The shared, embedded termbase (parsed on first use).
pub fn termbase() -> &'static Termbase {
    &TERMBASE
}

impl Termbase {
    /// Parses the embedded files; every term must have a non-empty text in all 11 languages.
    pub fn load() -> Result<Termbase, String> {
        let mut terms = Vec::new();
        for (name, data) in FILES {
            parse_file(data, &mut terms).map_err(|e| format!("{name}: {e}"))?;
        }
        let mut seen = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            if let Some(prev) = seen.insert(t.key.clone(), i) {
                return Err(format!("duplicate key {} (entries {prev} and {i})", t.key));
            }
        }
        Ok(Self::from_terms(terms))
    }

    fn from_terms(terms: Vec<Term>) -> Termbase {
        let mut tb = Termbase {
            by_key: terms
                .iter()
                .enumerate()
                .map(|(i, t)| (t.key.clone(), i))
                .collect(),
            terms,
            index: HashMap::new(),
        };
        let mut add = |lang: Lang, text: &str, hit: Hit| {
            let n = normalize(text);
            if !n.is_empty() {
                let hits = tb.index.entry((lang, n)).or_default();
                if !hits.contains(&hit) {
                    hits.push(hit);
                }
            }
        };
        for (i, t) in tb.terms.iter().enumerate() {
            for l in Lang::ALL {
                add(l, &t.texts[l.index()], Hit::Term(i));
            }
        }
        for code in nace::all() {
            for l in Lang::ALL.into_iter().filter(|l| code.has_title(l.code())) {
                add(l, code.title(l.code()), Hit::Nace(code));
            }
        }
        for c in countries::all() {
            for l in Lang::ALL {
                add(l, c.name(l.code()), Hit::Country(c));
            }
        }
        tb
    }

    /// All terms of the data files, in file order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The text of `key` in `lang`, if the key exists.
    pub fn get(&self, key: &str, lang: Lang) -> Option<&str> {
        self.by_key
            .get(key)
            .map(|&i| self.terms[i].texts[lang.index()].as_str())
    }

    /// Translates a whole segment if it is exactly (after [`normalize`]) a term, a NACE title
    /// or a country name in `source`, and that entry has a text of its own in `target`.
    /// A string that means different things with different translations is not translated.
    /// Unit symbols count only when nothing else matches ("Pallets" is the unit's name, not
    /// its symbol, although English writes both alike).
    pub fn lookup(&self, text: &str, source: Lang, target: Lang) -> Option<&str> {
        self.lookup_where(text, source, target, |k| !is_symbol(k))
            .or_else(|| self.unit_symbol(text, source, target))
    }

    /// Like [`Self::lookup`] but among unit symbols only (the unit after a number).
    pub fn unit_symbol(&self, text: &str, source: Lang, target: Lang) -> Option<&str> {
        self.lookup_where(text, source, target, is_symbol)
    }

    fn lookup_where(
        &self,
        text: &str,
        source: Lang,
        target: Lang,
        keep: impl Fn(&str) -> bool,
    ) -> Option<&str> {
        let hits = self.index.get(&(source, normalize(text)))?;
        let mut found: Option<&str> = None;
        for hit in hits {
            let key = match hit {
                Hit::Term(i) => self.terms[*i].key.as_str(),
                Hit::Nace(_) => "nace",
                Hit::Country(_) => "country",
            };
            if !keep(key) {
                continue;
            }
            let t = self.target_text(*hit, target)?;
            match found {
                Some(f) if f != t => return None,
                _ => found = Some(t),
            }
        }
        found
    }

    fn target_text(&self, hit: Hit, target: Lang) -> Option<&str> {
        match hit {
            Hit::Term(i) => Some(self.terms[i].texts[target.index()].as_str()),
            // NACE has no Belarusian or Ukrainian titles: the English fallback is no translation.
            Hit::Nace(c) => c.has_title(target.code()).then(|| c.title(target.code())),
            Hit::Country(c) => Some(c.name(target.code())),
        }
    }
}

fn is_symbol(key: &str) -> bool {
    key.starts_with("unit_sym.")
}

fn parse_file(data: &str, out: &mut Vec<Term>) -> Result<(), String> {
    let table: toml::Table = toml::from_str(data).map_err(|e| e.to_string())?;
    for (category, items) in &table {
        let items = items
            .as_table()
            .ok_or_else(|| format!("[{category}] is not a table"))?;
        for (id, langs) in items {
            let key = format!("{category}.{id}");
            let langs = langs
                .as_table()
                .ok_or_else(|| format!("[{key}] is not a table"))?;
            let mut texts: [String; 11] = Default::default();
            for (code, value) in langs {
                let lang = Lang::parse(code)
                    .filter(|l| l.code() == code)
                    .ok_or_else(|| format!("[{key}] unknown language {code:?}"))?;
                let text = value
                    .as_str()
                    .ok_or_else(|| format!("[{key}] {code} is not a string"))?;
                if text.trim().is_empty() || text.trim() != text {
                    return Err(format!("[{key}] {code} is empty or padded"));
                }
                texts[lang.index()] = text.to_owned();
            }
            if let Some(missing) = Lang::ALL.iter().find(|l| texts[l.index()].is_empty()) {
                return Err(format!("[{key}] has no {missing} text"));
            }
            out.push(Term { key, texts });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_in_every_language() {
        let tb = Termbase::load().expect("embedded termbase must parse");
        assert!(tb.terms().len() >= 120, "{} terms", tb.terms().len());
        for t in tb.terms() {
            for l in Lang::ALL {
                let s = &t.texts[l.index()];
                assert!(!s.trim().is_empty(), "{} {l}", t.key);
                // Cyrillic languages must not carry Latin words by mistake, and vice versa,
                // except for codes and symbols (NACE, CE, know-how, m²...).
                let cyr = matches!(l, Lang::Ru | Lang::Be | Lang::Uk | Lang::Bg);
                let words = s
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.chars().count() > 3);
                for w in words {
                    let is_cyr = w.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c));
                    let allowed = ["NACE", "know", "how"].contains(&w);
                    assert!(allowed || is_cyr == cyr, "{} {l}: script of {w:?}", t.key);
                }
            }
        }
    }

    #[test]
    fn offer_kinds_and_units_are_complete() {
        let tb = termbase();
        for kind in crate::render::OfferKind::ALL {
            assert!(tb.get(kind.key(), Lang::Bg).is_some(), "{kind:?}");
        }
        for unit in crate::render::Unit::ALL {
            assert!(tb.get(&unit.key(), Lang::Hu).is_some(), "{unit:?}");
            assert!(tb.get(&unit.symbol_key(), Lang::Hu).is_some(), "{unit:?}");
        }
    }

    #[test]
    fn whole_segment_lookup() {
        let tb = termbase();
        assert_eq!(
            tb.lookup("termin realizacji:", Lang::Pl, Lang::En),
            Some("Deadline")
        );
        assert_eq!(
            tb.lookup("Rysunki w załączeniu.", Lang::Pl, Lang::De),
            Some("Zeichnungen beigefügt")
        );
        assert_eq!(tb.lookup("Polska", Lang::Pl, Lang::It), Some("Polonia"));
        // NACE: 25.11 in Polish -> German, but not into Ukrainian (no official title there).
        let pl = nace::get("25.11").unwrap().title("pl");
        assert_eq!(
            tb.lookup(pl, Lang::Pl, Lang::De),
            Some(nace::get("25.11").unwrap().title("de"))
        );
        assert_eq!(tb.lookup(pl, Lang::Pl, Lang::Uk), None);
        assert_eq!(
            tb.lookup("Termin realizacji jutro", Lang::Pl, Lang::En),
            None
        );
        assert_eq!(tb.lookup("", Lang::Pl, Lang::En), None);
        // English writes the name and the symbol of pallets alike: the name wins a whole
        // segment, the symbol follows a number.
        assert_eq!(tb.lookup("Pallets", Lang::En, Lang::Pl), Some("Palety"));
        assert_eq!(tb.unit_symbol("pallets", Lang::En, Lang::Pl), Some("pal."));
        assert_eq!(tb.lookup("szt.", Lang::Pl, Lang::En), Some("pcs"));
    }

    #[test]
    fn ambiguous_strings_are_not_translated() {
        let mk = |key: &str, pl: &str, en: &str| Term {
            key: key.into(),
            texts: std::array::from_fn(|i| if i == 0 { pl.into() } else { en.into() }),
        };
        let tb = Termbase::from_terms(vec![
            mk("a.x", "Zamek", "Lock"),
            mk("a.y", "Zamek", "Castle"),
        ]);
        assert_eq!(tb.lookup("Zamek", Lang::Pl, Lang::En), None);
        let tb = Termbase::from_terms(vec![mk("a.x", "Zamek", "Lock"), mk("a.y", "Zamek", "Lock")]);
        assert_eq!(tb.lookup("Zamek", Lang::Pl, Lang::En), Some("Lock"));
    }

    #[test]
    fn malformed_files_are_rejected() {
        let mut v = Vec::new();
        assert!(
            parse_file("[a.b]\npl = \"x\"\n", &mut v)
                .unwrap_err()
                .contains("no en")
        );
        assert!(parse_file("[a.b]\nfr = \"x\"\n", &mut v).is_err());
        assert!(parse_file("[a.b]\npl = \" \"\n", &mut v).is_err());
        assert!(parse_file("a = 1", &mut v).is_err());
        assert!(parse_file("[[", &mut v).is_err());
    }
}
