//! klaster-refdata: official reference classifications embedded in the binary.
//!
//! All tables are compiled in with `include_str!` (nothing is read from disk at run time) and
//! parsed once, on first use, into static tables. Lookups never panic on any input string.
//!
//! Sources and the fixes applied to them are described in `README.md`.
//!
//! ```
//! use klaster_refdata::{countries, languages, nace, regions};
//!
//! let c = nace::get("25.11.Z").unwrap(); // PKD 2007 subclass -> NACE class
//! assert_eq!(c.code, "25.11");
//! assert_eq!(c.title("pl"), "Produkcja konstrukcji metalowych i ich części");
//! assert!(nace::is_under("2511", "C"));
//! assert_eq!(nace::at_level("25.11", nace::NaceLevel::Division).unwrap().code, "25");
//!
//! assert!(regions::is_under("PL841", "PL8"));
//! assert_eq!(regions::get("by-hr").unwrap().name("pl"), "obwód grodzieński");
//! assert_eq!(countries::get("PL").unwrap().name("ru"), "Польша");
//! assert_eq!(languages::get("pl-PL").unwrap().name("de"), "Polnisch");
//! ```

use std::sync::LazyLock;

pub mod countries;
pub mod languages;
pub mod nace;
pub mod regions;
mod working;

pub use working::Lang;

/// The portal's working languages (ISO 639-1), in the project's preferred order.
pub const WORKING_LANGUAGES: [&str; 11] = [
    "pl", "en", "de", "ru", "it", "be", "uk", "cs", "hu", "ro", "bg",
];

/// Versions of the embedded classifications.
pub const VERSIONS: &[(&str, &str)] = &[
    ("nace", "NACE Rev. 2"),
    ("nuts", "NUTS 2021"),
    ("countries", "Unicode CLDR 48"),
    ("languages", "ISO 639-1"),
];

/// Index of English in [`WORKING_LANGUAGES`], the fallback for every localized name.
const EN: usize = 1;

/// Longest input any lookup bothers to look at; longer strings cannot be codes.
const MAX_CODE_INPUT: usize = 32;

/// Localized strings, one slot per working language (same order as [`WORKING_LANGUAGES`]);
/// an empty string means "no name in that language".
type Names = [&'static str; 11];

/// Index of a language in [`WORKING_LANGUAGES`]. Accepts tags like "pl-PL", "pl_PL", "PL".
pub(crate) fn lang_index(lang: &str) -> Option<usize> {
    let primary = primary_subtag(lang)?;
    WORKING_LANGUAGES
        .iter()
        .position(|w| w.eq_ignore_ascii_case(primary))
}

/// The primary subtag of a language tag ("pl" of " pl-PL "), or None if it is implausible.
pub(crate) fn primary_subtag(tag: &str) -> Option<&str> {
    let tag = tag.trim();
    if tag.len() > MAX_CODE_INPUT {
        return None;
    }
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    (!primary.is_empty() && primary.bytes().all(|b| b.is_ascii_alphabetic())).then_some(primary)
}

/// The name in `lang`, falling back to English (names[EN] is always filled).
pub(crate) fn pick(names: &Names, lang: &str) -> &'static str {
    match lang_index(lang) {
        Some(i) if !names[i].is_empty() => names[i],
        _ => names[EN],
    }
}

/// Parsed strings live as long as the program: the tables are built once and never freed,
/// so leaking them is what lets the public structs hand out `&'static str`.
pub(crate) fn leak(s: &str) -> &'static str {
    if s.is_empty() {
        ""
    } else {
        Box::leak(s.to_owned().into_boxed_str())
    }
}

/// Uppercases a short ASCII code into `buf`; None for non-ASCII or over-long input.
pub(crate) fn upper_ascii<'a>(input: &str, buf: &'a mut [u8; MAX_CODE_INPUT]) -> Option<&'a str> {
    let s = input.trim();
    if s.is_empty() || s.len() > buf.len() || !s.is_ascii() {
        return None;
    }
    let out = &mut buf[..s.len()];
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_uppercase();
    std::str::from_utf8(out).ok()
}

/// Reads an embedded CSV; the data is compiled in and checked by the tests, so a parse error
/// is a build defect, not a run-time condition.
pub(crate) fn read_csv(data: &'static str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut rd = csv::ReaderBuilder::new().from_reader(data.as_bytes());
    let headers = rd.headers().expect("embedded CSV header").clone();
    let rows = rd
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("embedded CSV rows");
    (headers, rows)
}

/// Column index of each working language in a CSV header, where columns are `prefix + lang`.
pub(crate) fn lang_columns(headers: &csv::StringRecord, prefix: &str) -> [Option<usize>; 11] {
    WORKING_LANGUAGES.map(|l| {
        headers
            .iter()
            .position(|h| h.strip_prefix(prefix) == Some(l))
    })
}

/// Builds the localized names of one CSV row.
pub(crate) fn names_from(row: &csv::StringRecord, cols: &[Option<usize>; 11]) -> Names {
    cols.map(|c| {
        c.and_then(|c| row.get(c))
            .map(|s| leak(s.trim()))
            .unwrap_or("")
    })
}

/// Forces every table to be parsed now (e.g. at server start) instead of on first lookup.
pub fn init() {
    LazyLock::force(&nace::TABLE);
    LazyLock::force(&regions::TABLE);
    LazyLock::force(&countries::TABLE);
    LazyLock::force(&languages::TABLE);
}

/// Total size in bytes of the embedded data files.
pub fn embedded_size() -> usize {
    nace::DATA.len()
        + regions::NUTS_DATA.len()
        + regions::BY_DATA.len()
        + regions::VOIV_DATA.len()
        + countries::DATA.len()
        + languages::ISO_DATA.len()
        + languages::NAMES_DATA.len()
}

#[cfg(test)]
mod tests;
