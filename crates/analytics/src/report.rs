//! The one-call entry point: `analyze(&Dataset, &Params) -> Report`, serde-serialisable.

use serde::Serialize;

use crate::analysis::{Analyzer, Level, Params, YearResult};
use crate::concentration::{ConcentrationRow, FirmSizes, concentration};
use crate::dataset::{CellStatus, Dataset};
use crate::error::{Error, Result};
use crate::potential::{PotentialRow, rank};
use crate::shiftshare::{ShiftShareRow, shift_share, shift_share_with_national};
use crate::warning::{Overlap, Warning, WarningKind};

/// What was left out or could not be computed, so no number is taken at face value.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Diagnostics {
    /// Region x industry x year cells with no row in the input, taken as 0.
    pub absent_cells: usize,
    pub missing_cells: usize,
    pub suppressed_cells: usize,
    /// Up to 100 examples `region/industry/year: status`.
    pub examples: Vec<String>,
    /// Regions with no employment at all, by year.
    pub empty_regions: Vec<(i32, Vec<String>)>,
    /// In JSON each has a stable `code`, its data and the English `text` (see [`Warning`]).
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Potential {
    pub region: String,
    pub year: i32,
    pub level: Level,
    pub rows: Vec<PotentialRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub source: String,
    pub notes: Vec<String>,
    pub params: Params,
    pub regions: Vec<String>,
    pub years: Vec<i32>,
    pub industries: Vec<YearResult>,
    pub categories: Vec<YearResult>,
    pub shift_share: Vec<ShiftShareRow>,
    pub shift_share_categories: Vec<ShiftShareRow>,
    pub concentration: Vec<ConcentrationRow>,
    pub potential: Vec<Potential>,
    pub diagnostics: Diagnostics,
}

pub fn diagnostics(ds: &Dataset) -> Diagnostics {
    let mut d = Diagnostics {
        absent_cells: ds.absent_cells,
        ..Default::default()
    };
    let per_year = ds.n_regions() * ds.n_industries();
    for (&i, &s) in &ds.status {
        match s {
            CellStatus::Missing => d.missing_cells += 1,
            CellStatus::Suppressed => d.suppressed_cells += 1,
        }
        if d.examples.len() < 100 {
            let (y, rem) = (i / per_year, i % per_year);
            let (r, c) = (rem / ds.n_industries(), rem % ds.n_industries());
            d.examples.push(format!(
                "{}/{}/{}: {s:?}",
                ds.regions[r], ds.industries[c], ds.years[y]
            ));
        }
    }
    for (yi, y) in ds.years.iter().enumerate() {
        let x = ds.year_employment(yi);
        let empty: Vec<String> = (0..ds.n_regions())
            .filter(|&r| {
                x[r * ds.n_industries()..(r + 1) * ds.n_industries()]
                    .iter()
                    .all(|v| !(v.is_finite() && *v > 0.0))
            })
            .map(|r| ds.regions[r].clone())
            .collect();
        if !empty.is_empty() {
            d.empty_regions.push((*y, empty));
        }
    }
    d.warnings.extend(overlapping_codes(ds));
    if d.missing_cells + d.suppressed_cells > 0 {
        d.warnings.push(
            WarningKind::MissingCells {
                missing: d.missing_cells,
                suppressed: d.suppressed_cells,
            }
            .into(),
        );
    }
    d
}

/// National employment of two years (sum over regions and industries, missing cells as 0).
pub fn national(ds: &Dataset, from: i32, to: i32) -> Option<(f64, f64)> {
    let sum = |y: i32| -> Option<f64> {
        let yi = ds.year_index(y)?;
        Some(
            ds.year_employment(yi)
                .iter()
                .filter(|v| v.is_finite())
                .sum(),
        )
    };
    Some((sum(from)?, sum(to)?))
}

/// Codes that contain other codes of the same file (an aggregate next to its parts, as in
/// Eurostat downloads with `C` and `C10`, or `PL8` and `PL84`): totals would count them twice.
pub fn overlapping_codes(ds: &Dataset) -> Vec<Warning> {
    use crate::hierarchy::{nace_digits, section_of_division};
    let mut out = Vec::new();
    // industries: NACE digits prefixes, section letters over their divisions, and totals
    let mut digits: Vec<(String, &str)> = ds
        .industries
        .iter()
        .filter_map(|c| nace_digits(c).map(|d| (d, c.as_str())))
        .collect();
    digits.sort();
    let mut pairs = Vec::new();
    for w in digits.windows(2) {
        if w[1].0.starts_with(&w[0].0) {
            pairs.push(Overlap::Contains {
                whole: w[0].1.to_string(),
                part: w[1].1.to_string(),
            });
        }
    }
    for c in &ds.industries {
        let t = c.trim();
        if t.len() == 1 && t.as_bytes()[0].is_ascii_uppercase() {
            let sec = t.chars().next();
            if let Some((_, part)) = digits
                .iter()
                .find(|(d, _)| d[..2].parse().ok().and_then(section_of_division) == sec)
            {
                pairs.push(Overlap::Section {
                    section: t.to_string(),
                    part: part.to_string(),
                });
            }
        }
        if matches!(
            t.to_ascii_uppercase().as_str(),
            "TOTAL" | "_T" | "ALL" | "OGÓŁEM"
        ) && ds.industries.len() > 1
        {
            pairs.push(Overlap::Total {
                code: t.to_string(),
            });
        }
    }
    out.extend(WarningKind::overlap(pairs, false));
    // regions: NUTS-like codes that are prefixes of others
    let nuts = |c: &str| c.len() >= 2 && c.as_bytes()[..2].iter().all(u8::is_ascii_uppercase);
    let mut regs: Vec<&str> = ds
        .regions
        .iter()
        .map(String::as_str)
        .filter(|c| nuts(c))
        .collect();
    regs.sort_unstable();
    let rp: Vec<Overlap> = regs
        .windows(2)
        .filter(|w| w[1].starts_with(w[0]))
        .map(|w| Overlap::Contains {
            whole: w[0].to_string(),
            part: w[1].to_string(),
        })
        .collect();
    out.extend(WarningKind::overlap(rp, true));
    out.into_iter().map(Warning::from).collect()
}

/// Run the whole indicator set. For very large inputs use [`Analyzer`] year by year instead.
pub fn analyze(ds: &Dataset, params: &Params) -> Result<Report> {
    analyze_with_firms(ds, params, None)
}

pub fn analyze_with_firms(
    ds: &Dataset,
    params: &Params,
    firms: Option<&FirmSizes>,
) -> Result<Report> {
    let an = Analyzer::new(ds, params)?;
    let mut diag = diagnostics(ds);
    diag.warnings.extend(an.warnings.iter().cloned());
    let mut industries = Vec::new();
    let mut categories = Vec::new();
    let mut conc = Vec::new();
    for yi in an.year_indices() {
        let yr = an.industries(yi);
        diag.warnings.extend(yr.warnings.iter().cloned());
        if let Some(c) = an.categories(yi, &yr) {
            categories.push(c);
        }
        conc.extend(concentration(ds, yi, firms));
        industries.push(yr);
    }
    let (mut ss, mut ss_cat) = (Vec::new(), Vec::new());
    let cat_ds = params.categories.as_ref().map(|c| ds.by_categories(c).0);
    if let Some((a, b)) = params.shift_share {
        ss = shift_share(ds, a, b)?;
        if let Some(cd) = &cat_ds {
            ss_cat = shift_share_with_national(cd, a, b, national(ds, a, b))?;
        }
    }
    let mut potential = Vec::new();
    if let Some(code) = &params.region {
        let r = ds
            .region_index(code)
            .ok_or_else(|| Error::Param(format!("region '{code}' is not in the data")))?;
        let last = industries
            .last()
            .ok_or_else(|| Error::Param("no year to analyse".into()))?;
        let (first_year, year) = (ds.years[0], last.year);
        let ind_shift = if first_year < year {
            Some(shift_share(ds, first_year, year)?)
        } else {
            None
        };
        potential.push(Potential {
            region: code.clone(),
            year,
            level: Level::Industry,
            rows: rank(last, r, ind_shift.as_deref(), &params.weights),
        });
        if let (Some(cy), Some(cd)) = (categories.last(), &cat_ds) {
            let cat_shift = if first_year < year {
                Some(shift_share_with_national(
                    cd,
                    first_year,
                    year,
                    national(ds, first_year, year),
                )?)
            } else {
                None
            };
            potential.push(Potential {
                region: code.clone(),
                year,
                level: Level::Category,
                rows: rank(cy, r, cat_shift.as_deref(), &params.weights),
            });
        }
    }
    Ok(Report {
        source: ds.source.clone(),
        notes: ds.notes.clone(),
        params: params.clone(),
        regions: ds.regions.clone(),
        years: industries.iter().map(|y| y.year).collect(),
        industries,
        categories,
        shift_share: ss,
        shift_share_categories: ss_cat,
        concentration: conc,
        potential,
        diagnostics: diag,
    })
}
