//! The per-year indicator set: shares, LQ, presence, growth, stars, relatedness and complexity,
//! for single industries and for cluster categories.

use serde::{Deserialize, Serialize};

use crate::categories::Categories;
use crate::complexity::{ComplexityOptions, complexity, presence};
use crate::dataset::{CellStatus, Dataset};
use crate::error::{Error, Result};
use crate::indicators::{Base, cagr, growth, totals};
use crate::potential::Weights;
use crate::stars::{StarThresholds, top_quantile_stars};
use crate::warning::Warning;

/// Everything that can be configured; `Params::default()` is the documented default.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default)]
pub struct Params {
    pub complexity: ComplexityOptions,
    pub stars: StarThresholds,
    /// Years to analyse (empty = all).
    pub years: Vec<i32>,
    /// Base year of CAGR and dynamism (default: the first year of the data).
    pub base_year: Option<i32>,
    /// Cluster categories to rate besides single industries.
    pub categories: Option<Categories>,
    /// Shift-share between two years.
    pub shift_share: Option<(i32, i32)>,
    /// Region whose potential clusters are ranked.
    pub region: Option<String>,
    pub weights: Weights,
    /// Skip relatedness and complexity (they need at least two regions and industries).
    pub skip_complexity: bool,
}

/// Industry level or category level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Industry,
    Category,
}

/// Indicators of one year, columnar. Cell vectors are regions x columns (row-major), where the
/// columns are industries or categories (`codes`).
#[derive(Debug, Clone, Serialize)]
pub struct YearResult {
    pub year: i32,
    pub level: Level,
    pub codes: Vec<String>,
    pub employment: Vec<f64>,
    /// Why a cell has no number (`None` = observed or absent-as-zero).
    pub status: Vec<Option<CellStatus>>,
    pub share_region: Vec<f64>,
    pub share_industry: Vec<f64>,
    pub lq: Vec<f64>,
    pub present: Vec<u8>,
    pub density: Vec<f64>,
    pub cog: Vec<f64>,
    /// Growth against the previous year in the data.
    pub growth: Vec<f64>,
    /// CAGR since the base year.
    pub cagr: Vec<f64>,
    /// Change of LQ against the previous year in the data.
    pub lq_change: Vec<f64>,
    /// Wages per employee relative to the industry's average (NaN without wages).
    pub productivity: Vec<f64>,
    pub size_star: Vec<u8>,
    pub specialisation_star: Vec<u8>,
    pub focus_star: Vec<u8>,
    pub productivity_star: Vec<u8>,
    pub dynamism_star: Vec<u8>,
    pub region_total: Vec<f64>,
    pub diversity: Vec<f64>,
    pub eci: Vec<f64>,
    pub coi: Vec<f64>,
    pub column_total: Vec<f64>,
    pub ubiquity: Vec<f64>,
    pub pci: Vec<f64>,
    #[serde(skip)]
    pub proximity: Vec<f64>,
    pub eigenvalues: [f64; 2],
    pub excluded_regions: Vec<String>,
    pub excluded_columns: Vec<String>,
    pub warnings: Vec<Warning>,
}

impl Drop for YearResult {
    /// The large matrices go back to the buffer pool for the next year.
    fn drop(&mut self) {
        for v in [
            &mut self.employment,
            &mut self.share_region,
            &mut self.share_industry,
            &mut self.lq,
            &mut self.density,
            &mut self.cog,
            &mut self.growth,
            &mut self.cagr,
            &mut self.lq_change,
            &mut self.productivity,
        ] {
            crate::pool::give(std::mem::take(v));
        }
    }
}

impl YearResult {
    pub fn n_cols(&self) -> usize {
        self.codes.len()
    }
    /// Classic three-star count (size, specialisation, focus).
    pub fn stars(&self, i: usize) -> u8 {
        self.size_star[i] + self.specialisation_star[i] + self.focus_star[i]
    }
    pub fn column_index(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }
}

/// Computes year results for a data set; holds the category cube when categories are given.
pub struct Analyzer<'a> {
    pub ds: &'a Dataset,
    pub params: &'a Params,
    cats: Option<Dataset>,
    pub warnings: Vec<Warning>,
    base_year: usize,
}

impl<'a> Analyzer<'a> {
    pub fn new(ds: &'a Dataset, params: &'a Params) -> Result<Analyzer<'a>> {
        let base_year = match params.base_year {
            Some(y) => ds
                .year_index(y)
                .ok_or_else(|| Error::Param(format!("base year {y} is not in the data")))?,
            None => 0,
        };
        for y in &params.years {
            if ds.year_index(*y).is_none() {
                return Err(Error::Param(format!(
                    "year {y} is not in the data (years: {:?})",
                    ds.years
                )));
            }
        }
        let mut warnings = Vec::new();
        let cats = params.categories.as_ref().map(|c| {
            let (d, w) = ds.by_categories(c);
            warnings.extend(w);
            d
        });
        Ok(Analyzer {
            ds,
            params,
            cats,
            warnings,
            base_year,
        })
    }

    /// Year indices to analyse.
    pub fn year_indices(&self) -> Vec<usize> {
        if self.params.years.is_empty() {
            (0..self.ds.years.len()).collect()
        } else {
            let mut v: Vec<usize> = self
                .params
                .years
                .iter()
                .filter_map(|y| self.ds.year_index(*y))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
    }

    /// Industry-level results of every analysed year, delivered in year order to `f`, computed
    /// on worker threads a year or two ahead (the serial parts of different years overlap).
    /// Stops at the first error of `f`.
    pub fn for_each_year<E: Send>(
        &self,
        f: &mut dyn FnMut(YearResult) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        use std::collections::BTreeMap;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let years = self.year_indices();
        let workers = crate::proximity::threads().min(years.len()).max(1);
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, YearResult)>(workers);
            for _ in 0..workers {
                let (tx, next, years) = (tx.clone(), &next, &years);
                s.spawn(move || {
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        if k >= years.len() || tx.send((k, self.industries(years[k]))).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut pending = BTreeMap::new();
            let mut want = 0;
            for (k, yr) in rx {
                pending.insert(k, yr);
                while let Some(yr) = pending.remove(&want) {
                    f(yr)?;
                    want += 1;
                }
            }
            drop(pending);
            crate::pool::release_buffers();
            Ok(())
        })
    }

    /// Industry-level indicators of year index `yi`.
    pub fn industries(&self, yi: usize) -> YearResult {
        let ds = self.ds;
        let (nr, nc) = (ds.n_regions(), ds.n_industries());
        let x = ds.year_employment(yi);
        let base = Base::new(x, nr, nc);
        let m = presence(&base.lq, self.params.complexity.threshold);
        let has_data = base.has_data.clone();
        let mut yr = self.common(ds, yi, Level::Industry, base);
        if !self.params.skip_complexity {
            let cx = complexity(&m, nr, nc, &has_data, &self.params.complexity);
            yr.present = m;
            yr.density = cx.density;
            yr.cog = cx.cog;
            yr.diversity = cx.diversity;
            yr.ubiquity = cx.ubiquity;
            yr.eci = cx.eci;
            yr.pci = cx.pci;
            yr.coi = cx.coi;
            yr.proximity = cx.proximity;
            yr.eigenvalues = cx.eigenvalues;
            yr.excluded_regions = cx
                .excluded_regions
                .iter()
                .map(|&r| ds.regions[r].clone())
                .collect();
            yr.excluded_columns = cx
                .excluded_industries
                .iter()
                .map(|&c| ds.industries[c].clone())
                .collect();
            yr.warnings
                .extend(cx.warnings.into_iter().map(|kind| Warning {
                    year: Some(ds.years[yi]),
                    kind,
                }));
        } else {
            yr.present = m;
        }
        yr
    }

    /// Category-level indicators; density and PCI of a category are the employment-weighted
    /// means of its member industries (national employment as weights).
    pub fn categories(&self, yi: usize, ind: &YearResult) -> Option<YearResult> {
        let cds = self.cats.as_ref()?;
        let groups = self
            .params
            .categories
            .as_ref()?
            .resolve(&self.ds.industries)
            .0;
        let (nr, nk) = (cds.n_regions(), cds.n_industries());
        let nc = self.ds.n_industries();
        let x = cds.year_employment(yi);
        let (_, col_tot, _) = crate::indicators::totals(x, nr, nk);
        let base = Base::with_totals(
            x,
            nr,
            nk,
            ind.region_total.clone(),
            col_tot,
            ind.region_total.iter().sum(),
        );
        let present = presence(&base.lq, self.params.complexity.threshold);
        let mut yr = self.common(cds, yi, Level::Category, base);
        yr.present = present;
        if !ind.density.is_empty() {
            let mut density = vec![f64::NAN; nr * nk];
            let mut pci = vec![f64::NAN; nk];
            for (k, (_, members)) in groups.iter().enumerate() {
                let w: Vec<f64> = members.iter().map(|&c| ind.column_total[c]).collect();
                let wsum: f64 = members
                    .iter()
                    .zip(&w)
                    .filter(|(c, _)| ind.pci[**c].is_finite())
                    .map(|(_, w)| w)
                    .sum();
                if wsum > 0.0 {
                    pci[k] = members
                        .iter()
                        .zip(&w)
                        .filter(|(c, _)| ind.pci[**c].is_finite())
                        .map(|(c, w)| w * ind.pci[*c])
                        .sum::<f64>()
                        / wsum;
                }
                for r in 0..nr {
                    let (mut s, mut ws) = (0.0, 0.0);
                    for (&c, &wc) in members.iter().zip(&w) {
                        let d = ind.density[r * nc + c];
                        if d.is_finite() {
                            s += wc * d;
                            ws += wc;
                        }
                    }
                    if ws > 0.0 {
                        density[r * nk + k] = s / ws;
                    }
                }
            }
            yr.density = density;
            yr.pci = pci;
            yr.eci = ind.eci.clone();
            yr.diversity = ind.diversity.clone();
            yr.coi = ind.coi.clone();
        }
        Some(yr)
    }

    /// Indicators shared by both levels. `region_total` / `total` are the economy's (from the
    /// industry level) so that category shares and LQs are against the whole economy.
    fn common(&self, ds: &Dataset, yi: usize, level: Level, base: Base) -> YearResult {
        let (nr, nc) = (ds.n_regions(), ds.n_industries());
        let n = nr * nc;
        let x = ds.year_employment(yi);
        let st = &self.params.stars;
        let mut status = vec![None; n];
        let lo = yi * n;
        for (&i, &s) in ds.status.range(lo..lo + n) {
            status[i - lo] = Some(s);
        }
        // dynamics against the previous year in the data and the base year; empty = not computable
        let (mut g, mut cg, mut dlq) = (Vec::new(), Vec::new(), Vec::new());
        if yi > 0 {
            let xp = ds.year_employment(yi - 1);
            let (rt_p, _, t_p) = totals(
                self.ds.year_employment(yi - 1),
                self.ds.n_regions(),
                self.ds.n_industries(),
            );
            let (_, ct_p, _) = totals(xp, nr, nc);
            g = crate::pool::take(n, f64::NAN);
            dlq = crate::pool::take(n, f64::NAN);
            for r in 0..nr {
                for c in 0..nc {
                    let i = r * nc + c;
                    g[i] = growth(xp[i], x[i]);
                    if rt_p[r] > 0.0 && ct_p[c] > 0.0 && !xp[i].is_nan() {
                        dlq[i] = base.lq[i] - (xp[i] / rt_p[r]) / (ct_p[c] / t_p);
                    }
                }
            }
        }
        let by = self.base_year;
        if yi > by {
            let x0 = ds.year_employment(by);
            let span = (ds.years[yi] - ds.years[by]) as f64;
            cg = crate::pool::take(n, f64::NAN);
            for ((o, a), b) in cg.iter_mut().zip(x0).zip(x) {
                *o = cagr(*a, *b, span);
            }
        }
        // productivity: wages per employee against the column's average
        let mut prod = Vec::new();
        if let Some(w) = &ds.wages {
            let w = ds.year_slice(w, yi);
            let ok = |a: f64, b: f64| a.is_finite() && b.is_finite() && b > 0.0;
            let (mut ws, mut es) = (vec![0.0; nc], vec![0.0; nc]);
            for r in 0..nr {
                for c in 0..nc {
                    let (a, b) = (w[r * nc + c], x[r * nc + c]);
                    if ok(a, b) {
                        ws[c] += a;
                        es[c] += b;
                    }
                }
            }
            prod = crate::pool::take(n, f64::NAN);
            for r in 0..nr {
                for c in 0..nc {
                    let (a, b) = (w[r * nc + c], x[r * nc + c]);
                    if ok(a, b) && es[c] > 0.0 && ws[c] > 0.0 {
                        prod[r * nc + c] = (a / b) / (ws[c] / es[c]);
                    }
                }
            }
        }
        let elig = &base.has_data;
        let stars = |v: &[f64], q: f64| {
            if v.is_empty() {
                vec![0u8; n]
            } else {
                top_quantile_stars(v, nr, nc, elig, q)
            }
        };
        let spec: Vec<u8> = base
            .lq
            .iter()
            .map(|&l| (l >= st.specialisation_lq) as u8)
            .collect();
        YearResult {
            year: ds.years[yi],
            level,
            codes: ds.industries.clone(),
            employment: {
                let mut e = crate::pool::take(n, 0.0);
                e.copy_from_slice(x);
                e
            },
            status,
            size_star: stars(&base.share_industry, st.size_quantile),
            focus_star: stars(&base.share_region, st.focus_quantile),
            specialisation_star: spec,
            productivity_star: stars(&prod, st.productivity_quantile),
            dynamism_star: stars(&cg, st.dynamism_quantile),
            growth: g,
            cagr: cg,
            lq_change: dlq,
            productivity: prod,
            region_total: base.region_total,
            column_total: base.industry_total,
            share_region: base.share_region,
            share_industry: base.share_industry,
            lq: base.lq,
            present: Vec::new(),
            density: Vec::new(),
            cog: Vec::new(),
            diversity: Vec::new(),
            eci: vec![f64::NAN; nr],
            coi: vec![f64::NAN; nr],
            ubiquity: Vec::new(),
            pci: vec![f64::NAN; nc],
            proximity: Vec::new(),
            eigenvalues: [f64::NAN; 2],
            excluded_regions: Vec::new(),
            excluded_columns: Vec::new(),
            warnings: Vec::new(),
        }
    }
}
