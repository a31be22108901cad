//! The engine's data-quality warnings and its own notes, typed so that a reader's
//! [`Wording`](crate::wording::Wording) can say them in its language; [`Display`](fmt::Display)
//! is the engine's English (the command line's `warning:` lines, the JSON's `text`).

use std::fmt;

use serde::Serialize;

/// Something the reader should know before taking a number at face value.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The analysed year it concerns (complexity is computed year by year); `None` for the
    /// data set or the parameters as a whole.
    pub year: Option<i32>,
    pub kind: WarningKind,
}

/// What a [`Warning`] is about, with the data its text needs. In JSON the variant is a stable
/// `code` (`missing_cells`) beside its fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum WarningKind {
    /// A category member that matches no industry code (e.g. a class code when the data has
    /// groups: a finer code cannot be cut out of a coarser one).
    UnmatchedMember { category: String, member: String },
    /// A category none of whose members is in the data: left out.
    EmptyCategory { category: String },
    /// Regions without any industry at the presence threshold, left out of ECI/PCI.
    RegionsWithoutPresence { count: usize, threshold: f64 },
    /// Industries present in no region, left out of ECI/PCI.
    IndustriesNowhere { count: usize },
    /// Fewer than two regions or industries with presence: no ECI/PCI.
    TooFewPresent,
    /// The eigenvector iteration stopped above its tolerance.
    NotConverged { residual: f64 },
    /// The region-industry network falls apart (second eigenvalue 1).
    Disconnected,
    /// The second and third eigenvalues nearly tie: ECI/PCI are unstable.
    CloseEigenvalues { second: f64, third: f64 },
    /// Industry codes that contain others: up to three `examples` and how many `more`.
    IndustryOverlap { examples: Vec<Overlap>, more: usize },
    /// Region codes that contain others, as for industries.
    RegionOverlap { examples: Vec<Overlap>, more: usize },
    /// Missing and suppressed cells of the input.
    MissingCells { missing: usize, suppressed: usize },
}

/// One pair of overlapping codes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Overlap {
    /// `whole` is a prefix of `part` (`C10` and `C10.5`, `PL8` and `PL84`).
    Contains { whole: String, part: String },
    /// A NACE section letter next to one of its divisions.
    Section { section: String, part: String },
    /// A code that reads as the total of all industries (`TOTAL`, `_T`).
    Total { code: String },
}

/// How many overlap examples a warning keeps (the text names them, then counts the rest).
pub const OVERLAP_EXAMPLES: usize = 3;

impl WarningKind {
    /// The overlap warning of `pairs`, if any (`region` picks the region variant).
    pub(crate) fn overlap(pairs: Vec<Overlap>, region: bool) -> Option<WarningKind> {
        if pairs.is_empty() {
            return None;
        }
        let more = pairs.len().saturating_sub(OVERLAP_EXAMPLES);
        let mut examples = pairs;
        examples.truncate(OVERLAP_EXAMPLES);
        Some(if region {
            WarningKind::RegionOverlap { examples, more }
        } else {
            WarningKind::IndustryOverlap { examples, more }
        })
    }
}

impl From<WarningKind> for Warning {
    fn from(kind: WarningKind) -> Self {
        Warning { year: None, kind }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(y) = self.year {
            write!(f, "{y}: ")?;
        }
        self.kind.fmt(f)
    }
}

impl fmt::Display for Overlap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Overlap::Contains { whole, part } => write!(f, "'{whole}' contains '{part}'"),
            Overlap::Section { section, part } => {
                write!(f, "section '{section}' contains '{part}'")
            }
            Overlap::Total { code } => write!(f, "'{code}' looks like a total of the others"),
        }
    }
}

/// `a; b; c; 4 more`: the examples of an overlap warning.
fn overlap_list(examples: &[Overlap], more: usize) -> String {
    let mut s: Vec<String> = examples.iter().map(Overlap::to_string).collect();
    if more > 0 {
        s.push(format!("{more} more"));
    }
    s.join("; ")
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use WarningKind::*;
        match self {
            UnmatchedMember { category, member } => write!(
                f,
                "category '{category}': member '{member}' matches no industry code in the data (finer than the data's level?)"
            ),
            EmptyCategory { category } => write!(
                f,
                "category '{category}' left out: none of its members is in the data"
            ),
            RegionsWithoutPresence { count, threshold } => write!(
                f,
                "{count} region(s) without any industry at RCA >= {threshold} left out of ECI/PCI"
            ),
            IndustriesNowhere { count } => write!(
                f,
                "{count} industr(ies) present in no region left out of ECI/PCI"
            ),
            TooFewPresent => f.write_str("fewer than two regions or industries with presence: no ECI/PCI"),
            NotConverged { residual } => {
                write!(f, "eigenvector did not converge (residual {residual:.1e})")
            }
            Disconnected => f.write_str(
                "the region-industry network is disconnected (second eigenvalue 1): ECI separates the components",
            ),
            CloseEigenvalues { second, third } => write!(
                f,
                "second and third eigenvalues nearly equal ({second:.6} vs {third:.6}): ECI/PCI unstable"
            ),
            IndustryOverlap { examples, more } => write!(
                f,
                "industry codes overlap ({}): aggregates and their parts are counted twice; keep one level (--filter, --industry-level)",
                overlap_list(examples, *more)
            ),
            RegionOverlap { examples, more } => write!(
                f,
                "region codes overlap ({}): a region and its parts are counted twice; use --regions or --region-level",
                overlap_list(examples, *more)
            ),
            MissingCells {
                missing,
                suppressed,
            } => write!(
                f,
                "{missing} missing and {suppressed} suppressed cells: their own indicators are empty; totals count them as 0"
            ),
        }
    }
}

/// In JSON: the kind's `code` and fields, the `year` if any, and the English `text`.
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            kind: &'a WarningKind,
            #[serde(skip_serializing_if = "Option::is_none")]
            year: Option<i32>,
            text: String,
        }
        Out {
            kind: &self.kind,
            year: self.year,
            text: self.to_string(),
        }
        .serialize(s)
    }
}

/// A note of a data set that the engine wrote, not the data's author: a reader's wording may
/// say it in its own language (see [`Wording::note`](crate::wording::Wording::note)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineNote<'a> {
    /// The demo's label: generated figures, not official statistics.
    Illustrative,
    /// The demo's description of what it covers.
    DemoScope,
    /// The unit of a Statistics Poland BDL export.
    BdlUnit { unit: &'a str },
}

const BDL_UNIT: (&str, &str) = ("unit: ", " (BDL export)");

/// The note a BDL export's unit becomes.
pub(crate) fn bdl_unit_note(unit: &str) -> String {
    format!("{}{unit}{}", BDL_UNIT.0, BDL_UNIT.1)
}

impl<'a> EngineNote<'a> {
    /// Which engine note `note` is, if it is one.
    pub fn of(note: &'a str) -> Option<EngineNote<'a>> {
        if note.contains("ILLUSTRATIVE") {
            return Some(EngineNote::Illustrative);
        }
        if let Some(unit) = note
            .strip_prefix(BDL_UNIT.0)
            .and_then(|n| n.strip_suffix(BDL_UNIT.1))
        {
            return Some(EngineNote::BdlUnit { unit });
        }
        // The demo's other `#` lines, as the reader keeps them.
        crate::DEMO_CSV
            .lines()
            .map_while(|l| l.strip_prefix('#'))
            .any(|l| l.trim() == note)
            .then_some(EngineNote::DemoScope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs() -> Vec<Overlap> {
        vec![
            Overlap::Contains {
                whole: "PL8".into(),
                part: "PL84".into(),
            },
            Overlap::Section {
                section: "C".into(),
                part: "C10".into(),
            },
            Overlap::Total {
                code: "TOTAL".into(),
            },
            Overlap::Contains {
                whole: "10".into(),
                part: "10.5".into(),
            },
        ]
    }

    /// Every kind in the English the engine wrote when warnings were strings.
    #[test]
    fn each_warning_says_what_the_engine_always_said() {
        use WarningKind::*;
        let cases: Vec<(WarningKind, &str)> = vec![
            (
                UnmatchedMember {
                    category: "dairy".into(),
                    member: "10.511".into(),
                },
                "category 'dairy': member '10.511' matches no industry code in the data (finer than the data's level?)",
            ),
            (
                EmptyCategory {
                    category: "dairy".into(),
                },
                "category 'dairy' left out: none of its members is in the data",
            ),
            (
                RegionsWithoutPresence {
                    count: 2,
                    threshold: 1.0,
                },
                "2 region(s) without any industry at RCA >= 1 left out of ECI/PCI",
            ),
            (
                RegionsWithoutPresence {
                    count: 1,
                    threshold: 1.5,
                },
                "1 region(s) without any industry at RCA >= 1.5 left out of ECI/PCI",
            ),
            (
                IndustriesNowhere { count: 3 },
                "3 industr(ies) present in no region left out of ECI/PCI",
            ),
            (
                TooFewPresent,
                "fewer than two regions or industries with presence: no ECI/PCI",
            ),
            (
                NotConverged { residual: 1.234e-7 },
                "eigenvector did not converge (residual 1.2e-7)",
            ),
            (
                Disconnected,
                "the region-industry network is disconnected (second eigenvalue 1): ECI separates the components",
            ),
            (
                CloseEigenvalues {
                    second: 0.5,
                    third: 0.4999,
                },
                "second and third eigenvalues nearly equal (0.500000 vs 0.499900): ECI/PCI unstable",
            ),
            (
                WarningKind::overlap(pairs(), false).unwrap(),
                "industry codes overlap ('PL8' contains 'PL84'; section 'C' contains 'C10'; 'TOTAL' looks like a total of the others; 1 more): aggregates and their parts are counted twice; keep one level (--filter, --industry-level)",
            ),
            (
                WarningKind::overlap(pairs()[..1].to_vec(), true).unwrap(),
                "region codes overlap ('PL8' contains 'PL84'): a region and its parts are counted twice; use --regions or --region-level",
            ),
            (
                MissingCells {
                    missing: 1,
                    suppressed: 2,
                },
                "1 missing and 2 suppressed cells: their own indicators are empty; totals count them as 0",
            ),
        ];
        for (kind, text) in cases {
            assert_eq!(Warning::from(kind.clone()).to_string(), text);
            let w = Warning {
                year: Some(2020),
                kind,
            };
            assert_eq!(w.to_string(), format!("2020: {text}"));
        }
        assert!(WarningKind::overlap(Vec::new(), true).is_none());
    }

    #[test]
    fn json_has_a_stable_code_the_data_and_the_english_text() {
        let w = Warning {
            year: Some(2020),
            kind: WarningKind::overlap(pairs()[1..2].to_vec(), false).unwrap(),
        };
        assert_eq!(
            serde_json::to_value(&w).unwrap(),
            serde_json::json!({
                "code": "industry_overlap",
                "examples": [{"kind": "section", "section": "C", "part": "C10"}],
                "more": 0,
                "year": 2020,
                "text": w.to_string(),
            })
        );
        let w = Warning::from(WarningKind::TooFewPresent);
        assert_eq!(
            serde_json::to_value(&w).unwrap(),
            serde_json::json!({"code": "too_few_present", "text": w.to_string()})
        );
    }

    #[test]
    fn engine_notes_are_told_from_the_authors() {
        let ds = crate::Dataset::demo();
        let known: Vec<_> = ds.notes.iter().map(|n| EngineNote::of(n)).collect();
        assert_eq!(
            known,
            [Some(EngineNote::Illustrative), Some(EngineNote::DemoScope)]
        );
        assert_eq!(
            EngineNote::of(crate::ILLUSTRATIVE),
            Some(EngineNote::Illustrative)
        );
        assert_eq!(
            EngineNote::of(&bdl_unit_note("osoba")),
            Some(EngineNote::BdlUnit { unit: "osoba" })
        );
        assert_eq!(EngineNote::of("Source: BDL"), None);
    }
}
