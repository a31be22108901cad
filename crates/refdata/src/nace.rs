//! NACE Rev. 2, the EU statistical classification of economic activities (Eurostat).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::{Names, lang_columns, leak, names_from, read_csv};

pub(crate) const DATA: &str = include_str!("../data/nace_rev2.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NaceLevel {
    Section,
    Division,
    Group,
    Class,
}

impl NaceLevel {
    /// 1 = section ... 4 = class, as in the official tables.
    pub fn depth(self) -> u8 {
        self as u8 + 1
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NaceCode {
    /// Canonical code: "C", "25", "25.1", "25.11".
    pub code: &'static str,
    pub level: NaceLevel,
    pub parent: Option<&'static str>,
    pub section: &'static str,
    #[serde(skip)]
    titles: Names,
}

impl NaceCode {
    /// Official title in `lang`; English when the source has none in that language
    /// (Belarusian, Ukrainian, languages outside the working set, Czech 13.10).
    pub fn title(&self, lang: &str) -> &'static str {
        crate::pick(&self.titles, lang)
    }

    /// Whether the source has a title of its own in `lang` (not the English fallback).
    pub fn has_title(&self, lang: &str) -> bool {
        crate::lang_index(lang).is_some_and(|i| !self.titles[i].is_empty())
    }

    /// Direct children, in official order.
    pub fn children(&self) -> impl Iterator<Item = &'static NaceCode> + use<> {
        let code = self.code;
        all().iter().filter(move |c| c.parent == Some(code))
    }

    /// The parent code, if any.
    pub fn parent_code(&self) -> Option<&'static NaceCode> {
        self.parent.and_then(exact)
    }
}

pub(crate) struct Table {
    codes: Vec<NaceCode>,
    index: HashMap<&'static str, usize>,
}

pub(crate) static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let (headers, rows) = read_csv(DATA);
    let cols = lang_columns(&headers, "");
    let codes: Vec<NaceCode> = rows
        .iter()
        .map(|r| {
            let level = match &r[0] {
                "1" => NaceLevel::Section,
                "2" => NaceLevel::Division,
                "3" => NaceLevel::Group,
                _ => NaceLevel::Class,
            };
            NaceCode {
                code: leak(&r[1]),
                level,
                parent: (!r[2].is_empty()).then(|| leak(&r[2])),
                section: leak(&r[3]),
                titles: names_from(r, &cols),
            }
        })
        .collect();
    let index = codes.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    Table { codes, index }
});

/// All 996 codes in official order (each section followed by its divisions, groups, classes).
pub fn all() -> &'static [NaceCode] {
    &TABLE.codes
}

fn exact(code: &str) -> Option<&'static NaceCode> {
    let t = &*TABLE;
    t.index.get(code).map(|&i| &t.codes[i])
}

/// Lenient lookup: "25.11", "2511", "25.1", "251", "25", "C", "c", " 25.11 ",
/// PKD 2007 subclasses "25.11.Z" / "2511Z" (-> 25.11), a leading section letter
/// "C25.11" / "C 25.11" (must match), and a division that lost its leading zero ("1.11" -> 01.11).
pub fn get(code: &str) -> Option<&'static NaceCode> {
    let mut buf = [0u8; crate::MAX_CODE_INPUT];
    let s = crate::upper_ascii(code, &mut buf)?;
    let b = s.as_bytes();

    if b.len() == 1 && b[0].is_ascii_alphabetic() {
        return exact(s);
    }

    // A leading section letter followed by a numeric code.
    let (section, rest) = match b[0] {
        c if c.is_ascii_alphabetic() => (Some(&s[..1]), s[1..].trim_start_matches([' ', '.', '-'])),
        _ => (None, s),
    };
    // PKD subclass letter: "25.11.Z" / "2511Z".
    let rest = match rest.as_bytes().last() {
        Some(c) if c.is_ascii_alphabetic() => rest[..rest.len() - 1].trim_end_matches('.'),
        _ => rest,
    };

    let mut canon = [0u8; 5];
    let len = numeric_canonical(rest, &mut canon)?;
    let found = exact(std::str::from_utf8(&canon[..len]).ok()?)?;
    match section {
        Some(sec) if sec != found.section => None,
        _ => Some(found),
    }
}

/// Canonical "dd", "dd.d" or "dd.dd" from digits with an optional single dot after the division.
fn numeric_canonical(s: &str, out: &mut [u8; 5]) -> Option<usize> {
    let b = s.as_bytes();
    let (div, sub): (&[u8], &[u8]) = match s.find('.') {
        Some(p) => (&b[..p], &b[p + 1..]),
        None if b.len() >= 2 => (&b[..2], &b[2..]),
        None => (b, &[]),
    };
    let digits = |x: &[u8]| x.iter().all(u8::is_ascii_digit);
    if !digits(div) || !digits(sub) || div.is_empty() || div.len() > 2 || sub.len() > 2 {
        return None;
    }
    // A dot with nothing after it ("25.") is not a code.
    if s.contains('.') && sub.is_empty() {
        return None;
    }
    let (d0, d1) = if div.len() == 1 {
        (b'0', div[0])
    } else {
        (div[0], div[1])
    };
    out[0] = d0;
    out[1] = d1;
    if sub.is_empty() {
        return Some(2);
    }
    out[2] = b'.';
    out[3..3 + sub.len()].copy_from_slice(sub);
    Some(3 + sub.len())
}

/// The canonical code string for a leniently written code, or None if it is not a NACE code.
pub fn normalize(code: &str) -> Option<&'static str> {
    get(code).map(|c| c.code)
}

/// The code itself followed by its parent, grandparent... up to the section.
fn chain(c: &'static NaceCode) -> impl Iterator<Item = &'static NaceCode> {
    std::iter::successors(Some(c), |c| c.parent_code())
}

/// Whether `code` is `prefix` or lies below it ("25.11" under "25.1", "25", "C").
/// False when either is not a NACE code.
pub fn is_under(code: &str, prefix: &str) -> bool {
    match (get(code), get(prefix)) {
        (Some(c), Some(p)) => chain(c).any(|a| a.code == p.code),
        _ => false,
    }
}

/// The code and its ancestors, most specific first: class -> group -> division -> section.
/// Empty for an unknown code.
pub fn ancestors(code: &str) -> Vec<&'static NaceCode> {
    get(code).map(|c| chain(c).collect()).unwrap_or_default()
}

/// Roll-up to a coarser level (25.11 at Division = 25). None for unknown codes or when the
/// code is coarser than `level`.
pub fn at_level(code: &str, level: NaceLevel) -> Option<&'static NaceCode> {
    chain(get(code)?).find(|c| c.level == level)
}
