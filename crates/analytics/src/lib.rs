//! Klaster analytics: the cluster identification and competitiveness engine.
//!
//! A pure library: region x industry x year data in ([`Dataset`], from columnar arrays or
//! CSV/TSV/Eurostat layouts), indicator tables out ([`analyze`] -> [`Report`], serde-
//! serialisable). No database, no HTTP, no reference files at run time.
//!
//! ```
//! use klaster_analytics::{Dataset, Params, analyze};
//! let ds = Dataset::demo();
//! let params = Params { region: Some("PL84".into()), ..Params::default() };
//! let report = analyze(&ds, &params).unwrap();
//! assert!(!report.potential[0].rows.is_empty());
//! ```

// Matrix code indexes several arrays with the same row/column index; iterator chains would hide that.
#![allow(clippy::needless_range_loop)]

pub mod analysis;
pub mod categories;
pub mod complexity;
pub mod concentration;
pub mod dataset;
pub mod error;
pub mod hierarchy;
pub mod html;
pub mod indicators;
pub mod labels;
pub mod linalg;
pub mod output;
pub mod pool;
pub mod potential;
pub mod proximity;
pub mod read;
pub mod report;
pub mod shiftshare;
pub mod stars;
pub mod svg;
pub mod warning;
pub mod wording;

pub use analysis::{Analyzer, Level, Params, YearResult};
pub use categories::{Categories, Category};
pub use complexity::{Complexity, ComplexityOptions, Method, Preset, Standardize};
pub use concentration::FirmSizes;
pub use dataset::{CellStatus, Dataset};
pub use error::{Error, Location, Result};
pub use potential::Weights;
pub use read::ReadOptions;
pub use report::{Report, analyze, analyze_with_firms};
pub use stars::StarThresholds;
pub use warning::{EngineNote, Overlap, Warning, WarningKind};
pub use wording::{English, Msg, Wording};

/// The demo data set: Polish voivodeships (NUTS 2) x NACE Rev. 2 divisions (groups in
/// manufacturing), several years. ILLUSTRATIVE figures made by a seeded generator
/// (`examples/gen_demo.rs`), not official statistics.
pub const DEMO_CSV: &str = include_str!("../data/demo_pl_voivodeships_illustrative.csv");

/// Label shown wherever demo figures appear.
pub const ILLUSTRATIVE: &str = "ILLUSTRATIVE DATA - generated, not official statistics";

impl Dataset {
    /// Read CSV/TSV (long, SDMX-CSV, Eurostat TSV or Statistics Poland BDL layout, plain or
    /// gzip-compressed) from any reader.
    pub fn from_reader<R: std::io::Read>(reader: R, opts: &ReadOptions) -> Result<Dataset> {
        read::read(reader, opts)
    }

    /// Read a file; the file name is used in error messages.
    pub fn from_path(path: &std::path::Path, opts: &ReadOptions) -> Result<Dataset> {
        let f = std::fs::File::open(path).map_err(|e| Error::Io {
            file: path.display().to_string(),
            source: e,
        })?;
        let mut o = opts.clone();
        if o.name.is_empty() {
            o.name = path.display().to_string();
        }
        o.size_hint = f.metadata().ok().map(|m| m.len());
        read::read(f, &o)
    }

    /// The shipped demo (see [`DEMO_CSV`]); its notes carry the illustrative label.
    pub fn demo() -> Dataset {
        let mut ds = read::read(
            DEMO_CSV.as_bytes(),
            &ReadOptions::named("demo_pl_voivodeships_illustrative.csv"),
        )
        .expect("shipped demo parses");
        if !ds.notes.iter().any(|n| n.contains("ILLUSTRATIVE")) {
            ds.notes.insert(0, ILLUSTRATIVE.to_string());
        }
        ds
    }
}
