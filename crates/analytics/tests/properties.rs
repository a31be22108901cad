//! Property tests and bad-input tests.

use klaster_analytics::hierarchy::{NaceLevel, nace_at_level};
use klaster_analytics::indicators::Base;
use klaster_analytics::shiftshare::shift_share;
use klaster_analytics::{Dataset, Error, Params, ReadOptions, analyze};
use proptest::prelude::*;

fn to_csv(rows: &[(String, String, i32, u32)]) -> String {
    let mut s = String::from("region,industry,year,employment\n");
    for (r, c, y, e) in rows {
        s += &format!("{r},{c},{y},{e}\n");
    }
    s
}

fn read(csv: &str) -> Result<Dataset, Error> {
    Dataset::from_reader(csv.as_bytes(), &ReadOptions::named("in.csv"))
}

/// A full table of `nr` regions x `nc` NACE classes x 2 years with random employment.
fn table() -> impl Strategy<Value = Vec<(String, String, i32, u32)>> {
    (2usize..6, 2usize..7).prop_flat_map(|(nr, nc)| {
        prop::collection::vec(0u32..500, nr * nc * 2).prop_map(move |v| {
            let mut rows = Vec::new();
            for y in 0..2 {
                for r in 0..nr {
                    for c in 0..nc {
                        // classes of divisions 10 and 28: 10.11, 10.12, 28.11, ...
                        let code = format!(
                            "{}.{}{}",
                            if c % 2 == 0 { 10 } else { 28 },
                            1 + c / 4,
                            1 + c % 4
                        );
                        rows.push((
                            format!("PL{r}"),
                            code,
                            2020 + y as i32,
                            v[(y * nr + r) * nc + c] + 1,
                        ));
                    }
                }
            }
            rows
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The employment-weighted mean LQ of every industry is 1, and the LQ of the whole economy
    /// (all regions together) is 1.
    #[test]
    fn lq_of_whole_economy_is_one(rows in table()) {
        let d = read(&to_csv(&rows)).unwrap();
        let (nr, nc) = (d.n_regions(), d.n_industries());
        let b = Base::new(d.year_employment(0), nr, nc);
        for c in 0..nc {
            let s: f64 = (0..nr).map(|r| b.region_total[r] / b.total * b.lq[r * nc + c]).sum();
            prop_assert!((s - 1.0).abs() < 1e-12);
        }
        let all = d.aggregate_regions(|_| Some("ALL".into()));
        let b1 = Base::new(all.year_employment(0), 1, nc);
        prop_assert!(b1.lq.iter().all(|l| (l - 1.0).abs() < 1e-12));
    }

    #[test]
    fn shift_share_components_sum_to_change(rows in table()) {
        let d = read(&to_csv(&rows)).unwrap();
        for s in shift_share(&d, 2020, 2021).unwrap() {
            let sum = s.national_share + s.industry_mix + s.regional_shift;
            prop_assert!((sum - s.actual_change).abs() <= 1e-9 * (1.0 + s.actual_change.abs()));
        }
    }

    /// Shuffled rows give bit-identical results.
    #[test]
    fn results_do_not_depend_on_row_order(rows in table(), seed in 0u64..1000) {
        let mut shuffled = rows.clone();
        let n = shuffled.len();
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        for i in (1..n).rev() {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (x >> 33) as usize % (i + 1));
        }
        let p = Params { region: Some("PL0".into()), shift_share: Some((2020, 2021)), ..Params::default() };
        let a = serde_json::to_string(&analyze(&read(&to_csv(&rows)).unwrap(), &p).unwrap()).unwrap();
        let b = serde_json::to_string(&analyze(&read(&to_csv(&shuffled)).unwrap(), &p).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }

    /// Rolling classes up to divisions and computing equals computing on pre-aggregated rows.
    #[test]
    fn aggregate_then_compute_equals_pre_aggregated(rows in table()) {
        let d = read(&to_csv(&rows)).unwrap();
        let rolled = d.aggregate_industries(|c| nace_at_level(c, NaceLevel::Division));
        let mut pre = std::collections::BTreeMap::new();
        for (r, c, y, e) in &rows {
            *pre.entry((r.clone(), nace_at_level(c, NaceLevel::Division).unwrap(), *y)).or_insert(0u32) += e;
        }
        let pre_rows: Vec<_> = pre.into_iter().map(|((r, c, y), e)| (r, c, y, e)).collect();
        let direct = read(&to_csv(&pre_rows)).unwrap();
        prop_assert_eq!(&rolled.industries, &direct.industries);
        let p = Params::default();
        let a = analyze(&rolled, &p).unwrap();
        let b = analyze(&direct, &p).unwrap();
        for (ya, yb) in a.industries.iter().zip(&b.industries) {
            for (x, y) in ya.lq.iter().zip(&yb.lq) {
                prop_assert!((x - y).abs() < 1e-12);
            }
            prop_assert_eq!(&ya.present, &yb.present);
            for (x, y) in ya.density.iter().zip(&yb.density) {
                prop_assert!((x - y).abs() < 1e-12 || (x.is_nan() && y.is_nan()));
            }
        }
    }
}

fn input_err(csv: &str) -> (u64, Option<String>, String) {
    match read(csv) {
        Err(Error::Input { at, message }) => {
            assert_eq!(at.file, "in.csv");
            (at.line, at.column, message)
        }
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn bad_input_is_reported_with_line_and_column() {
    let (l, c, m) = input_err("region,industry,year,employment\nA,X,2020,10\nA,Y,2020,abc\n");
    assert_eq!((l, c.as_deref()), (3, Some("employment")));
    assert!(m.contains("not a number"), "{m}");
    let (l, c, m) = input_err("region,industry,year,employment\nA,X,2020,-5\n");
    assert_eq!((l, c.as_deref()), (2, Some("employment")));
    assert!(m.contains("negative"));
    let (l, _, m) = input_err("region,industry,year,employment\nA,X,2020,10\n\nA,X,2020,11\n");
    assert_eq!(l, 4);
    assert!(m.contains("duplicate") && m.contains("line 2"), "{m}");
    let (l, _, m) = input_err("region,sector_x,year,employment\nA,X,2020,10\n");
    assert_eq!(l, 1);
    assert!(m.contains("no 'industry' column"), "{m}");
    let (l, _, m) = input_err("region,industry,year,employment\nA,X,2020\n");
    assert_eq!(l, 2);
    assert!(m.contains("expected 4 fields"));
    let (l, c, _) = input_err("region,industry,year,employment\nA,X,20x0,1\n");
    assert_eq!((l, c.as_deref()), (2, Some("year")));
    let (l, _, _) = input_err("region,industry,year,employment\nA,\"X,2020,1\n");
    assert_eq!(l, 2);
    assert!(matches!(read(""), Err(Error::Input { .. })));
}

#[test]
fn header_mapping_and_layouts() {
    // any column names via --map
    let opts = ReadOptions {
        name: "m.csv".into(),
        map: vec![
            ("woj".into(), "region".into()),
            ("pkd".into(), "industry".into()),
            ("pracujacy".into(), "employment".into()),
        ],
        ..Default::default()
    };
    let d = Dataset::from_reader(
        "woj;pkd;rok;pracujacy\nPL84;10.5;2020;12,5\n".as_bytes(),
        &opts,
    )
    .unwrap();
    assert_eq!(d.regions, vec!["PL84"]);
    assert_eq!(d.employment, vec![12.5]);
    // Eurostat TSV with flags
    let tsv =
        "unit,nace_r2,geo\\time\t2021 \t2020 \nTHS,C10,PL84\t12.3 e\t: c\nTHS,C10,PL91\t5 \t4 \n";
    let d = read(tsv).unwrap();
    assert_eq!(d.years, vec![2020, 2021]);
    assert_eq!(d.suppressed_count(), 1);
    // SDMX-CSV
    let sdmx = "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n\
                ESTAT:X(1.0),01/01/24,A,THS,C10,PL84,2020,12.5,\n\
                ESTAT:X(1.0),01/01/24,A,THS,C10,PL91,2020,,c\n";
    let d = read(sdmx).unwrap();
    assert_eq!(d.suppressed_count(), 1);
    // extra dimension with several values: clear duplicate message, and a filter fixes it
    let two_units = "unit,nace_r2,geo\\time\t2020\nTHS,C10,PL84\t1\nPC,C10,PL84\t2\n";
    let (_, _, m) = input_err(two_units);
    assert!(m.contains("filter"));
    let f = ReadOptions {
        filters: vec![("unit".into(), "THS".into())],
        ..Default::default()
    };
    assert_eq!(
        Dataset::from_reader(two_units.as_bytes(), &f)
            .unwrap()
            .employment,
        vec![1.0]
    );
    // Statistics Poland BDL vertical export: semicolons, decimal commas, trailing ';', "-" = 0
    let bdl = "Kod;Nazwa;Sekcje PKD;Rok;Wartosc;Jednostka miary;Atrybut;\n\
               \"2000000000\";\"PODLASKIE\";\"sekcja C\";2022;12,5;\"tys. osób\";;\n\
               \"2000000000\";\"PODLASKIE\";\"sekcja B\";2022;-;\"tys. osób\";;\n";
    let o = ReadOptions {
        map: vec![("Sekcje PKD".into(), "industry".into())],
        ..Default::default()
    };
    let d = Dataset::from_reader(bdl.as_bytes(), &o).unwrap();
    assert_eq!(d.industries, vec!["sekcja B", "sekcja C"]);
    assert_eq!(d.employment, vec![0.0, 12.5]);
}

/// A file of several read blocks (parsed in parallel): same data, same line numbers in errors.
#[test]
fn multi_block_files_keep_order_and_line_numbers() {
    let mut csv = String::from("region,industry,year,employment\n");
    let mut total = 0u64;
    for r in 0..400 {
        for c in 0..1000 {
            let e = (r * 7 + c * 13) % 1000;
            total += e;
            csv += &format!("R{r:04},I{c:04},2020,{e}\n");
        }
    }
    assert!(
        csv.len() > 2 * (4 << 20) - (1 << 20),
        "spans three 4 MB blocks"
    );
    let d = read(&csv).unwrap();
    assert_eq!((d.n_regions(), d.n_industries()), (400, 1000));
    assert_eq!(d.employment.iter().sum::<f64>(), total as f64);
    assert_eq!(
        d.employment[d.index(0, 299, 999)],
        ((299 * 7 + 999 * 13) % 1000) as f64
    );
    // an error deep in a later block names its own line
    let mut bad = csv.clone();
    let at = bad.match_indices('\n').nth(250_000).unwrap().0 + 1; // start of line 250_002
    bad.insert_str(at, "R9999,I0001,2020,abc\n");
    let (l, c, _) = input_err(&bad);
    assert_eq!((l, c.as_deref()), (250_002, Some("employment")));
    // the same through gzip (no pre-sizing from the compressed size)
    let gz = read_bytes(&gzip(&csv)).unwrap();
    assert_eq!(format!("{gz:?}"), format!("{d:?}"));
    match read_bytes(&gzip(&bad)) {
        Err(Error::Input { at, .. }) => assert_eq!(at.line, 250_002),
        other => panic!("expected an input error, got {other:?}"),
    }
    // a duplicate whose first occurrence is in the first block
    let dup = format!("{csv}R0001,I0002,2020,5\n");
    let (l, _, m) = input_err(&dup);
    assert_eq!(l, 400_002);
    assert!(m.contains("first at line 1004"), "{m}");
}

/// Everything but the notes (a BDL table adds its unit as a note).
fn cube(d: &Dataset) -> String {
    let mut d = d.clone();
    d.notes.clear();
    format!("{d:?}")
}

fn gzip(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).unwrap();
    e.finish().unwrap()
}

fn read_bytes(bytes: &[u8]) -> Result<Dataset, Error> {
    Dataset::from_reader(bytes, &ReadOptions::named("in.csv"))
}

#[test]
fn gzip_input_reads_like_the_plain_file() {
    let long = "# a note\nregion,industry,year,employment\nPL84,C10,2020,12.5\nPL84,C11,2020,\nPL91,C10,2021,3\n";
    let tsv =
        "unit,nace_r2,geo\\time\t2021 \t2020 \nTHS,C10,PL84\t12.3 e\t: c\nTHS,C10,PL91\t5 \t4 \n";
    for text in [long, tsv] {
        let plain = read(text).unwrap();
        let gz = read_bytes(&gzip(text)).unwrap();
        assert_eq!(format!("{plain:?}"), format!("{gz:?}"));
    }
    // concatenated members (`cat a.gz b.gz`) are one text
    let (a, b) = long.split_at(long.find("PL91").unwrap());
    let two = [gzip(a), gzip(b)].concat();
    assert_eq!(cube(&read_bytes(&two).unwrap()), cube(&read(long).unwrap()));
    // errors inside compressed data name the line of the decompressed text
    let bad = gzip("region,industry,year,employment\nA,X,2020,1\nA,Y,2020,abc\n");
    match read_bytes(&bad) {
        Err(Error::Input { at, .. }) => {
            assert_eq!((at.line, at.column.as_deref()), (3, Some("employment")))
        }
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn corrupt_gzip_is_an_error_naming_the_file() {
    let mut text = String::from("region,industry,year,employment\n");
    for i in 0..2000 {
        text += &format!("R{},I{},2020,{}\n", i % 50, i / 50, i);
    }
    let gz = gzip(&text);
    let truncated = &gz[..gz.len() / 2];
    let mut flipped = gz.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0xff;
    flipped[mid + 1] ^= 0x55;
    for (what, bytes) in [
        ("truncated", truncated),
        ("no trailer", &gz[..gz.len() - 4]),
        ("header only", &gz[..2]),
        ("corrupt", &flipped[..]),
    ] {
        match read_bytes(bytes) {
            Err(Error::Input { at, message }) => {
                assert_eq!(at.file, "in.csv", "{what}");
                assert!(message.contains("gzip"), "{what}: {message}");
                assert!(at.line >= 1, "{what}");
            }
            other => panic!("{what}: expected an input error, got {other:?}"),
        }
    }
}

#[test]
fn gzip_input_may_not_expand_past_the_limit() {
    let mut text = String::from("region,industry,year,employment\n");
    for i in 0..20_000 {
        text += &format!("R{},I{},2020,{}\n", i % 100, i / 100, i);
    }
    let gz = gzip(&text);
    let opts = |max| ReadOptions {
        max_decompressed: Some(max),
        ..ReadOptions::named("up.csv.gz")
    };
    match Dataset::from_reader(gz.as_slice(), &opts(10_000)) {
        Err(Error::Input { message, .. }) => assert!(message.contains("decompressed"), "{message}"),
        other => panic!("expected a size error, got {other:?}"),
    }
    let d = Dataset::from_reader(gz.as_slice(), &opts(text.len() as u64)).unwrap();
    assert_eq!(d.n_regions(), 100);
}

/// The long file equivalent to the BDL tables below.
const BDL_LONG: &str = "region,industry,year,employment\n\
    2000000,C,2021,12.5\n2000000,C,2022,13\n2000000,F,2021,0\n\
    1400000,C,2021,7\n1400000,C,2022,\n1400000,F,2021,3.25\n";

#[test]
fn bdl_horizontal_tables_read_like_the_long_file() {
    let long = read(BDL_LONG).unwrap();
    assert_eq!(long.missing_count(), 1);
    // (a) one header line, three labels per column, trailing `;`, decimal comma, "-" = 0,
    // empty = missing, quoted values
    let one_line = "Kod;Nazwa;sekcja C;2021;[osoba];sekcja C;2022;[osoba];sekcja F;2021;[osoba];\n\
                    2000000;PODLASKIE;12,5;13;-;\n\
                    \"1400000\";\"MAZOWIECKIE\";\"7\";;\"3,25\";\n";
    // (b) one header line per dimension, BOM, quoted header, a source note at the end
    let lines = "\u{feff}\"Kod\";\"Nazwa\";\"sekcja C\";\"sekcja C\";\"sekcja F\"\n\
                 ;;2021;2022;2021\n\
                 ;;[osoba];[osoba];[osoba]\n\
                 2000000;PODLASKIE;12,5;13;-\n\
                 1400000;MAZOWIECKIE;7;;3,25\n\
                 \n\
                 \"Źródło: Bank Danych Lokalnych, GUS\";;;;\n";
    for text in [one_line, lines] {
        let d = read(text).unwrap();
        assert_eq!(cube(&d), cube(&long), "{text}");
        assert_eq!(d.notes, vec!["unit: osoba (BDL export)"]);
        let (r, c) = (
            d.region_index("1400000").unwrap(),
            d.industry_index("C").unwrap(),
        );
        assert!(d.employment[d.index(1, r, c)].is_nan());
        assert_eq!(
            d.cell_status(1, r, c),
            Some(klaster_analytics::CellStatus::Missing)
        );
    }
    // gzip-compressed too
    assert_eq!(cube(&read_bytes(&gzip(one_line)).unwrap()), cube(&long));
    // labels that are not `sekcja X`/`dział NN` are kept (commas inside quotes are no delimiter)
    let other = "Kod;Nazwa;\"rolnictwo, leśnictwo, łowiectwo i rybactwo\";dział 10;ogółem\n\
                 ;;2021;2021;2021\n\
                 2000000;PODLASKIE;1;2;3\n";
    let d = read(other).unwrap();
    assert_eq!(
        d.industries,
        vec!["10", "ogółem", "rolnictwo, leśnictwo, łowiectwo i rybactwo"]
    );
    assert!(d.notes.is_empty());
}

#[test]
fn bdl_horizontal_errors_name_line_and_column() {
    let head = "Kod;Nazwa;sekcja C;2021;[osoba];sekcja C;2022;[osoba];sekcja F;2021;[osoba];\n";
    let err = |body: &str| input_err(&format!("{head}{body}"));
    let (l, c, m) = err("2000000;PODLASKIE;12,5;13;-;\n1400000;MAZOWIECKIE;7;abc;1;\n");
    assert_eq!((l, c.as_deref()), (3, Some("sekcja C / 2022 / [osoba]")));
    assert!(m.contains("not a number"), "{m}");
    let (l, c, m) = err("2000000;PODLASKIE;12,5;-3;-;\n");
    assert_eq!((l, c.as_deref()), (2, Some("sekcja C / 2022 / [osoba]")));
    assert!(m.contains("negative"), "{m}");
    let (l, _, m) = err("2000000;PODLASKIE;12,5;13;-;\n1400000;MAZOWIECKIE;7;1;\n");
    assert_eq!(l, 3);
    assert!(m.contains("expected 5 fields"), "{m}");
    let (l, c, m) = err("2000000;PODLASKIE;1;2;3;\n;MAZOWIECKIE;7;1;1;\n");
    assert_eq!((l, c.as_deref()), (3, Some("Kod")));
    assert!(m.contains("empty region code"), "{m}");
    // blank lines and notes end the table: data after them is an error, not skipped
    let (l, _, m) = err("2000000;PODLASKIE;1;2;3;\n\n1400000;MAZOWIECKIE;7;1;1;\n");
    assert_eq!(l, 4);
    assert!(m.contains("line 3"), "{m}");
    // labels that do not divide among the values of the first data row
    let (l, _, m) = input_err("Kod;Nazwa;sekcja C;2021;sekcja F;2021;x;\nA;B;1;2;\n");
    assert_eq!(l, 1);
    assert!(m.contains("5 labels") && m.contains("2 values"), "{m}");
    // a column without a year
    let (l, c, m) = input_err("Kod;Nazwa;sekcja C;[osoba];sekcja F;[osoba]\nA;B;1;2\n");
    assert_eq!((l, c.as_deref()), (1, Some("sekcja C / [osoba]")));
    assert!(m.contains("no 4-digit year"), "{m}");
    // different units
    let (_, c, m) =
        input_err("Kod;Nazwa;sekcja C;sekcja F\n;;2021;2021\n;;[osoba];[tys. zł]\nA;B;1;2\n");
    assert_eq!(c.as_deref(), Some("sekcja F / 2021 / [tys. zł]"));
    assert!(
        m.contains("[osoba]") && m.contains("'sekcja C / 2021 / [osoba]'"),
        "{m}"
    );
    // the same industry and year twice: the duplicate key error of every layout
    let (l, _, m) = input_err("Kod;Nazwa;sekcja C;sekcja C\n;;2021;2021\nA;B;1;2\n");
    assert_eq!(l, 3);
    assert!(m.contains("duplicate"), "{m}");
    // a header with no data rows
    let (_, _, m) = input_err("Kod;Nazwa;sekcja C;2021\n\nŹródło: GUS\n");
    assert!(m.contains("no data rows"), "{m}");
}
