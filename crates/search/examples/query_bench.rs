//! The offer search page's queries against an index built elsewhere (e.g. the 1,000,000-offer
//! data set of `bench/pages.sh`), without HTTP or the database: where a page's time goes
//! inside the index. Each run asks for the next page (pages 1 to `--runs`), so the result
//! cache never answers. Numbers go into notes, not assertions.
//!
//!   cargo run --release -p klaster-search --example query_bench -- \
//!       --dir /work/tgt/bench-data/big1000000/index [--runs 200] [--word obróbka]
//!
//! Stop the server that owns the index first (the index's writer lock).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use klaster_search::{Entity, Filters, Lang, SearchIndex, SearchQuery, Sort};

fn main() {
    let mut dir = None;
    let mut runs = 200usize;
    let mut word = "obróbka".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--dir" => dir = Some(PathBuf::from(value())),
            "--runs" => runs = value().parse().expect("--runs N"),
            "--word" => word = value(),
            other => panic!("unknown option {other}"),
        }
    }
    let dir = dir.expect("--dir path/to/index");
    let idx = SearchIndex::open_or_create(&dir).expect("open index");
    println!("{} entries in {}", idx.num_docs(), dir.display());

    // As the page asks: offers only, public audience, 20 per page, the reader's language.
    let page = |text: &str, sort: Sort, kinds: &[&str]| SearchQuery {
        text: text.into(),
        lang: Some(Lang::Pl),
        filters: Filters {
            entity: Some(Entity::Offer),
            kinds: kinds.iter().map(|k| k.to_string()).collect(),
            ..Default::default()
        },
        sort,
        offset: 0,
        limit: 20,
    };
    let cases = [
        ("word, relevance", page(&word, Sort::Relevance, &[])),
        (
            "word + kind facet, relevance",
            page(&word, Sort::Relevance, &["order_handover"]),
        ),
        ("word, newest first", page(&word, Sort::Newest, &[])),
        ("browse, newest first", page("", Sort::Newest, &[])),
        (
            "browse + kind facet, newest",
            page("", Sort::Newest, &["business_offer"]),
        ),
        ("browse, deadline", page("", Sort::Deadline, &[])),
    ];
    println!(
        "{:<32} {:>10} {:>10} {:>10} {:>10}",
        "query (limit 20, facets)", "p50", "p99", "max", "total"
    );
    for (name, q) in &cases {
        for _ in 0..5 {
            idx.search(q).expect("search");
        }
        let mut lat: Vec<Duration> = Vec::with_capacity(runs);
        let mut total = 0;
        // Each run asks for another page, so none is answered from the result cache.
        for run in 0..runs {
            let q = SearchQuery {
                offset: (run * 20) % 10_000,
                ..q.clone()
            };
            let t = Instant::now();
            total = idx.search(&q).expect("search").total;
            lat.push(t.elapsed());
        }
        lat.sort();
        let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
        println!(
            "{:<32} {:>10.2?} {:>10.2?} {:>10.2?} {:>10}",
            name,
            pct(0.5),
            pct(0.99),
            lat[lat.len() - 1],
            total
        );
    }
}
