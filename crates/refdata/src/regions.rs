//! Regions: NUTS 2021 (all EU-27 codes, levels 0-3) plus Belarus and its ISO 3166-2 regions,
//! which NUTS does not cover, in one namespace.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::{Names, lang_columns, leak, names_from, read_csv};

pub(crate) const NUTS_DATA: &str = include_str!("../data/nuts2021.csv");
pub(crate) const BY_DATA: &str = include_str!("../data/by_regions.csv");
pub(crate) const VOIV_DATA: &str = include_str!("../data/pl_voivodeships.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionScheme {
    Nuts2021,
    Iso3166_2,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// "PL841", "EL30", "BY", "BY-HR".
    pub code: &'static str,
    /// ISO 3166-1 alpha-2 (NUTS "EL" becomes "GR").
    pub country: &'static str,
    /// NUTS level 0-3; for Belarus the country is 0 and the oblasts / Minsk city are 1.
    pub level: u8,
    pub parent: Option<&'static str>,
    pub scheme: RegionScheme,
    #[serde(skip)]
    national: &'static str,
    #[serde(skip)]
    latin: &'static str,
    #[serde(skip)]
    names: Names,
}

impl Region {
    /// The name in `lang`: localized where known (countries, voivodeships, Belarusian regions),
    /// the national name when `lang` is the country's language, else the national name in
    /// Latin script, else the national name.
    pub fn name(&self, lang: &str) -> &'static str {
        if let Some(i) = crate::lang_index(lang)
            && !self.names[i].is_empty()
        {
            return self.names[i];
        }
        let native = national_language(self.country)
            .zip(crate::primary_subtag(lang))
            .is_some_and(|(n, l)| n.eq_ignore_ascii_case(l));
        if native || self.latin.is_empty() {
            self.national
        } else {
            self.latin
        }
    }

    /// The official name in the national language(s), as published by Eurostat
    /// (level 0: the CLDR country name in the national language, English if not a working one).
    pub fn national_name(&self) -> &'static str {
        self.national
    }

    /// The parent region, if any.
    pub fn parent_region(&self) -> Option<&'static Region> {
        self.parent.and_then(exact)
    }
}

/// The main national language of a NUTS / Belarus country, for choosing the national name.
fn national_language(country: &str) -> Option<&'static str> {
    Some(match country {
        "PL" => "pl",
        "DE" | "AT" => "de",
        "IT" => "it",
        "CZ" => "cs",
        "HU" => "hu",
        "RO" => "ro",
        "BG" => "bg",
        "GR" | "CY" => "el",
        "BY" => "be",
        "SK" => "sk",
        "SI" => "sl",
        "HR" => "hr",
        "FR" => "fr",
        "ES" => "es",
        "PT" => "pt",
        "NL" => "nl",
        "DK" => "da",
        "SE" => "sv",
        "FI" => "fi",
        "EE" => "et",
        "LV" => "lv",
        "LT" => "lt",
        _ => return None,
    })
}

/// A Polish voivodeship (województwo) with its codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Voivodeship {
    /// TERYT code, "02".."32".
    pub teryt: &'static str,
    /// ISO 3166-2, "PL-02".
    pub iso: &'static str,
    /// NUTS 2021 level-2 regions covering it (Mazowieckie = PL91 + PL92).
    pub nuts2: &'static [&'static str],
    /// The TERYT name, "dolnośląskie".
    pub name_pl: &'static str,
    #[serde(skip)]
    names: Names,
}

impl Voivodeship {
    /// Localized name ("województwo dolnośląskie", "Lower Silesia"), English fallback.
    pub fn name(&self, lang: &str) -> &'static str {
        crate::pick(&self.names, lang)
    }
}

pub(crate) struct Table {
    regions: Vec<Region>,
    index: HashMap<&'static str, usize>,
    voivodeships: Vec<Voivodeship>,
}

pub(crate) static TABLE: LazyLock<Table> = LazyLock::new(build);

fn build() -> Table {
    let (vh, vrows) = read_csv(VOIV_DATA);
    let vcols = lang_columns(&vh, "name_");
    let voivodeships: Vec<Voivodeship> = vrows
        .iter()
        .map(|r| Voivodeship {
            teryt: leak(&r[0]),
            iso: leak(&r[1]),
            nuts2: Box::leak(
                r[2].split('+')
                    .map(leak)
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            name_pl: leak(&r[3]),
            names: names_from(r, &vcols),
        })
        .collect();

    let country_names = |alpha2: &str| crate::countries::get(alpha2).map(|c| c.names);

    let (_, rows) = read_csv(NUTS_DATA);
    let mut regions: Vec<Region> = Vec::with_capacity(rows.len() + 8);
    for r in &rows {
        let code = leak(&r[0]);
        let country = if &r[1] == "EL" { "GR" } else { leak(&r[1]) };
        let level: u8 = r[2].parse().unwrap_or(0);
        let mut region = Region {
            code,
            country,
            level,
            parent: (level > 0).then(|| &code[..code.len() - 1]),
            scheme: RegionScheme::Nuts2021,
            national: leak(&r[3]),
            latin: leak(&r[4]),
            names: [""; 11],
        };
        if level == 0 {
            // NUTS names a country by its code only; use CLDR names instead.
            if let Some(names) = country_names(country) {
                region.names = names;
                region.national = native_name(country, &names);
                region.latin = names[crate::EN];
            }
        } else if let Some(v) = voivodeships.iter().find(|v| v.nuts2 == [code]) {
            // Only NUTS 2 regions that coincide with a whole voivodeship (not PL91/PL92).
            region.names = v.names;
        }
        regions.push(region);
    }

    if let Some(names) = country_names("BY") {
        regions.push(Region {
            code: "BY",
            country: "BY",
            level: 0,
            parent: None,
            scheme: RegionScheme::Iso3166_2,
            national: native_name("BY", &names),
            latin: names[crate::EN],
            names,
        });
    }
    let (bh, brows) = read_csv(BY_DATA);
    let bcols = lang_columns(&bh, "");
    for r in &brows {
        let names = names_from(r, &bcols);
        regions.push(Region {
            code: leak(&r[0]),
            country: "BY",
            level: 1,
            parent: Some("BY"),
            scheme: RegionScheme::Iso3166_2,
            national: leak(&r[1]),
            latin: names[crate::EN],
            names,
        });
    }

    let index = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code, i))
        .collect();
    Table {
        regions,
        index,
        voivodeships,
    }
}

/// Country name in its own language when that is a working language, else English.
fn native_name(country: &str, names: &Names) -> &'static str {
    national_language(country)
        .and_then(crate::lang_index)
        .map(|i| names[i])
        .filter(|n| !n.is_empty())
        .unwrap_or(names[crate::EN])
}

fn exact(code: &str) -> Option<&'static Region> {
    let t = &*TABLE;
    t.index.get(code).map(|&i| &t.regions[i])
}

/// NUTS 2021 codes (1,608) followed by Belarus and its 7 regions, in source order.
pub fn all() -> &'static [Region] {
    &TABLE.regions
}

/// Case-insensitive, trimmed lookup. "GR" is accepted for the NUTS country code "EL".
pub fn get(code: &str) -> Option<&'static Region> {
    let mut buf = [0u8; crate::MAX_CODE_INPUT];
    let s = crate::upper_ascii(code, &mut buf)?;
    exact(if s == "GR" { "EL" } else { s })
}

/// Whether `code` is `prefix` or lies below it ("PL841" under "PL84", "PL8", "PL";
/// "BY-HR" under "BY"). False when either is unknown.
pub fn is_under(code: &str, prefix: &str) -> bool {
    match (get(code), get(prefix)) {
        (Some(c), Some(p)) => {
            std::iter::successors(Some(c), |r| r.parent_region()).any(|r| r.code == p.code)
        }
        _ => false,
    }
}

/// Whether region `code` lies in `country` (ISO alpha-2; "EL" and "UK" aliases accepted).
pub fn in_country(code: &str, country: &str) -> bool {
    match (get(code), crate::countries::get(country)) {
        (Some(r), Some(c)) => r.country == c.code,
        _ => false,
    }
}

/// All 16 voivodeships, in TERYT order.
pub fn voivodeships() -> &'static [Voivodeship] {
    &TABLE.voivodeships
}

/// The voivodeship for a TERYT code ("02"), ISO 3166-2 code ("PL-02"), TERYT name
/// ("dolnośląskie", case-insensitive) or a NUTS code that lies within exactly one
/// voivodeship ("PL51", "PL514", "PL91", "PL9").
pub fn voivodeship(code: &str) -> Option<Voivodeship> {
    let vs = voivodeships();
    let s = code.trim();
    if s.len() > crate::MAX_CODE_INPUT * 2 {
        return None;
    }
    if let Some(v) = vs.iter().find(|v| {
        v.teryt == s
            || v.iso.eq_ignore_ascii_case(s)
            || v.name_pl.to_lowercase() == s.to_lowercase()
    }) {
        return Some(*v);
    }
    let r = get(s).filter(|r| r.country == "PL" && r.level > 0)?;
    if r.level >= 2 {
        let nuts2 = &r.code[..4];
        return vs.iter().find(|v| v.nuts2.contains(&nuts2)).copied();
    }
    // A NUTS 1 macroregion counts only if it is exactly one voivodeship (PL9 = Mazowieckie).
    let mut hits = vs
        .iter()
        .filter(|v| v.nuts2.iter().any(|n| n.starts_with(r.code)));
    match (hits.next(), hits.next()) {
        (Some(v), None) if v.nuts2.iter().all(|n| n.starts_with(r.code)) => {
            // ...and the macroregion holds nothing else.
            let mut others = all()
                .iter()
                .filter(|x| x.level == 2 && x.parent == Some(r.code));
            others.all(|x| v.nuts2.contains(&x.code)).then_some(*v)
        }
        _ => None,
    }
}
