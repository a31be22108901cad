//! Geographic concentration of each industry across regions: Herfindahl of regional shares,
//! locational Gini (REAT `gini.conc`: Gini of the LQs), Hoover concentration, and the
//! Ellison-Glaeser (1997) agglomeration index.
//!
//! EG needs the plant Herfindahl H of the industry. With a firms file (firm sizes) H is exact.
//! With establishment counts only, H is approximated by 1/N (all plants of equal size) — an
//! assumption of this implementation, not from a source; it understates H when sizes are
//! unequal and so overstates gamma. Without either, gamma is not computed.

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::Dataset;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConcentrationRow {
    pub industry: String,
    pub year: i32,
    pub regions: usize,
    pub herfindahl: f64,
    pub locational_gini: f64,
    pub hoover: f64,
    /// EG raw geographic concentration `G = sum_r (s_rc - x_r)^2`.
    pub eg_g: f64,
    /// Plant Herfindahl used for gamma.
    pub eg_h: f64,
    pub eg_gamma: f64,
    /// `firms`, `establishment_counts` (equal-size approximation) or `none`.
    pub eg_h_source: &'static str,
}

/// Firm sizes by industry (from a `firm,region,industry,employment` file).
#[derive(Debug, Clone, Default)]
pub struct FirmSizes {
    pub by_industry: HashMap<String, Vec<f64>>,
}

impl FirmSizes {
    /// Plant Herfindahl `sum_k (e_k / E)^2`.
    pub fn herfindahl(&self, industry: &str) -> Option<f64> {
        let v = self.by_industry.get(industry)?;
        let t: f64 = v.iter().sum();
        (t > 0.0).then(|| v.iter().map(|e| (e / t) * (e / t)).sum())
    }
}

/// Gini of values (REAT `gini.conc` on LQs): `2 / (n^2 mean) sum_l l (v_(l) - mean)`.
pub fn gini(values: &mut [f64]) -> f64 {
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let mean = values.iter().sum::<f64>() / n as f64;
    if mean == 0.0 {
        return f64::NAN;
    }
    let s: f64 = values.iter().enumerate().map(|(l, v)| (l + 1) as f64 * (v - mean)).sum();
    2.0 * s / ((n * n) as f64 * mean)
}

pub fn concentration(ds: &Dataset, yi: usize, firms: Option<&FirmSizes>) -> Vec<ConcentrationRow> {
    let (nr, nc) = (ds.n_regions(), ds.n_industries());
    let x = ds.year_employment(yi);
    let (rt, ct, t) = crate::indicators::totals(x, nr, nc);
    let xr: Vec<f64> = rt.iter().map(|v| v / t).collect();
    let sum_x2: f64 = xr.iter().map(|v| v * v).sum();
    let est = ds.establishments.as_ref().map(|e| ds.year_slice(e, yi));
    let mut out = Vec::with_capacity(nc);
    for c in 0..nc {
        let regs: Vec<usize> = (0..nr).filter(|&r| rt[r] > 0.0 && x[r * nc + c].is_finite()).collect();
        let (mut hhi, mut hoover, mut g) = (0.0, 0.0, 0.0);
        let mut lqs = Vec::with_capacity(regs.len());
        for &r in &regs {
            let s = x[r * nc + c] / ct[c];
            hhi += s * s;
            hoover += (s - xr[r]).abs();
            g += (s - xr[r]) * (s - xr[r]);
            lqs.push((x[r * nc + c] / rt[r]) / (ct[c] / t));
        }
        let defined = ct[c] > 0.0 && t > 0.0;
        let (h, source) = match firms.and_then(|f| f.herfindahl(&ds.industries[c])) {
            Some(h) => (h, "firms"),
            None => match est {
                Some(e) => {
                    let n: f64 = (0..nr).map(|r| e[r * nc + c]).filter(|v| v.is_finite()).sum();
                    if n >= 1.0 { (1.0 / n, "establishment_counts") } else { (f64::NAN, "none") }
                }
                None => (f64::NAN, "none"),
            },
        };
        let gamma = if defined && h.is_finite() && h < 1.0 {
            (g - (1.0 - sum_x2) * h) / ((1.0 - sum_x2) * (1.0 - h))
        } else {
            f64::NAN
        };
        out.push(ConcentrationRow {
            industry: ds.industries[c].clone(),
            year: ds.years[yi],
            regions: regs.len(),
            herfindahl: if defined { hhi } else { f64::NAN },
            locational_gini: if defined { gini(&mut lqs) } else { f64::NAN },
            hoover: if defined { 0.5 * hoover } else { f64::NAN },
            eg_g: if defined { g } else { f64::NAN },
            eg_h: h,
            eg_gamma: gamma,
            eg_h_source: source,
        });
    }
    out
}
