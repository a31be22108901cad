//! Cluster star rating after the European Cluster Observatory: one star each for size,
//! specialisation and focus; optionally productivity and dynamism (the later variant).
//!
//! Defaults and their sources: size and focus stars for the top 10% of regions of each
//! industry or category (clusterobservatory.eu methodology page: "top 10% of regions within the
//! cluster category"); specialisation star for LQ >= 2 (the commonly cited ECO rule — the
//! stored copy of the page was truncated, so this threshold is documented, not verified, and a
//! parameter). Productivity (wages per employee against the industry's average) and dynamism
//! (employment CAGR) use the same top-10% rule; the ECO/EOCIC pages available did not give
//! their thresholds.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StarThresholds {
    /// Quantile of regions (within an industry) above which size is starred (0.9 = top 10%).
    pub size_quantile: f64,
    /// LQ at or above which specialisation is starred.
    pub specialisation_lq: f64,
    pub focus_quantile: f64,
    pub productivity_quantile: f64,
    pub dynamism_quantile: f64,
}

impl Default for StarThresholds {
    fn default() -> Self {
        StarThresholds {
            size_quantile: 0.9,
            specialisation_lq: 2.0,
            focus_quantile: 0.9,
            productivity_quantile: 0.9,
            dynamism_quantile: 0.9,
        }
    }
}

/// Quantile with linear interpolation between order statistics (pandas/numpy default, R type 7).
/// Key whose unsigned order is the numeric order of finite floats (integer comparisons are
/// cheaper than `total_cmp` in selection and sorting).
#[inline]
pub(crate) fn order_key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

#[inline]
pub(crate) fn from_order_key(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// Reorders `values` (selection, not a full sort).
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let pos = q.clamp(0.0, 1.0) * (values.len() - 1) as f64;
    let lo = pos.floor() as usize;
    // select on order keys in place: f64 and u64 have the same size and alignment
    let keys: Vec<u64> = values.iter().map(|&x| order_key(x)).collect();
    let mut keys = keys;
    let (_, &mut klo, upper) = keys.select_nth_unstable(lo);
    let vlo = from_order_key(klo);
    if pos == lo as f64 {
        return vlo;
    }
    // the next order statistic is the minimum of the upper part
    let vhi = from_order_key(upper.iter().copied().min().unwrap_or(klo));
    vlo + (vhi - vlo) * (pos - lo as f64)
}

/// Star flags (0/1) for a region x industry matrix of values: within each industry (column),
/// regions whose value is at or above the column's `q` quantile among regions where `eligible`
/// and the value is a number. A cell needs a positive value to earn a star.
pub fn top_quantile_stars(v: &[f64], nr: usize, nc: usize, eligible: &[bool], q: f64) -> Vec<u8> {
    let mut out = vec![0u8; nr * nc];
    if !v.iter().any(|x| x.is_finite()) {
        return out;
    }
    let mut thr = vec![f64::NAN; nc];
    crate::indicators::for_each_column(v, nr, nc, eligible, &mut |c, col| {
        thr[c] = quantile(col, q)
    });
    for r in 0..nr {
        if !eligible[r] {
            continue;
        }
        let row = &v[r * nc..(r + 1) * nc];
        for ((o, &x), &th) in out[r * nc..(r + 1) * nc].iter_mut().zip(row).zip(&thr) {
            *o = (x > 0.0 && x >= th) as u8;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_is_linear_type_7() {
        let mut v = vec![4.0, 1.0, 3.0, 2.0];
        // pos = 0.9 * 3 = 2.7 -> 3 + 0.7 * (4 - 3)
        assert!((quantile(&mut v, 0.9) - 3.7).abs() < 1e-15);
        assert_eq!(quantile(&mut [5.0], 0.9), 5.0);
        assert!(quantile(&mut [], 0.9).is_nan());
    }

    #[test]
    fn order_keys_sort_like_numbers() {
        let v = [
            -3.5,
            -0.0,
            0.0,
            1e-300,
            2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for w in v.windows(2) {
            assert!(order_key(w[0]) <= order_key(w[1]) || w[1] == f64::NEG_INFINITY);
        }
        for x in v {
            assert_eq!(from_order_key(order_key(x)).to_bits(), x.to_bits());
        }
        let mut q = vec![3.0, -1.0, 2.0];
        assert_eq!(quantile(&mut q, 0.5), 2.0);
    }

    #[test]
    fn top_decile_of_each_column() {
        // 10 regions, one industry with values 1..10: q90 = 9.1, only 10 gets a star
        let v: Vec<f64> = (1..=10).map(|x| x as f64).collect();
        let s = top_quantile_stars(&v, 10, 1, &[true; 10], 0.9);
        assert_eq!(s.iter().map(|&x| x as u32).sum::<u32>(), 1);
        assert_eq!(s[9], 1);
    }
}
