//! Co-presence counts (M'M) by bitsets and popcount, proximity (Hidalgo et al. 2007: minimum
//! of the two conditional probabilities), and one fused pass for relatedness density and
//! complexity outlook gain. The heavy loops run on all cores with scoped threads.

pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(16)
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
                            row[k] = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
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
                if diagonal_one && ubiquity[c] > 0.0 { 1.0 } else { 0.0 }
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
        .map(|c| if pci_raw[c].is_finite() && colsum[c] > 0.0 { pci_raw[c] / colsum[c] } else { 0.0 })
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
    let mut density = vec![0.0; nr * nc];
    let mut cog = vec![0.0; nr * nc];
    let nt = threads().min(nr.max(1));
    let rows_per = nr.div_ceil(nt).max(1);
    const BLOCK: usize = 128;
    std::thread::scope(|s| {
        for ((dchunk, gchunk), t) in density.chunks_mut(rows_per * nc).zip(cog.chunks_mut(rows_per * nc)).zip(0..) {
            let (colsum, wt, g) = (&colsum, &wt, &g);
            s.spawn(move || {
                let r0 = t * rows_per;
                let nrows = dchunk.len() / nc;
                let present: Vec<Vec<u32>> = (0..nrows)
                    .map(|k| {
                        let row = &m[(r0 + k) * nc..(r0 + k + 1) * nc];
                        (0..nc as u32).filter(|&c| row[c as usize] != 0).collect()
                    })
                    .collect();
                let mut a1 = [0.0f64; BLOCK];
                let mut a2 = [0.0f64; BLOCK];
                let mut c0 = 0;
                while c0 < nc {
                    let bw = BLOCK.min(nc - c0);
                    for k in 0..nrows {
                        let r = r0 + k;
                        let out_d = &mut dchunk[k * nc + c0..k * nc + c0 + bw];
                        let out_g = &mut gchunk[k * nc + c0..k * nc + c0 + bw];
                        if !has_data[r] {
                            out_d.fill(f64::NAN);
                            out_g.fill(f64::NAN);
                            continue;
                        }
                        let (a1, a2) = (&mut a1[..bw], &mut a2[..bw]);
                        a1.fill(0.0);
                        a2.fill(0.0);
                        for &c2 in &present[k] {
                            let c2 = c2 as usize;
                            let row = &phi[c2 * nc + c0..c2 * nc + c0 + bw];
                            let w = wt[c2];
                            for j in 0..bw {
                                a1[j] += row[j];
                                a2[j] += w * row[j];
                            }
                        }
                        let mrow = &m[r * nc + c0..r * nc + c0 + bw];
                        for j in 0..bw {
                            let c = c0 + j;
                            out_d[j] = if colsum[c] > 0.0 { a1[j] / colsum[c] } else { f64::NAN };
                            out_g[j] = if !pci_raw[c].is_finite() {
                                f64::NAN
                            } else if mrow[j] != 0 {
                                0.0
                            } else {
                                g[c] - a2[j]
                            };
                        }
                    }
                    c0 += bw;
                }
            });
        }
    });
    (density, cog)
}
