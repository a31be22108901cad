//! Countries: ISO 3166-1 alpha-2 codes with Unicode CLDR 48 names in the working languages.
//!
//! CLDR territories that are not countries (EU, EZ, UN, QO, ...) are left out; XK (Kosovo,
//! a user-assigned code in wide use, also by the EU) is kept.

use std::sync::LazyLock;

use serde::Serialize;

use crate::{Names, lang_columns, leak, names_from, read_csv};

pub(crate) const DATA: &str = include_str!("../data/countries_cldr48.csv");

/// EU-27 member states (since 1 February 2020).
const EU: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: &'static str,
    #[serde(skip)]
    pub(crate) names: Names,
}

impl Country {
    /// CLDR name in `lang`, English fallback.
    pub fn name(&self, lang: &str) -> &'static str {
        crate::pick(&self.names, lang)
    }

    pub fn is_eu(&self) -> bool {
        EU.contains(&self.code)
    }
}

pub(crate) static TABLE: LazyLock<Vec<Country>> = LazyLock::new(|| {
    let (headers, rows) = read_csv(DATA);
    let cols = lang_columns(&headers, "");
    let mut v: Vec<Country> = rows
        .iter()
        .map(|r| Country {
            code: leak(&r[0]),
            names: names_from(r, &cols),
        })
        .collect();
    v.sort_by_key(|c| c.code);
    v
});

/// All countries sorted by code.
pub fn all() -> &'static [Country] {
    &TABLE
}

/// Case-insensitive, trimmed lookup; accepts the EU's "EL" for Greece and "UK" for GB.
pub fn get(code: &str) -> Option<&'static Country> {
    let mut buf = [0u8; crate::MAX_CODE_INPUT];
    let s = crate::upper_ascii(code, &mut buf)?;
    let s = match s {
        "EL" => "GR",
        "UK" => "GB",
        s => s,
    };
    let t = &*TABLE;
    t.binary_search_by(|c| c.code.cmp(s)).ok().map(|i| &t[i])
}

/// The EU-27 member states.
pub fn eu() -> impl Iterator<Item = &'static Country> {
    all().iter().filter(|c| c.is_eu())
}
