//! The portal's working languages: each has its own text field and analyser.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A working language of the portal (ISO 639-1).
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

    /// Lenient: case-insensitive, accepts a region subtag ("pl-PL", "en_GB").
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| crate::Error::UnknownLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_leniently() {
        assert_eq!(Lang::parse("PL"), Some(Lang::Pl));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("uk_UA"), Some(Lang::Uk));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::ALL[l.index()], l);
        }
    }
}
