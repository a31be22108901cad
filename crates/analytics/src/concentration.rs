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
    let mut keys: Vec<u64> = values.iter().map(|&x| crate::stars::order_key(x)).collect();
    keys.sort_unstable();
    for (v, k) in values.iter_mut().zip(&keys) {
        *v = crate::stars::from_order_key(*k);
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    if mean == 0.0 {
        return f64::NAN;
    }
    let s: f64 = values
        .iter()
        .enumerate()
        .map(|(l, v)| (l + 1) as f64 * (v - mean))
        .sum();
    2.0 * s / ((n * n) as f64 * mean)
}

pub fn concentration(ds: &Dataset, yi: usize, firms: Option<&FirmSizes>) -> Vec<ConcentrationRow> {
    let (nr, nc) = (ds.n_regions(), ds.n_industries());
    let x = ds.year_employment(yi);
    let (rt, ct, t) = crate::indicators::totals(x, nr, nc);
    let xr: Vec<f64> = rt.iter().map(|v| v / t).collect();
    let sum_x2: f64 = xr.iter().map(|v| v * v).sum();
    let est = ds.establishments.as_ref().map(|e| ds.year_slice(e, yi));
    // row-major accumulation over regions with data; LQs gathered per column for the Gini
    let (mut hhi, mut hoover, mut g, mut nreg) = (
        vec![0.0; nc],
        vec![0.0; nc],
        vec![0.0; nc],
        vec![0usize; nc],
    );
    let mut lq = crate::pool::take(nr * nc, f64::NAN);
    for r in 0..nr {
        if rt[r] <= 0.0 {
            continue;
        }
        for c in 0..nc {
            let v = x[r * nc + c];
            if v.is_finite() && ct[c] > 0.0 {
                let s = v / ct[c];
                let d = s - xr[r];
                hhi[c] += s * s;
                hoover[c] += d.abs();
                g[c] += d * d;
                nreg[c] += 1;
                lq[r * nc + c] = (v / rt[r]) / (ct[c] / t);
            }
        }
    }
    let mut ginis = vec![f64::NAN; nc];
    crate::indicators::for_each_column(&lq, nr, nc, &vec![true; nr], &mut |c, col| {
        ginis[c] = gini(col)
    });
    crate::pool::give(lq);
    let mut est_n = vec![0.0; nc];
    if let Some(e) = est {
        for r in 0..nr {
            for c in 0..nc {
                if e[r * nc + c].is_finite() {
                    est_n[c] += e[r * nc + c];
                }
            }
        }
    }
    let mut out = Vec::with_capacity(nc);
    for c in 0..nc {
        let defined = ct[c] > 0.0 && t > 0.0;
        let (h, source) = match firms.and_then(|f| f.herfindahl(&ds.industries[c])) {
            Some(h) => (h, "firms"),
            None if est.is_some() && est_n[c] >= 1.0 => (1.0 / est_n[c], "establishment_counts"),
            None => (f64::NAN, "none"),
        };
        let gamma = if defined && h.is_finite() && h < 1.0 {
            (g[c] - (1.0 - sum_x2) * h) / ((1.0 - sum_x2) * (1.0 - h))
        } else {
            f64::NAN
        };
        let nan_unless = |v: f64| if defined { v } else { f64::NAN };
        out.push(ConcentrationRow {
            industry: ds.industries[c].clone(),
            year: ds.years[yi],
            regions: nreg[c],
            herfindahl: nan_unless(hhi[c]),
            locational_gini: if defined { ginis[c] } else { f64::NAN },
            hoover: nan_unless(0.5 * hoover[c]),
            eg_g: nan_unless(g[c]),
            eg_h: h,
            eg_gamma: gamma,
            eg_h_source: source,
        });
    }
    out
}
