//! Shift-share between two years (Dunn's classic decomposition, with Esteban-Marquillas'
//! split of the regional shift). The nation is the sum of all regions in the data.
//!
//! For each region r and industry c: `national_share = r0 (N1/N0 - 1)`,
//! `industry_mix = r0 (n1_c/n0_c - N1/N0)`, `regional_shift = r1 - r0 n1_c/n0_c`. The three sum
//! to `r1 - r0` by construction; where r0 = 0 the first two are 0 and the whole change is
//! regional (`r0 * r1/r0` taken as `r1`, never a division by zero).

use serde::Serialize;

use crate::dataset::Dataset;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShiftShareRow {
    pub region: String,
    /// Industry or category code; `*` for the region's total over all columns.
    pub industry: String,
    pub base: f64,
    pub actual_change: f64,
    pub national_share: f64,
    pub industry_mix: f64,
    pub regional_shift: f64,
    /// Esteban-Marquillas: competitive effect on homothetic employment `h = R0 n0_c / N0`.
    pub em_competitive: f64,
    /// Esteban-Marquillas: allocation effect `(r0 - h)(r1/r0 - n1_c/n0_c)`.
    pub em_allocation: f64,
}

/// Decompose the change from year `from` to year `to`. Cells missing in either year get NaN
/// components and are left out of the totals (reported by the caller's diagnostics).
pub fn shift_share(ds: &Dataset, from: i32, to: i32) -> Result<Vec<ShiftShareRow>> {
    shift_share_with_national(ds, from, to, None)
}

/// As [`shift_share`], with the national employment of the two years given from elsewhere:
/// cluster categories may overlap or leave industries out, so their sum is not the economy and
/// the national growth must come from the industry-level data. `homothetic` shares then use
/// the category's own national total as before.
pub fn shift_share_with_national(
    ds: &Dataset,
    from: i32,
    to: i32,
    national: Option<(f64, f64)>,
) -> Result<Vec<ShiftShareRow>> {
    let y0 = ds
        .year_index(from)
        .ok_or_else(|| Error::Param(format!("year {from} is not in the data")))?;
    let y1 = ds
        .year_index(to)
        .ok_or_else(|| Error::Param(format!("year {to} is not in the data")))?;
    let (nr, nc) = (ds.n_regions(), ds.n_industries());
    let (a, b) = (ds.year_employment(y0), ds.year_employment(y1));
    let valid = |i: usize| a[i].is_finite() && b[i].is_finite();
    let (mut n0, mut n1) = (vec![0.0; nc], vec![0.0; nc]);
    for r in 0..nr {
        for c in 0..nc {
            let i = r * nc + c;
            if valid(i) {
                n0[c] += a[i];
                n1[c] += b[i];
            }
        }
    }
    let (nn0, nn1): (f64, f64) = national.unwrap_or((n0.iter().sum(), n1.iter().sum()));
    if nn0 <= 0.0 {
        return Err(Error::Param(format!(
            "no employment in {from}: shift-share undefined"
        )));
    }
    let gn = nn1 / nn0;
    let mut rows = Vec::with_capacity(nr * (nc + 1));
    for r in 0..nr {
        let r_tot0: f64 = (0..nc)
            .filter(|&c| valid(r * nc + c))
            .map(|c| a[r * nc + c])
            .sum();
        let mut tot = [0.0f64; 7];
        let start = rows.len();
        for c in 0..nc {
            let i = r * nc + c;
            let (r0, r1) = (a[i], b[i]);
            let row = if !valid(i) {
                [f64::NAN; 7]
            } else if r0 == 0.0 {
                [0.0, r1, 0.0, 0.0, r1, 0.0, 0.0]
            } else {
                let gc = n1[c] / n0[c];
                let nat = r0 * (gn - 1.0);
                let mix = r0 * (gc - gn);
                let change = r1 - r0;
                let h = r_tot0 * n0[c] / nn0;
                let rate = r1 / r0 - gc;
                [
                    r0,
                    change,
                    nat,
                    mix,
                    change - nat - mix,
                    h * rate,
                    (r0 - h) * rate,
                ]
            };
            if valid(i) {
                for k in 0..7 {
                    tot[k] += row[k];
                }
            }
            rows.push(ShiftShareRow {
                region: ds.regions[r].clone(),
                industry: ds.industries[c].clone(),
                base: row[0],
                actual_change: row[1],
                national_share: row[2],
                industry_mix: row[3],
                regional_shift: row[4],
                em_competitive: row[5],
                em_allocation: row[6],
            });
        }
        rows.insert(
            start,
            ShiftShareRow {
                region: ds.regions[r].clone(),
                industry: "*".into(),
                base: tot[0],
                actual_change: tot[1],
                national_share: tot[2],
                industry_mix: tot[3],
                regional_shift: tot[4],
                em_competitive: tot[5],
                em_allocation: tot[6],
            },
        );
    }
    Ok(rows)
}
