//! Seeded synthetic benchmark data: REGIONS x INDUSTRIES x YEARS in long format
//! (`year,region,industry,employment`), with a nested capability structure like real data
//! (capable regions hold more and rarer industries) so that ECI is not degenerate.
//!
//! cargo run --release -p klaster-analytics --example gen_synthetic -- OUT.csv [REGIONS INDUSTRIES YEARS SEED]
//! Large outputs belong outside the repository (e.g. /work/tgt/bench).

use std::io::{BufWriter, Write};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let (u1, u2): (f64, f64) = (rng.random::<f64>().max(1e-300), rng.random());
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

fn main() -> std::io::Result<()> {
    let a: Vec<String> = std::env::args().collect();
    let out = a
        .get(1)
        .expect("usage: gen_synthetic OUT.csv [REGIONS INDUSTRIES YEARS SEED]");
    let num = |i: usize, d: u64| a.get(i).map(|s| s.parse().expect("number")).unwrap_or(d);
    let (nr, nc, ny, seed) = (
        num(2, 3000) as usize,
        num(3, 1000) as usize,
        num(4, 10) as usize,
        num(5, 99),
    );
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut cap: Vec<f64> = (0..nr).map(|_| 0.1 + 0.9 * rng.random::<f64>()).collect();
    cap.sort_by(|a, b| b.total_cmp(a));
    let req: Vec<f64> = (0..nc).map(|_| 0.9 * rng.random::<f64>()).collect();
    let size: Vec<f64> = (0..nr).map(|_| (8.0 + normal(&mut rng)).exp()).collect();
    let mut emp = vec![0.0f64; nr * nc];
    for r in 0..nr {
        for c in 0..nc {
            let p = (1.0 / (1.0 + (-8.0 * (cap[r] - req[c]) - 1.5).exp())).clamp(0.02, 0.98);
            let present = rng.random::<f64>() < p && rng.random::<f64>() > 0.05;
            if present {
                emp[r * nc + c] =
                    (size[r] * (1.2 * normal(&mut rng)).exp() / nc as f64 * 20.0).round();
            }
        }
    }
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    writeln!(w, "year,region,industry,employment")?;
    let regions: Vec<String> = (0..nr).map(|r| format!("R{r:05}")).collect();
    let industries: Vec<String> = (0..nc).map(|c| format!("I{c:04}")).collect();
    for k in 0..ny {
        let year = 2016 + k;
        for r in 0..nr {
            for c in 0..nc {
                writeln!(
                    w,
                    "{year},{},{},{}",
                    regions[r],
                    industries[c],
                    emp[r * nc + c] as u64
                )?;
            }
        }
        for v in emp.iter_mut() {
            *v = (*v * (0.05 * normal(&mut rng)).exp()).round();
        }
    }
    w.flush()
}
