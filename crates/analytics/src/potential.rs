//! Potential clusters of a region: an explained ranking. Every component is shown with its raw
//! value and its score; the score of a column is the weighted mean of the component scores.
//!
//! Component scores are in [0, 1]: stars as stars/3; every other component as the percentile
//! rank among the region's columns (ties share the mean rank), so components on different
//! scales can be combined and a development agency can see why a column ranks where it does.
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
        Weights { stars: 0.2, lq: 0.15, size: 0.1, growth: 0.15, competitive_shift: 0.1, density: 0.2, complexity: 0.1 }
    }
}

impl Weights {
    pub const NAMES: [&'static str; 7] = ["stars", "lq", "size", "growth", "competitive_shift", "density", "complexity"];

    fn get(&self, k: usize) -> f64 {
        [self.stars, self.lq, self.size, self.growth, self.competitive_shift, self.density, self.complexity][k]
    }

    /// Parse `lq=0.3,density=0.2` on top of the defaults.
    pub fn parse(spec: &str) -> Result<Weights, String> {
        let mut w = Weights::default();
        for part in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = part.split_once('=').ok_or_else(|| format!("weight '{part}' is not NAME=VALUE"))?;
            let v: f64 = v.trim().parse().map_err(|_| format!("weight '{part}': not a number"))?;
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
                other => return Err(format!("unknown weight '{other}' (one of {:?})", Weights::NAMES)),
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
        let rank = if n > 1 { ((k + j) as f64 / 2.0) / (n - 1) as f64 } else { 1.0 };
        for &i in &idx[k..=j] {
            out[i] = rank;
        }
        k = j + 1;
    }
    out
}

/// Rank the columns of `yr` for region index `r`. `shift` (rows of this region, one per column
/// in order, without the total) supplies the competitive shift as a share of the base.
pub fn rank(yr: &YearResult, r: usize, shift: Option<&[ShiftShareRow]>, w: &Weights) -> Vec<PotentialRow> {
    let nc = yr.n_cols();
    let cell = |v: &Vec<f64>, c: usize| if v.is_empty() { f64::NAN } else { v[r * nc + c] };
    let raw: Vec<Vec<f64>> = vec![
        (0..nc).map(|c| yr.stars(r * nc + c) as f64).collect(),
        (0..nc).map(|c| cell(&yr.lq, c)).collect(),
        (0..nc).map(|c| cell(&yr.share_industry, c)).collect(),
        (0..nc).map(|c| cell(&yr.cagr, c)).collect(),
        (0..nc)
            .map(|c| match shift {
                Some(s) if s[c].base > 0.0 => s[c].regional_shift / s[c].base,
                _ => f64::NAN,
            })
            .collect(),
        (0..nc).map(|c| cell(&yr.density, c)).collect(),
        (0..nc).map(|c| if yr.pci.is_empty() { f64::NAN } else { yr.pci[c] }).collect(),
    ];
    let scores: Vec<Vec<f64>> = raw
        .iter()
        .enumerate()
        .map(|(k, v)| if k == 0 { v.iter().map(|s| s / 3.0).collect() } else { percentile_ranks(v) })
        .collect();
    let wsum: f64 = (0..7).map(|k| w.get(k)).sum();
    let mut rows: Vec<PotentialRow> = (0..nc)
        .filter(|&c| yr.region_total[r] > 0.0 && yr.employment[r * nc + c].is_finite())
        .map(|c| {
            let components: Vec<Component> = (0..7)
                .map(|k| {
                    let s = scores[k][c];
                    Component {
                        name: Weights::NAMES[k],
                        value: raw[k][c],
                        score: if s.is_finite() { s } else { 0.0 },
                        weight: w.get(k),
                        available: s.is_finite(),
                    }
                })
                .collect();
            let score = if wsum > 0.0 { components.iter().map(|x| x.score * x.weight).sum::<f64>() / wsum } else { 0.0 };
            PotentialRow {
                rank: 0,
                code: yr.codes[c].clone(),
                employment: yr.employment[r * nc + c],
                stars: yr.stars(r * nc + c),
                lq: cell(&yr.lq, c),
                present: !yr.present.is_empty() && yr.present[r * nc + c] == 1,
                score,
                components,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.code.cmp(&b.code)));
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
