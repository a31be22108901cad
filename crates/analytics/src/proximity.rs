//! Co-presence counts (M'M) by bitsets and popcount, proximity (Hidalgo et al. 2007: minimum
//! of the two conditional probabilities), and one fused pass for relatedness density and
//! complexity outlook gain. The heavy loops run on all cores with scoped threads.

pub(crate) fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(16)
}

/// Width of the column panels of the density kernel.
const W: usize = 16;

/// Sums of packed panel rows over the listed rows c': `(sum phi[c', panel], sum wt[c'] phi[c', panel])`.
/// The hot loop of the engine: the accumulators stay in registers while the rows stream through
/// a contiguous panel; compiled twice, with AVX2+FMA chosen at run time where the CPU has it
/// (FMA rounding differs from the portable path in the last bit only).
fn accumulate(
    rows: &[u32],
    panel: &[f64],
    wt: &[f64],
    init: ([f64; W], [f64; W]),
) -> ([f64; W], [f64; W]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU supports the features the function is compiled for.
            return unsafe { accumulate_avx2(rows, panel, wt, init) };
        }
    }
    accumulate_body::<false>(rows, panel, wt, init)
}

#[inline(always)]
fn accumulate_body<const FMA: bool>(
    rows: &[u32],
    panel: &[f64],
    wt: &[f64],
    init: ([f64; W], [f64; W]),
) -> ([f64; W], [f64; W]) {
    let (mut x1, mut x2) = init;
    for &c2 in rows {
        let at = c2 as usize * W;
        let row: &[f64; W] = panel[at..at + W].try_into().expect("panel row");
        let w = wt[c2 as usize];
        for k in 0..W {
            x1[k] += row[k];
            x2[k] = if FMA {
                w.mul_add(row[k], x2[k])
            } else {
                x2[k] + w * row[k]
            };
        }
    }
    (x1, x2)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn accumulate_avx2(
    rows: &[u32],
    panel: &[f64],
    wt: &[f64],
    init: ([f64; W], [f64; W]),
) -> ([f64; W], [f64; W]) {
    accumulate_body::<true>(rows, panel, wt, init)
}

/// Popcount of `a & b` (hardware POPCNT where available).
fn and_count(a: &[u64], b: &[u64]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU supports POPCNT.
            return unsafe { and_count_popcnt(a, b) };
        }
    }
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "popcnt")]
fn and_count_popcnt(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

/// Co-presence counts `sum_r M[r,c] M[r,c']`, industries x industries (symmetric).
pub fn co_presence(m: &[u8], nr: usize, nc: usize) -> Vec<u32> {
    let w = nr.div_ceil(64).max(1);
    let mut bits = vec![0u64; nc * w];
    for r in 0..nr {
        let row = &m[r * nc..(r + 1) * nc];
        for (c, &x) in row.iter().enumerate() {
            if x != 0 {
                bits[c * w + r / 64] |= 1 << (r % 64);
            }
        }
    }
    let mut co = vec![0u32; nc * nc];
    let nt = threads().min(nc.max(1));
    // interleaved rows balance the triangular work
    std::thread::scope(|s| {
        let chunks: Vec<Vec<(usize, Vec<u32>)>> = (0..nt)
            .map(|t| {
                let bits = &bits;
                s.spawn(move || {
                    let mut out = Vec::new();
                    let mut c = t;
                    while c < nc {
                        let a = &bits[c * w..(c + 1) * w];
                        let mut row = vec![0u32; nc - c];
                        for (k, c2) in (c..nc).enumerate() {
                            let b = &bits[c2 * w..(c2 + 1) * w];
                            row[k] = and_count(a, b);
                        }
                        out.push((c, row));
                        c += nt;
                    }
                    out
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| h.join().expect("co-presence worker"))
            .collect();
        for part in chunks {
            for (c, row) in part {
                for (k, v) in row.into_iter().enumerate() {
                    co[c * nc + c + k] = v;
                    co[(c + k) * nc + c] = v;
                }
            }
        }
    });
    co
}

/// `phi[c,c'] = co / max(u_c, u_c')`; 0 when either industry is present nowhere.
pub fn proximity_from_counts(co: &[u32], ubiquity: &[f64], diagonal_one: bool) -> Vec<f64> {
    let nc = ubiquity.len();
    let mut phi = vec![0.0; nc * nc];
    for c in 0..nc {
        for c2 in 0..nc {
            let mx = ubiquity[c].max(ubiquity[c2]);
            phi[c * nc + c2] = if c == c2 {
                if diagonal_one && ubiquity[c] > 0.0 {
                    1.0
                } else {
                    0.0
                }
            } else if ubiquity[c] > 0.0 && ubiquity[c2] > 0.0 {
                co[c * nc + c2] as f64 / mx
            } else {
                0.0
            };
        }
    }
    phi
}

/// Density `sum_c' M[r,c'] phi[c',c] / sum_c' phi[c',c]` and the raw outlook gain
/// `(1-M[r,c]) sum_c' (1-M[r,c']) phi[c',c] pci[c'] / sum_c'' phi[c',c'']` (not yet divided by
/// the ECI scale). Both from one pass over the present industries of each region: the sum over
/// absent ones is the sum over all minus the sum over present ones.
pub fn density_and_gain(
    m: &[u8],
    nr: usize,
    nc: usize,
    phi: &[f64],
    pci_raw: &[f64],
    has_data: &[bool],
) -> (Vec<f64>, Vec<f64>) {
    let colsum: Vec<f64> = {
        let mut s = vec![0.0; nc];
        for c in 0..nc {
            s[c] = phi[c * nc..(c + 1) * nc].iter().sum(); // phi is symmetric: row sum = column sum
        }
        s
    };
    let wt: Vec<f64> = (0..nc)
        .map(|c| {
            if pci_raw[c].is_finite() && colsum[c] > 0.0 {
                pci_raw[c] / colsum[c]
            } else {
                0.0
            }
        })
        .collect();
    let mut g = vec![0.0; nc];
    for c2 in 0..nc {
        if wt[c2] != 0.0 {
            let row = &phi[c2 * nc..(c2 + 1) * nc];
            for c in 0..nc {
                g[c] += wt[c2] * row[c];
            }
        }
    }
    let mut density = crate::pool::take(nr * nc, 0.0);
    let mut cog = crate::pool::take(nr * nc, 0.0);
    // panels of W columns, each contiguous (nc x W): streaming rows of a panel stays in cache
    let nb = nc.div_ceil(W);
    let mut panels = vec![0.0; nb * nc * W];
    for c2 in 0..nc {
        for c in 0..nc {
            panels[((c / W) * nc + c2) * W + c % W] = phi[c2 * nc + c];
        }
    }
    let nt = threads().min(nr.max(1));
    let rows_per = nr.div_ceil(nt).max(1);
    std::thread::scope(|s| {
        for ((dchunk, gchunk), t) in density
            .chunks_mut(rows_per * nc)
            .zip(cog.chunks_mut(rows_per * nc))
            .zip(0..)
        {
            let (colsum, wt, g, panels) = (&colsum, &wt, &g, &panels);
            s.spawn(move || {
                let r0 = t * rows_per;
                let nrows = dchunk.len() / nc;
                let present: Vec<Vec<u32>> = (0..nrows)
                    .map(|k| {
                        let row = &m[(r0 + k) * nc..(r0 + k + 1) * nc];
                        (0..nc as u32).filter(|&c| row[c as usize] != 0).collect()
                    })
                    .collect();
                for b in 0..nb {
                    let panel = &panels[b * nc * W..(b + 1) * nc * W];
                    let c0 = b * W;
                    let bw = W.min(nc - c0);
                    for k in 0..nrows {
                        let r = r0 + k;
                        let out_d = &mut dchunk[k * nc + c0..k * nc + c0 + bw];
                        let out_g = &mut gchunk[k * nc + c0..k * nc + c0 + bw];
                        if !has_data[r] {
                            out_d.fill(f64::NAN);
                            out_g.fill(f64::NAN);
                            continue;
                        }
                        let (a1, a2) = accumulate(&present[k], panel, wt, ([0.0; W], [0.0; W]));
                        let mrow = &m[r * nc + c0..r * nc + c0 + bw];
                        for j in 0..bw {
                            let c = c0 + j;
                            out_d[j] = if colsum[c] > 0.0 {
                                a1[j] / colsum[c]
                            } else {
                                f64::NAN
                            };
                            out_g[j] = if !pci_raw[c].is_finite() {
                                f64::NAN
                            } else if mrow[j] != 0 {
                                0.0
                            } else {
                                g[c] - a2[j]
                            };
                        }
                    }
                }
            });
        }
    });
    (density, cog)
}
