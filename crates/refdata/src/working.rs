//! The portal's working languages as a type: each has its own text version of user content,
//! its own search analyser and its own termbase column, so the crates that handle them share
//! this one enum.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One of the 11 working languages, ISO 639-1, in the order of [`crate::WORKING_LANGUAGES`].
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
        crate::WORKING_LANGUAGES[self.index()]
    }

    /// Position in [`Lang::ALL`]; per-language tables are indexed by it.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Accepts "pl", "PL", "pl-PL", "pl_PL"; anything that is not a working language is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lang = crate::languages::get(tag)?;
        Lang::ALL.into_iter().find(|l| l.code() == lang.code)
    }

    /// The language's own name ("polski", "Deutsch"), from CLDR.
    pub fn autonym(self) -> &'static str {
        self.name_in(self)
    }

    /// The language's name in `ui` ("Polnisch" for Polish in German).
    pub fn name_in(self, ui: Lang) -> &'static str {
        crate::languages::get(self.code())
            .map(|l| l.name(ui.code()))
            .unwrap_or(self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_set_and_order_as_the_working_languages() {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, crate::WORKING_LANGUAGES);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(&l.code().to_uppercase()), Some(l));
        }
        assert_eq!(Lang::parse("pl-PL"), Some(Lang::Pl));
        assert_eq!(Lang::parse(" UK "), Some(Lang::Uk));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("ąę"), None);
        assert_eq!(Lang::parse(&"x".repeat(10_000)), None);
        assert_eq!(Lang::Pl.autonym(), "polski");
        assert_eq!(Lang::Pl.name_in(Lang::De), "Polnisch");
    }
}
