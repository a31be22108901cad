//! Measures the one-time parse of the embedded tables: `cargo run -p klaster-refdata --example startup`.

fn main() {
    let t = std::time::Instant::now();
    klaster_refdata::init();
    let parse = t.elapsed();
    let t = std::time::Instant::now();
    let mut hits = 0usize;
    for _ in 0..1000 {
        hits += usize::from(klaster_refdata::nace::get("25.11.Z").is_some());
        hits += usize::from(klaster_refdata::regions::is_under("PL841", "PL8"));
    }
    println!(
        "parsed {} bytes of embedded data in {parse:?}; 2000 lookups in {:?} ({hits} hits)",
        klaster_refdata::embedded_size(),
        t.elapsed()
    );
}
