//! Languages: ISO 639-1 two-letter codes with English names; the working languages also carry
//! Unicode CLDR 48 names in each working language.

use std::sync::LazyLock;

use serde::Serialize;

use crate::{Names, WORKING_LANGUAGES, lang_columns, leak, names_from, read_csv};

pub(crate) const ISO_DATA: &str = include_str!("../data/iso639_1.csv");
pub(crate) const NAMES_DATA: &str = include_str!("../data/language_names_cldr48.csv");

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    /// ISO 639-1.
    pub code: &'static str,
    pub name_en: &'static str,
    #[serde(skip)]
    names: Option<Names>,
}

impl Language {
    /// CLDR name in `lang` for the working languages ("polski", "Polnisch"), else `name_en`.
    pub fn name(&self, lang: &str) -> &'static str {
        match (&self.names, crate::lang_index(lang)) {
            (Some(n), Some(i)) if !n[i].is_empty() => n[i],
            _ => self.name_en,
        }
    }

    /// Whether this is one of [`WORKING_LANGUAGES`].
    pub fn is_working(&self) -> bool {
        WORKING_LANGUAGES.contains(&self.code)
    }
}

pub(crate) static TABLE: LazyLock<Vec<Language>> = LazyLock::new(|| {
    let (nh, nrows) = read_csv(NAMES_DATA);
    let cols = lang_columns(&nh, "in_");
    let (_, rows) = read_csv(ISO_DATA);
    let mut v: Vec<Language> = rows
        .iter()
        .map(|r| Language {
            code: leak(&r[0]),
            name_en: leak(&r[1]),
            names: nrows
                .iter()
                .find(|n| n[0] == r[0])
                .map(|n| names_from(n, &cols)),
        })
        .collect();
    v.sort_by_key(|l| l.code);
    v
});

/// All ISO 639-1 languages sorted by code (184, including the deprecated "sh").
pub fn all() -> &'static [Language] {
    &TABLE
}

/// Case-insensitive, trimmed lookup; language tags ("pl-PL", "pl_PL") resolve to the language.
pub fn get(code: &str) -> Option<&'static Language> {
    let primary = crate::primary_subtag(code)?;
    if primary.len() != 2 {
        return None;
    }
    let t = &*TABLE;
    t.binary_search_by(|l| cmp_ignore_case(l.code, primary))
        .ok()
        .map(|i| &t[i])
}

fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Whether `code` (or the primary subtag of a tag like "pl-PL") is a working language.
pub fn is_working(code: &str) -> bool {
    crate::lang_index(code).is_some()
}
