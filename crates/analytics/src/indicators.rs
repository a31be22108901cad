//! Per-year basics: totals, shares and location quotients (Balassa RCA).

/// Totals and location quotients of one year's region x industry matrix.
#[derive(Debug, Clone)]
pub struct Base {
    pub nr: usize,
    pub nc: usize,
    /// Region totals (missing cells count 0 here; their own indicators are NaN).
    pub region_total: Vec<f64>,
    pub industry_total: Vec<f64>,
    pub total: f64,
    /// `x / X_r` (share of the industry in the region's employment).
    pub share_region: Vec<f64>,
    /// `x / X_c` (share of the region in the industry's employment).
    pub share_industry: Vec<f64>,
    /// `(x / X_r) / (X_c / X)`; NaN when the cell is missing or a total is 0.
    pub lq: Vec<f64>,
    /// Regions with a positive total.
    pub has_data: Vec<bool>,
}

/// Sums ignoring NaN.
pub fn totals(x: &[f64], nr: usize, nc: usize) -> (Vec<f64>, Vec<f64>, f64) {
    let mut rt = vec![0.0; nr];
    let mut ct = vec![0.0; nc];
    for r in 0..nr {
        let row = &x[r * nc..(r + 1) * nc];
        let mut s = 0.0;
        for (c, &v) in row.iter().enumerate() {
            if !v.is_nan() {
                s += v;
                ct[c] += v;
            }
        }
        rt[r] = s;
    }
    let t = rt.iter().sum();
    (rt, ct, t)
}

impl Base {
    pub fn new(x: &[f64], nr: usize, nc: usize) -> Base {
        let (rt, ct, t) = totals(x, nr, nc);
        Base::with_totals(x, nr, nc, rt, ct, t)
    }

    /// With totals given from elsewhere: for cluster categories (which may overlap or not cover
    /// the economy) the region and grand totals come from the industry-level data.
    pub fn with_totals(
        x: &[f64],
        nr: usize,
        nc: usize,
        region_total: Vec<f64>,
        industry_total: Vec<f64>,
        total: f64,
    ) -> Base {
        let n = nr * nc;
        let mut share_region = crate::pool::take(n, f64::NAN);
        let mut share_industry = crate::pool::take(n, f64::NAN);
        let mut lq = crate::pool::take(n, f64::NAN);
        for r in 0..nr {
            for c in 0..nc {
                let i = r * nc + c;
                let v = x[i];
                if v.is_nan() {
                    continue;
                }
                if region_total[r] > 0.0 {
                    share_region[i] = v / region_total[r];
                    if industry_total[c] > 0.0 && total > 0.0 {
                        lq[i] = share_region[i] / (industry_total[c] / total);
                    }
                }
                if industry_total[c] > 0.0 {
                    share_industry[i] = v / industry_total[c];
                }
            }
        }
        let has_data = region_total.iter().map(|&t| t > 0.0).collect();
        Base {
            nr,
            nc,
            region_total,
            industry_total,
            total,
            share_region,
            share_industry,
            lq,
            has_data,
        }
    }
}

/// Compound annual growth rate between two values `years` apart; NaN if undefined.
pub fn cagr(from: f64, to: f64, years: f64) -> f64 {
    if from > 0.0 && to >= 0.0 && years > 0.0 {
        (to / from).powf(1.0 / years) - 1.0
    } else {
        f64::NAN
    }
}

/// Growth rate `to / from - 1`; NaN when `from` is 0 or missing.
pub fn growth(from: f64, to: f64) -> f64 {
    if from > 0.0 && !to.is_nan() {
        to / from - 1.0
    } else {
        f64::NAN
    }
}

/// Calls `f(c, values)` for every column with the finite values of the rows where `keep[r]`.
/// The matrix is transposed once in cache-sized tiles into a pooled buffer, so every column is
/// then read contiguously.
pub fn for_each_column(
    v: &[f64],
    nr: usize,
    nc: usize,
    keep: &[bool],
    f: &mut dyn FnMut(usize, &mut [f64]),
) {
    const B: usize = 32;
    let mut t = crate::pool::take(nr * nc, 0.0);
    for r0 in (0..nr).step_by(B) {
        for c0 in (0..nc).step_by(B) {
            for r in r0..(r0 + B).min(nr) {
                for c in c0..(c0 + B).min(nc) {
                    t[c * nr + r] = v[r * nc + c];
                }
            }
        }
    }
    let mut col = Vec::with_capacity(nr);
    for c in 0..nc {
        col.clear();
        col.extend(
            t[c * nr..(c + 1) * nr]
                .iter()
                .zip(keep)
                .filter(|(x, k)| **k && x.is_finite())
                .map(|(x, _)| *x),
        );
        f(c, &mut col);
    }
    crate::pool::give(t);
}
