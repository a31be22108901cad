//! Potential clusters of a region: an explained ranking. Every component is shown with its raw
//! value and its score; the score of a column is the weighted mean of the component scores.
//!
//! Component scores are in [0, 1]: stars as stars/3; PCI as the industry's percentile among
//! industries; every other component (LQ, size, growth, competitive shift, density) as this
//! region's percentile among all regions with data for the same industry (ties share the mean
//! rank): "how does the region stand in this industry". Ranking within the region instead would
//! make LQ and size identical in order (both are proportional to employment within a region).
//! A component that cannot be computed (e.g. no earlier year for growth) scores 0 and is
//! marked `available: false`.

use serde::{Deserialize, Serialize};

use crate::analysis::YearResult;
use crate::shiftshare::ShiftShareRow;

/// Weights of the components (need not sum to 1).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Weights {
    pub stars: f64,
    pub lq: f64,
    pub size: f64,
    pub growth: f64,
    pub competitive_shift: f64,
    pub density: f64,
    pub complexity: f64,
}

impl Default for Weights {
    /// Present strength 0.45, dynamism 0.25, potential 0.30.
    fn default() -> Self {
        Weights {
            stars: 0.2,
            lq: 0.15,
            size: 0.1,
            growth: 0.15,
            competitive_shift: 0.1,
            density: 0.2,
            complexity: 0.1,
        }
    }
}

impl Weights {
    pub const NAMES: [&'static str; 7] = [
        "stars",
        "lq",
        "size",
        "growth",
        "competitive_shift",
        "density",
        "complexity",
    ];

    /// Each component's name (as in [`Weights::NAMES`]) with its weight.
    pub fn named(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        Self::NAMES
            .iter()
            .enumerate()
            .map(|(k, n)| (*n, self.get(k)))
    }

    fn get(&self, k: usize) -> f64 {
        [
            self.stars,
            self.lq,
            self.size,
            self.growth,
            self.competitive_shift,
            self.density,
            self.complexity,
        ][k]
    }

    /// Parse `lq=0.3,density=0.2` on top of the defaults.
    pub fn parse(spec: &str) -> Result<Weights, String> {
        let mut w = Weights::default();
        for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("weight '{part}' is not NAME=VALUE"))?;
            let v: f64 = v
                .trim()
                .parse()
                .map_err(|_| format!("weight '{part}': not a number"))?;
            if !(v >= 0.0 && v.is_finite()) {
                return Err(format!("weight '{part}' must be >= 0"));
            }
            match k.trim() {
                "stars" => w.stars = v,
                "lq" => w.lq = v,
                "size" => w.size = v,
                "growth" => w.growth = v,
                "competitive_shift" | "shift" => w.competitive_shift = v,
                "density" => w.density = v,
                "complexity" | "pci" => w.complexity = v,
                other => {
                    return Err(format!(
                        "unknown weight '{other}' (one of {:?})",
                        Weights::NAMES
                    ));
                }
            }
        }
        Ok(w)
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Component {
    pub name: &'static str,
    pub value: f64,
    pub score: f64,
    pub weight: f64,
    pub available: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PotentialRow {
    pub rank: usize,
    pub code: String,
    pub employment: f64,
    pub stars: u8,
    pub lq: f64,
    pub present: bool,
    pub score: f64,
    pub components: Vec<Component>,
}

/// Percentile ranks in [0, 1] of the finite values (NaN stays NaN).
fn percentile_ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).filter(|&i| v[i].is_finite()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let n = idx.len();
    let mut out = vec![f64::NAN; v.len()];
    let mut k = 0;
    while k < n {
        let mut j = k;
        while j + 1 < n && v[idx[j + 1]] == v[idx[k]] {
            j += 1;
        }
        let rank = if n > 1 {
            ((k + j) as f64 / 2.0) / (n - 1) as f64
        } else {
            1.0
        };
        for &i in &idx[k..=j] {
            out[i] = rank;
        }
        k = j + 1;
    }
    out
}

/// Rank the columns of `yr` for region index `r`. `shift` (rows of this region, one per column
/// in order, without the total) supplies the competitive shift as a share of the base.
pub fn rank(
    yr: &YearResult,
    r: usize,
    shift: Option<&[ShiftShareRow]>,
    w: &Weights,
) -> Vec<PotentialRow> {
    let nc = yr.n_cols();
    let nr = yr.region_total.len();
    // competitive shift as a share of the base, regions x columns (shift rows are region-major
    // with one total row per region first)
    let cs: Vec<f64> = shift
        .map(|rows| {
            rows.iter()
                .filter(|x| x.industry != "*")
                .map(|x| {
                    if x.base > 0.0 {
                        x.regional_shift / x.base
                    } else {
                        f64::NAN
                    }
                })
                .collect()
        })
        .filter(|v: &Vec<f64>| v.len() == nr * nc)
        .unwrap_or_default();
    let stars: Vec<f64> = (0..nr * nc).map(|i| yr.stars(i) as f64).collect();
    let mats: [&[f64]; 6] = [
        &stars,
        &yr.lq,
        &yr.share_industry,
        &yr.cagr,
        &cs,
        &yr.density,
    ];
    let has = |q: usize| yr.region_total[q] > 0.0;
    let pci_pct = percentile_ranks(&yr.pci);
    // value and score of component k for column c
    let comp = |k: usize, c: usize| -> (f64, f64) {
        if k == 6 {
            return (
                yr.pci.get(c).copied().unwrap_or(f64::NAN),
                pci_pct.get(c).copied().unwrap_or(f64::NAN),
            );
        }
        let m = mats[k];
        if m.is_empty() {
            return (f64::NAN, f64::NAN);
        }
        let v = m[r * nc + c];
        if k == 0 {
            return (v, v / 3.0);
        }
        if !v.is_finite() {
            return (v, f64::NAN);
        }
        // percentile of this region among the regions with data, for the same column
        let (mut less, mut equal, mut n) = (0usize, 0usize, 0usize);
        for q in (0..nr).filter(|&q| has(q)) {
            let x = m[q * nc + c];
            if x.is_finite() {
                n += 1;
                if x < v {
                    less += 1;
                } else if x == v {
                    equal += 1;
                }
            }
        }
        let score = if n > 1 {
            (less as f64 + (equal as f64 - 1.0) / 2.0) / (n - 1) as f64
        } else {
            1.0
        };
        (v, score)
    };
    let wsum: f64 = (0..7).map(|k| w.get(k)).sum();
    let mut rows: Vec<PotentialRow> = (0..nc)
        .filter(|&c| yr.region_total[r] > 0.0 && yr.employment[r * nc + c].is_finite())
        .map(|c| {
            let components: Vec<Component> = (0..7)
                .map(|k| {
                    let (value, s) = comp(k, c);
                    Component {
                        name: Weights::NAMES[k],
                        value,
                        score: if s.is_finite() { s } else { 0.0 },
                        weight: w.get(k),
                        available: s.is_finite(),
                    }
                })
                .collect();
            let score = if wsum > 0.0 {
                components.iter().map(|x| x.score * x.weight).sum::<f64>() / wsum
            } else {
                0.0
            };
            PotentialRow {
                rank: 0,
                code: yr.codes[c].clone(),
                employment: yr.employment[r * nc + c],
                stars: yr.stars(r * nc + c),
                lq: yr.lq[r * nc + c],
                present: !yr.present.is_empty() && yr.present[r * nc + c] == 1,
                score,
                components,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.code.cmp(&b.code))
    });
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank = i + 1;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentile_ranks_with_ties_and_nan() {
        let p = percentile_ranks(&[3.0, 1.0, f64::NAN, 3.0, 2.0]);
        assert_eq!(p[1], 0.0);
        assert!((p[4] - 1.0 / 3.0).abs() < 1e-15);
        assert!((p[0] - 2.5 / 3.0).abs() < 1e-15);
        assert_eq!(p[0], p[3]);
        assert!(p[2].is_nan());
    }

    #[test]
    fn weights_parse() {
        let w = Weights::parse("lq=0.5, density=0").unwrap();
        assert_eq!(w.lq, 0.5);
        assert_eq!(w.density, 0.0);
        assert!(Weights::parse("foo=1").is_err());
        assert!(Weights::parse("lq=-1").is_err());
    }
}
