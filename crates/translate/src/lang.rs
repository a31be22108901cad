//! The portal's working languages.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::TranslateError;

/// One of the 11 working languages, ISO 639-1. The set and its order are those of
/// [`klaster_refdata::WORKING_LANGUAGES`] (a test keeps the two in step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Pl,
    En,
    De,
    Ru,
    It,
    Be,
    Uk,
    Cs,
    Hu,
    Ro,
    Bg,
}

impl Lang {
    /// All working languages in the project's preferred order.
    pub const ALL: [Lang; 11] = [
        Lang::Pl,
        Lang::En,
        Lang::De,
        Lang::Ru,
        Lang::It,
        Lang::Be,
        Lang::Uk,
        Lang::Cs,
        Lang::Hu,
        Lang::Ro,
        Lang::Bg,
    ];

    /// ISO 639-1 code, lower case.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ru => "ru",
            Lang::It => "it",
            Lang::Be => "be",
            Lang::Uk => "uk",
            Lang::Cs => "cs",
            Lang::Hu => "hu",
            Lang::Ro => "ro",
            Lang::Bg => "bg",
        }
    }

    /// Position in [`Lang::ALL`]; data tables are indexed by it.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Accepts "pl", "PL", "pl-PL", "pl_PL"; anything that is not a working language is `None`.
    /// The tag is checked against `klaster_refdata::languages` so both crates agree on the set.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lang = klaster_refdata::languages::get(tag)?;
        if !lang.is_working() {
            return None;
        }
        Lang::ALL.into_iter().find(|l| l.code() == lang.code)
    }

    /// The language's own name ("polski", "Deutsch"), from CLDR via refdata.
    pub fn autonym(self) -> &'static str {
        self.name_in(self)
    }

    /// The language's name in `ui` ("Polnisch" for Polish in German).
    pub fn name_in(self, ui: Lang) -> &'static str {
        klaster_refdata::languages::get(self.code())
            .map(|l| l.name(ui.code()))
            .unwrap_or(self.code())
    }

    /// The configured working set when none is given: all eleven.
    pub fn defaults() -> Vec<Lang> {
        Lang::ALL.to_vec()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = TranslateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| {
            TranslateError::permanent(
                crate::error::PermanentKind::UnsupportedLanguage,
                format!(
                    "not a working language: {:?}",
                    s.chars().take(16).collect::<String>()
                ),
            )
        })
    }
}

/// Parses a configured list of working languages ("pl,en,de"), keeping order and dropping
/// duplicates; an unknown code is an error so a typo in configuration is not silently ignored.
pub fn parse_list(list: &str) -> Result<Vec<Lang>, TranslateError> {
    let mut out = Vec::new();
    for part in list.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
        let l: Lang = part.parse()?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_set_and_order_as_refdata() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, klaster_refdata::WORKING_LANGUAGES);
        for (i, l) in Lang::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(Lang::parse(l.code()), Some(*l));
        }
    }

    #[test]
    fn parses_tags_and_rejects_others() {
        assert_eq!(Lang::parse("pl-PL"), Some(Lang::Pl));
        assert_eq!(Lang::parse(" UK "), Some(Lang::Uk));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("ąę"), None);
        assert_eq!(Lang::parse(&"x".repeat(10_000)), None);
        assert!("xx".parse::<Lang>().is_err());
    }

    #[test]
    fn names_come_from_cldr() {
        assert_eq!(Lang::Pl.autonym(), "polski");
        assert_eq!(Lang::Pl.name_in(Lang::De), "Polnisch");
    }

    #[test]
    fn list_parsing() {
        assert_eq!(
            parse_list("pl, en,pl;de").unwrap(),
            vec![Lang::Pl, Lang::En, Lang::De]
        );
        assert!(parse_list("pl,fr").is_err());
        assert!(parse_list("").unwrap().is_empty());
    }
}
