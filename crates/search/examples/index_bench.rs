//! Synthetic build-and-query benchmark (numbers go into notes, not assertions).
//!
//!   CARGO_TARGET_DIR=/work/tgt/search cargo run --release -p klaster-search --example index_bench -- \
//!       --offers 100000 --orgs 10000 --dir /work/tgt/search-bench/idx
//!
//! Text is generated from per-language word lists: a few dozen real business words per
//! language (frequent) plus pseudo-words built from the language's letters (a long tail),
//! with inflectional endings appended, so dictionaries and postings have a realistic shape.
//! It is not real language and the translations are not translations.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use klaster_search::{
    Entity, Filters, IndexDoc, Lang, SearchIndex, SearchQuery, Sort, WriterConfig,
};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

struct Args {
    offers: usize,
    orgs: usize,
    dir: PathBuf,
    queries: usize,
    optimize: bool,
    /// Query an index left by an earlier run (same seed and sizes) instead of building.
    reuse: bool,
    memory_mb: usize,
}

fn args() -> Args {
    let mut a = Args {
        offers: 100_000,
        orgs: 10_000,
        dir: PathBuf::from("/work/tgt/search-bench/idx"),
        queries: 300,
        optimize: false,
        reuse: false,
        memory_mb: 512,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let next = v.get(i + 1).cloned().unwrap_or_default();
        match v[i].as_str() {
            "--offers" => a.offers = next.parse().expect("--offers N"),
            "--orgs" => a.orgs = next.parse().expect("--orgs N"),
            "--dir" => a.dir = PathBuf::from(next),
            "--queries" => a.queries = next.parse().expect("--queries N"),
            "--memory-mb" => a.memory_mb = next.parse().expect("--memory-mb N"),
            "--optimize" => {
                a.optimize = true;
                i -= 1;
            }
            "--reuse" => {
                a.reuse = true;
                i -= 1;
            }
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    a
}

/// Frequent real words per language (the head of the distribution).
fn common(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Pl => &[
            "obróbka",
            "współpraca",
            "klaster",
            "firma",
            "produkcja",
            "maszyna",
            "dostawca",
            "usługa",
            "stal",
            "aluminium",
            "spawanie",
            "części",
            "projekt",
            "partner",
            "technologia",
            "montaż",
            "transport",
            "energia",
            "budownictwo",
            "drewno",
        ],
        Lang::En => &[
            "machining",
            "cooperation",
            "cluster",
            "company",
            "production",
            "machine",
            "supplier",
            "service",
            "steel",
            "aluminium",
            "welding",
            "parts",
            "project",
            "partner",
            "technology",
            "assembly",
            "transport",
            "energy",
            "construction",
            "wood",
        ],
        Lang::De => &[
            "Bearbeitung",
            "Zusammenarbeit",
            "Cluster",
            "Firma",
            "Produktion",
            "Maschine",
            "Lieferant",
            "Dienstleistung",
            "Stahl",
            "Aluminium",
            "Schweißen",
            "Teile",
            "Projekt",
            "Partner",
            "Technologie",
            "Montage",
            "Transport",
            "Energie",
            "Bau",
            "Holz",
        ],
        Lang::Ru => &[
            "обработка",
            "сотрудничество",
            "кластер",
            "компания",
            "производство",
            "машина",
            "поставщик",
            "услуга",
            "сталь",
            "алюминий",
            "сварка",
            "детали",
            "проект",
            "партнёр",
            "технология",
            "монтаж",
            "транспорт",
            "энергия",
            "строительство",
            "дерево",
        ],
        Lang::It => &[
            "lavorazione",
            "cooperazione",
            "cluster",
            "azienda",
            "produzione",
            "macchina",
            "fornitore",
            "servizio",
            "acciaio",
            "alluminio",
            "saldatura",
            "parti",
            "progetto",
            "partner",
            "tecnologia",
            "montaggio",
            "trasporto",
            "energia",
            "edilizia",
            "legno",
        ],
        Lang::Be => &[
            "апрацоўка",
            "супрацоўніцтва",
            "кластар",
            "кампанія",
            "вытворчасць",
            "машына",
            "пастаўшчык",
            "паслуга",
            "сталь",
            "алюміній",
            "зварка",
            "дэталі",
            "праект",
            "партнёр",
            "тэхналогія",
            "мантаж",
            "транспарт",
            "энергія",
            "будаўніцтва",
            "дрэва",
        ],
        Lang::Uk => &[
            "обробка",
            "співпраця",
            "кластер",
            "компанія",
            "виробництво",
            "машина",
            "постачальник",
            "послуга",
            "сталь",
            "алюміній",
            "зварювання",
            "деталі",
            "проєкт",
            "партнер",
            "технологія",
            "монтаж",
            "транспорт",
            "енергія",
            "будівництво",
            "деревина",
        ],
        Lang::Cs => &[
            "zpracování",
            "spolupráce",
            "klastr",
            "firma",
            "výroba",
            "stroj",
            "dodavatel",
            "služba",
            "ocel",
            "hliník",
            "svařování",
            "díly",
            "projekt",
            "partner",
            "technologie",
            "montáž",
            "doprava",
            "energie",
            "stavebnictví",
            "dřevo",
        ],
        Lang::Hu => &[
            "megmunkálás",
            "együttműködés",
            "klaszter",
            "vállalat",
            "gyártás",
            "gép",
            "beszállító",
            "szolgáltatás",
            "acél",
            "alumínium",
            "hegesztés",
            "alkatrészek",
            "projekt",
            "partner",
            "technológia",
            "szerelés",
            "szállítás",
            "energia",
            "építőipar",
            "fa",
        ],
        Lang::Ro => &[
            "prelucrare",
            "cooperare",
            "cluster",
            "companie",
            "producție",
            "mașină",
            "furnizor",
            "serviciu",
            "oțel",
            "aluminiu",
            "sudură",
            "piese",
            "proiect",
            "partener",
            "tehnologie",
            "asamblare",
            "transport",
            "energie",
            "construcții",
            "lemn",
        ],
        Lang::Bg => &[
            "обработка",
            "сътрудничество",
            "клъстер",
            "фирма",
            "производство",
            "машина",
            "доставчик",
            "услуга",
            "стомана",
            "алуминий",
            "заваряване",
            "части",
            "проект",
            "партньор",
            "технология",
            "монтаж",
            "транспорт",
            "енергия",
            "строителство",
            "дърво",
        ],
    }
}

fn letters(
    lang: Lang,
) -> (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
) {
    // (consonants, vowels, endings)
    match lang {
        Lang::Ru | Lang::Be | Lang::Uk | Lang::Bg => (
            &[
                "б", "в", "г", "д", "к", "л", "м", "н", "п", "р", "с", "т", "ш", "з",
            ],
            &["а", "о", "е", "и", "у"],
            &["", "а", "ы", "ов", "ам", "ой", "ом", "и", "е", "ую"],
        ),
        Lang::Pl => (
            &[
                "b", "c", "d", "g", "k", "l", "ł", "m", "n", "p", "r", "s", "sz", "t", "w", "z",
            ],
            &["a", "e", "i", "o", "u", "y", "ó"],
            &["", "a", "y", "ę", "ą", "ów", "ami", "ach", "ie", "owy"],
        ),
        Lang::Hu => (
            &[
                "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "sz", "t", "v", "z",
            ],
            &["a", "á", "e", "é", "i", "o", "ö", "u"],
            &["", "ok", "ek", "ban", "ben", "nak", "t", "hoz"],
        ),
        _ => (
            &[
                "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
            ],
            &["a", "e", "i", "o", "u"],
            &["", "s", "e", "en", "i", "ing", "ed", "a", "o"],
        ),
    }
}

/// A vocabulary per language: common words first, then pseudo-words.
fn vocabulary(lang: Lang, size: usize, rng: &mut ChaCha8Rng) -> Vec<String> {
    let (cons, vows, _) = letters(lang);
    let mut v: Vec<String> = common(lang).iter().map(|s| s.to_string()).collect();
    while v.len() < size {
        let syl = rng.random_range(2..=4);
        let mut w = String::new();
        for _ in 0..syl {
            w.push_str(cons.choose(rng).unwrap());
            w.push_str(vows.choose(rng).unwrap());
        }
        w.push_str(cons.choose(rng).unwrap());
        v.push(w);
    }
    v
}

/// Zipf-like pick: rank r with probability ~ 1/r.
fn pick<'a>(vocab: &'a [String], rng: &mut ChaCha8Rng) -> &'a str {
    let n = vocab.len() as f64;
    let u: f64 = rng.random();
    let r = (n.powf(u) - 1.0) as usize;
    &vocab[r.min(vocab.len() - 1)]
}

fn sentence(lang: Lang, vocab: &[String], words: usize, rng: &mut ChaCha8Rng) -> String {
    let (_, _, endings) = letters(lang);
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(pick(vocab, rng));
        if rng.random_bool(0.3) {
            s.push_str(endings.choose(rng).unwrap());
        }
    }
    s
}

struct Gen {
    vocab: Vec<Vec<String>>,
    nace: Vec<&'static str>,
    regions: Vec<(&'static str, &'static str)>,
}

impl Gen {
    fn new(rng: &mut ChaCha8Rng) -> Gen {
        let vocab = Lang::ALL
            .iter()
            .map(|l| vocabulary(*l, 30_000, rng))
            .collect();
        let nace = klaster_refdata::nace::all()
            .iter()
            .filter(|c| c.code.len() == 5)
            .map(|c| c.code)
            .collect();
        let working = ["PL", "DE", "IT", "CZ", "HU", "RO", "BG", "BY"];
        let regions = klaster_refdata::regions::all()
            .iter()
            .filter(|r| working.contains(&r.country) && (r.level == 3 || r.country == "BY"))
            .map(|r| (r.code, r.country))
            .collect();
        Gen {
            vocab,
            nace,
            regions,
        }
    }

    fn doc(&self, entity: Entity, id: i64, rng: &mut ChaCha8Rng) -> IndexDoc {
        let orig = *Lang::ALL.choose(rng).unwrap();
        let (region, country) = *self.regions.choose(rng).unwrap();
        let published = Utc
            .timestamp_opt(1_700_000_000 + rng.random_range(0..63_000_000), 0)
            .unwrap();
        let mut d = IndexDoc::new(entity, id, orig, published);
        d.nace = vec![self.nace.choose(rng).unwrap().to_string()];
        d.regions = vec![region.to_string()];
        d.country = Some(country.to_string());
        d.clusters = vec![rng.random_range(1..200)];
        let langs: Vec<Lang> = match entity {
            Entity::Offer => {
                d.kind = Some(
                    ["cooperation", "supply", "demand"]
                        .choose(rng)
                        .unwrap()
                        .to_string(),
                );
                if rng.random_bool(0.8) {
                    d.deadline = NaiveDate::from_ymd_opt(2026, 1, 1).and_then(|s| {
                        s.checked_add_days(chrono::Days::new(rng.random_range(0..730)))
                    });
                }
                Lang::ALL.to_vec()
            }
            Entity::Organisation => {
                d.kind = Some("company".into());
                let mut l = vec![orig, Lang::En];
                l.push(*Lang::ALL.choose(rng).unwrap());
                l
            }
        };
        for l in langs {
            let v = &self.vocab[li(l)];
            let title = sentence(l, v, 6, rng);
            let body = sentence(l, v, 60, rng);
            d = d.with_text(l, &title, &body);
        }
        d
    }
}

fn li(l: Lang) -> usize {
    Lang::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

fn dir_size(p: &std::path::Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let a = args();
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let g = Gen::new(&mut rng);
    if !a.reuse {
        let _ = std::fs::remove_dir_all(&a.dir);
    }
    let idx = SearchIndex::open_with(
        &a.dir,
        WriterConfig {
            threads: 2,
            memory_bytes: a.memory_mb << 20,
        },
    )
    .expect("open index");

    let t = Instant::now();
    let mut gen_time = Duration::ZERO;
    let to_build = if a.reuse { 0 } else { a.offers + a.orgs };
    if a.reuse {
        println!(
            "reusing {} ({} entries, {:.1} MiB)",
            a.dir.display(),
            idx.num_docs(),
            dir_size(&a.dir) as f64 / 1048576.0
        );
    }
    for i in 0..to_build {
        let tg = Instant::now();
        let d = if i < a.offers {
            g.doc(Entity::Offer, i as i64 + 1, &mut rng)
        } else {
            g.doc(Entity::Organisation, (i - a.offers) as i64 + 1, &mut rng)
        };
        gen_time += tg.elapsed();
        idx.insert(&d).expect("insert");
        if (i + 1) % 100_000 == 0 {
            eprintln!("  {} docs, {:.0?}", i + 1, t.elapsed());
        }
    }
    if !a.reuse {
        idx.commit_with_cursor(1).expect("commit");
        let build = t.elapsed();
        let size = dir_size(&a.dir);
        println!(
            "build: {} offers x 11 langs + {} organisations in {:.1?} (of which text generation {:.1?}); \
         index {:.1} MiB on disk after commit",
            a.offers,
            a.orgs,
            build,
            gen_time,
            size as f64 / 1048576.0
        );
    }
    if a.optimize {
        let t = Instant::now();
        idx.optimize().expect("optimize");
        println!(
            "merge to one segment: {:.1?}; index {:.1} MiB",
            t.elapsed(),
            dir_size(&a.dir) as f64 / 1048576.0
        );
    }

    // Typical queries: word choices vary per iteration (seeded), from the common head and the tail.
    let mut qrng = ChaCha8Rng::seed_from_u64(7);
    type MkQuery = Box<dyn Fn(&Gen, &mut ChaCha8Rng) -> SearchQuery>;
    let word = |g: &Gen, l: Lang, r: &mut ChaCha8Rng, head: usize| -> String {
        let v = &g.vocab[li(l)];
        v[r.random_range(0..head.min(v.len()))].clone()
    };
    let cases: Vec<(&str, MkQuery)> = vec![
        (
            "pl 1 common word, country=PL",
            Box::new(move |g, r| SearchQuery {
                lang: Some(Lang::Pl),
                filters: Filters {
                    countries: vec!["PL".into()],
                    ..Default::default()
                },
                ..SearchQuery::text(&word(g, Lang::Pl, r, 20))
            }),
        ),
        (
            "en 2 words, nace prefix (division), relevance",
            Box::new(move |g, r| SearchQuery {
                lang: Some(Lang::En),
                filters: Filters {
                    nace: vec![g.nace.choose(r).unwrap()[..2].to_string()],
                    ..Default::default()
                },
                ..SearchQuery::text(&format!(
                    "{} {}",
                    word(g, Lang::En, r, 20),
                    word(g, Lang::En, r, 500)
                ))
            }),
        ),
        (
            "de 1 word, region prefix NUTS1 + deadline range, sort deadline",
            Box::new(move |g, r| SearchQuery {
                lang: Some(Lang::De),
                sort: Sort::Deadline,
                filters: Filters {
                    regions: vec![g.regions.choose(r).unwrap().0[..3].to_string()],
                    deadline_from: NaiveDate::from_ymd_opt(2026, 6, 1),
                    deadline_to: NaiveDate::from_ymd_opt(2026, 12, 31),
                    ..Default::default()
                },
                ..SearchQuery::text(&word(g, Lang::De, r, 20))
            }),
        ),
        (
            "ru 2 words, no filter",
            Box::new(move |g, r| SearchQuery {
                lang: Some(Lang::Ru),
                ..SearchQuery::text(&format!(
                    "{} {}",
                    word(g, Lang::Ru, r, 20),
                    word(g, Lang::Ru, r, 20)
                ))
            }),
        ),
        (
            "tail word (rare), any language",
            Box::new(move |g, r| {
                let l = *Lang::ALL.choose(r).unwrap();
                SearchQuery::text(&word(g, l, r, 30_000))
            }),
        ),
        (
            "browse: nace section + country, newest first",
            Box::new(move |g, r| SearchQuery {
                sort: Sort::Newest,
                filters: Filters {
                    nace: vec![
                        klaster_refdata::nace::ancestors(g.nace.choose(r).unwrap())
                            .last()
                            .unwrap()
                            .code
                            .into(),
                    ],
                    countries: vec!["PL".into()],
                    ..Default::default()
                },
                ..Default::default()
            }),
        ),
        (
            "organisations: name word, entity filter",
            Box::new(move |g, r| SearchQuery {
                lang: Some(Lang::En),
                filters: Filters {
                    entity: Some(Entity::Organisation),
                    ..Default::default()
                },
                ..SearchQuery::text(&word(g, Lang::En, r, 2_000))
            }),
        ),
    ];
    println!(
        "{:<62} {:>9} {:>9} {:>9} {:>10}",
        "query (limit 20, facets, snippets)", "p50", "p99", "max", "avg total"
    );
    let mut all = Vec::new();
    for (name, mk) in &cases {
        // warm-up
        for _ in 0..10 {
            let _ = idx.search(&mk(&g, &mut qrng));
        }
        let mut lat = Vec::with_capacity(a.queries);
        let mut totals = 0usize;
        for _ in 0..a.queries {
            let q = mk(&g, &mut qrng);
            let t = Instant::now();
            let r = idx.search(&q).expect("search");
            lat.push(t.elapsed());
            totals += r.total;
            all.push(q);
        }
        lat.sort();
        println!(
            "{:<62} {:>9.2?} {:>9.2?} {:>9.2?} {:>10}",
            name,
            pct(&lat, 0.5),
            pct(&lat, 0.99),
            lat[lat.len() - 1],
            totals / a.queries
        );
    }
    // Throughput: the mixed query set on 2 threads.
    let t = Instant::now();
    let done = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for part in all.chunks(all.len().div_ceil(2)) {
            let (idx, done) = (&idx, &done);
            s.spawn(move || {
                for q in part {
                    idx.search(q).expect("search");
                    done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    let n = done.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "throughput, mixed queries on 2 threads: {:.0} queries/s ({n} in {:.1?})",
        n as f64 / t.elapsed().as_secs_f64(),
        t.elapsed()
    );
}
