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
    // a duplicate whose first occurrence is in the first block
    let dup = format!("{csv}R0001,I0002,2020,5\n");
    let (l, _, m) = input_err(&dup);
    assert_eq!(l, 400_002);
    assert!(m.contains("first at line 1004"), "{m}");
}
