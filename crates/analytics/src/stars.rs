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
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let pos = q.clamp(0.0, 1.0) * (values.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    values[lo] + (values[hi] - values[lo]) * (pos - lo as f64)
}

/// Star flags (0/1) for a region x industry matrix of values: within each industry (column),
/// regions whose value is at or above the column's `q` quantile among regions where `eligible`
/// and the value is a number. A cell needs a positive value to earn a star.
pub fn top_quantile_stars(v: &[f64], nr: usize, nc: usize, eligible: &[bool], q: f64) -> Vec<u8> {
    let mut out = vec![0u8; nr * nc];
    let mut col = Vec::with_capacity(nr);
    for c in 0..nc {
        col.clear();
        col.extend((0..nr).filter(|&r| eligible[r]).map(|r| v[r * nc + c]).filter(|x| x.is_finite()));
        let thr = quantile(&mut col, q);
        if !thr.is_finite() {
            continue;
        }
        for r in 0..nr {
            let x = v[r * nc + c];
            out[r * nc + c] = (eligible[r] && x.is_finite() && x > 0.0 && x >= thr) as u8;
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
    fn top_decile_of_each_column() {
        // 10 regions, one industry with values 1..10: q90 = 9.1, only 10 gets a star
        let v: Vec<f64> = (1..=10).map(|x| x as f64).collect();
        let s = top_quantile_stars(&v, 10, 1, &[true; 10], 0.9);
        assert_eq!(s.iter().map(|&x| x as u32).sum::<u32>(), 1);
        assert_eq!(s[9], 1);
    }
}
