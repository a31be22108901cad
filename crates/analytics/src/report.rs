//! The one-call entry point: `analyze(&Dataset, &Params) -> Report`, serde-serialisable.

use serde::Serialize;

use crate::analysis::{Analyzer, Level, Params, YearResult};
use crate::concentration::{ConcentrationRow, FirmSizes, concentration};
use crate::dataset::{CellStatus, Dataset};
use crate::error::{Error, Result};
use crate::potential::{PotentialRow, rank};
use crate::shiftshare::{ShiftShareRow, shift_share};

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
    pub warnings: Vec<String>,
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
    let mut d = Diagnostics { absent_cells: ds.absent_cells, ..Default::default() };
    let per_year = ds.n_regions() * ds.n_industries();
    for (&i, &s) in &ds.status {
        match s {
            CellStatus::Missing => d.missing_cells += 1,
            CellStatus::Suppressed => d.suppressed_cells += 1,
        }
        if d.examples.len() < 100 {
            let (y, rem) = (i / per_year, i % per_year);
            let (r, c) = (rem / ds.n_industries(), rem % ds.n_industries());
            d.examples.push(format!("{}/{}/{}: {s:?}", ds.regions[r], ds.industries[c], ds.years[y]));
        }
    }
    for (yi, y) in ds.years.iter().enumerate() {
        let x = ds.year_employment(yi);
        let empty: Vec<String> = (0..ds.n_regions())
            .filter(|&r| {
                x[r * ds.n_industries()..(r + 1) * ds.n_industries()].iter().all(|v| !(v.is_finite() && *v > 0.0))
            })
            .map(|r| ds.regions[r].clone())
            .collect();
        if !empty.is_empty() {
            d.empty_regions.push((*y, empty));
        }
    }
    if d.missing_cells + d.suppressed_cells > 0 {
        d.warnings.push(format!(
            "{} missing and {} suppressed cells: their own indicators are empty; totals count them as 0",
            d.missing_cells, d.suppressed_cells
        ));
    }
    d
}

/// Run the whole indicator set. For very large inputs use [`Analyzer`] year by year instead.
pub fn analyze(ds: &Dataset, params: &Params) -> Result<Report> {
    analyze_with_firms(ds, params, None)
}

pub fn analyze_with_firms(ds: &Dataset, params: &Params, firms: Option<&FirmSizes>) -> Result<Report> {
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
    let cat_ds = params.categories.as_ref().map(|c| {
        let groups = c.resolve(&ds.industries).0;
        let rows: Vec<(String, Vec<usize>)> = ds.regions.iter().enumerate().map(|(i, r)| (r.clone(), vec![i])).collect();
        ds.regroup(&rows, &groups)
    });
    if let Some((a, b)) = params.shift_share {
        ss = shift_share(ds, a, b)?;
        if let Some(cd) = &cat_ds {
            ss_cat = shift_share(cd, a, b)?;
        }
    }
    let mut potential = Vec::new();
    if let Some(code) = &params.region {
        let r = ds.region_index(code).ok_or_else(|| Error::Param(format!("region '{code}' is not in the data")))?;
        let last = industries.last().ok_or_else(|| Error::Param("no year to analyse".into()))?;
        let (first_year, year) = (ds.years[0], last.year);
        let own = |rows: Vec<ShiftShareRow>| -> Vec<ShiftShareRow> {
            rows.into_iter().filter(|s| s.region == *code && s.industry != "*").collect()
        };
        let ind_shift = if first_year < year { Some(own(shift_share(ds, first_year, year)?)) } else { None };
        potential.push(Potential {
            region: code.clone(),
            year,
            level: Level::Industry,
            rows: rank(last, r, ind_shift.as_deref(), &params.weights),
        });
        if let (Some(cy), Some(cd)) = (categories.last(), &cat_ds) {
            let cat_shift = if first_year < year { Some(own(shift_share(cd, first_year, year)?)) } else { None };
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
