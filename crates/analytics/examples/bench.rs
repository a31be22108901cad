//! Benchmark of the engine on a long CSV (see bench/run_bench.sh). Prints one JSON line with
//! wall times in seconds; peak memory comes from `/usr/bin/time -v` around this program.
//!
//! bench FILE full        # read + the whole indicator set (industries, stars, growth,
//!                        # relatedness, complexity, concentration) for every year
//! bench FILE complexity  # read + presence, proximity, density, ECI/PCI, COI/COG only
//! bench FILE read        # reading the CSV only
//! Optional third argument: a path to write ECI/PCI of the first year (growthlab preset) for
//! comparison with Python ecomplexity.

use std::io::Write;
use std::time::Instant;

use klaster_analytics::complexity::{complexity, presence};
use klaster_analytics::concentration::concentration;
use klaster_analytics::indicators::Base;
use klaster_analytics::{Analyzer, ComplexityOptions, Dataset, Params, Preset, ReadOptions};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (file, mode) = (&a[1], a.get(2).map(String::as_str).unwrap_or("full"));
    let t0 = Instant::now();
    let ds = Dataset::from_path(std::path::Path::new(file), &ReadOptions::default()).expect("read");
    let read_s = t0.elapsed().as_secs_f64();
    let mut per_year = Vec::new();
    let params = Params {
        complexity: ComplexityOptions::preset(Preset::Growthlab),
        ..Params::default()
    };
    let (nr, nc) = (ds.n_regions(), ds.n_industries());
    let mut checksum = 0.0;
    let mut steps = String::new();
    let tc = Instant::now();
    let mut last = Instant::now();
    match mode {
        "full" => {
            // whole indicator set; years computed ahead on worker threads, delivered in order
            let an = Analyzer::new(&ds, &params).expect("params");
            an.for_each_year(&mut |yr| -> Result<(), ()> {
                let yi = ds.year_index(yr.year).unwrap();
                let conc = concentration(&ds, yi, None);
                checksum += yr
                    .eci
                    .iter()
                    .filter(|v| v.is_finite())
                    .map(|v| v.abs())
                    .sum::<f64>()
                    + conc.len() as f64;
                if yi == 0 {
                    steps = format!("{:?}", yr.eigenvalues);
                    if let Some(out) = a.get(3) {
                        write_indices(out, &ds, &yr.eci, &yr.pci);
                    }
                }
                per_year.push(last.elapsed().as_secs_f64());
                last = Instant::now();
                Ok(())
            })
            .unwrap();
        }
        "complexity" => {
            for yi in 0..ds.years.len() {
                let base = Base::new(ds.year_employment(yi), nr, nc);
                let m = presence(&base.lq, 1.0);
                let cx = complexity(&m, nr, nc, &base.has_data, &params.complexity);
                checksum += cx
                    .eci
                    .iter()
                    .filter(|v| v.is_finite())
                    .map(|v| v.abs())
                    .sum::<f64>();
                if yi == 0 {
                    steps = format!("{:?}", cx.eigenvalues);
                    if let Some(out) = a.get(3) {
                        write_indices(out, &ds, &cx.eci, &cx.pci);
                    }
                }
                per_year.push(last.elapsed().as_secs_f64());
                last = Instant::now();
            }
        }
        "read" => {}
        other => panic!("unknown mode {other}"),
    }
    let compute = tc.elapsed().as_secs_f64();
    let total = t0.elapsed().as_secs_f64();
    println!(
        "{{\"mode\":\"{mode}\",\"file\":\"{file}\",\"regions\":{nr},\"industries\":{nc},\"years\":{},\"read_s\":{read_s:.3},\
         \"compute_s\":{compute:.3},\"per_year_s\":{:?},\"total_s\":{total:.3},\"eigenvalues_y0\":\"{steps}\",\"checksum\":{checksum}}}",
        ds.years.len(),
        per_year
            .iter()
            .map(|x| (x * 1000.0).round() / 1000.0)
            .collect::<Vec<_>>()
    );
}

fn write_indices(path: &str, ds: &Dataset, eci: &[f64], pci: &[f64]) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    writeln!(w, "kind,code,value").unwrap();
    for (r, v) in eci.iter().enumerate() {
        writeln!(w, "region,{},{v}", ds.regions[r]).unwrap();
    }
    for (c, v) in pci.iter().enumerate() {
        writeln!(w, "industry,{},{v}", ds.industries[c]).unwrap();
    }
}
