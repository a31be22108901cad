//! Writes N synthetic organisations as CSV in the import layout, for the import and list
//! benchmarks (`bench/directory.sh`). Seeded: the same N gives the same file.
//!
//! cargo run --release -p klaster-cli --example gen_orgs -- 100000 > orgs.csv

use std::io::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const NACE: &[&str] = &[
    "25.11", "25.62", "25.61", "25.73", "28.30", "28.41", "41.20", "42.11", "43.21", "43.31",
    "35.11", "62.01", "62.02", "14.14", "10.51", "10.52", "10.71", "16.23", "22.29", "31.09",
];
const PL_REGIONS: &[&str] = &[
    "PL841", "PL842", "PL843", "PL911", "PL912", "PL213", "PL414", "PL514", "PL633", "PL815",
    "PL621", "PL524", "PL613", "PL721", "PL822", "PL432",
];
const BY_REGIONS: &[&str] = &[
    "BY-BR", "BY-HO", "BY-HR", "BY-MA", "BY-MI", "BY-HM", "BY-VI",
];
const WORDS: &[&str] = &[
    "Metal",
    "Bud",
    "Tech",
    "Mleko",
    "Drew",
    "Stal",
    "Serwis",
    "Energia",
    "Projekt",
    "Soft",
    "Plast",
    "Agro",
    "Trans",
    "Instal",
    "Konstrukcje",
    "Maszyny",
];
const FORMS: &[&str] = &["Sp. z o.o.", "S.A.", "Sp.j.", "PHU", "ZPUH"];
const SIZES: &[&str] = &["micro", "small", "medium", "large"];

/// A valid NIP from a 9-digit body (None when the check digit would be 10).
fn nip(body: u64) -> Option<String> {
    const W: [u64; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    let digits: Vec<u64> = format!("{body:09}")
        .bytes()
        .map(|b| u64::from(b - b'0'))
        .collect();
    let check = digits.iter().zip(W).map(|(d, w)| d * w).sum::<u64>() % 11;
    (check != 10).then(|| format!("{body:09}{check}"))
}

fn main() -> std::io::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut rng = ChaCha8Rng::seed_from_u64(2003);
    let out = std::io::stdout();
    let mut w = std::io::BufWriter::new(out.lock());
    writeln!(
        w,
        "name,name_lang,kind,nip,unp,country,region,size_class,employees,nace_main,nace_other,description,description_lang,capabilities,certifications"
    )?;
    let mut body = 100_000_000u64;
    for i in 0..n {
        let by = rng.random_ratio(1, 5);
        let nace = NACE[rng.random_range(0..NACE.len())];
        let other = NACE[rng.random_range(0..NACE.len())];
        let word = WORDS[rng.random_range(0..WORDS.len())];
        let size = SIZES[rng.random_range(0..SIZES.len())];
        let employees = match size {
            "micro" => rng.random_range(1..10),
            "small" => rng.random_range(10..50),
            "medium" => rng.random_range(50..250),
            _ => rng.random_range(250..2000),
        };
        let (country, region, id_cols, lang) = if by {
            let r = BY_REGIONS[rng.random_range(0..BY_REGIONS.len())];
            ("BY", r, format!(",{}", 100_000_000 + i), "ru")
        } else {
            let r = PL_REGIONS[rng.random_range(0..PL_REGIONS.len())];
            let id = loop {
                body += 1;
                if let Some(n) = nip(body) {
                    break n;
                }
            };
            ("PL", r, format!("{id},"), "pl")
        };
        let form = FORMS[rng.random_range(0..FORMS.len())];
        writeln!(
            w,
            "{word}-{i} {form},{lang},company,{id_cols},{country},{region},{size},{employees},{nace},{other},\"Firma {word} ({nace}): produkcja, usługi, kooperacja.\",{lang},\"CNC; spawanie; montaż\",ISO 9001"
        )?;
    }
    w.flush()
}
