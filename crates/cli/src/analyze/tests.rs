//! The `klaster analyze` contract: column names, sums, the demo ranking, no partial output.

use super as analyze;
use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    cmd: analyze::AnalyzeCmd,
}

fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut all = vec!["klaster-analyze"];
    all.extend_from_slice(args);
    analyze::run(Cli::try_parse_from(all)?.cmd)
}

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rd = csv::Reader::from_path(path).unwrap();
    let h = rd.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rd
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (h, rows)
}

#[test]
fn commands_keep_their_column_contract() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();

    run(&["indicators", "--demo", "-o", &s(&p("ind.csv"))]).unwrap();
    let (h, rows) = read_csv(&p("ind.csv"));
    let contract = "region,industry,year,employment,share_region,share_industry,lq,present,density,size_star,specialisation_star,focus_star,stars";
    assert_eq!(h[..13].join(","), contract);
    assert_eq!(rows.len(), 17 * 156 * 7);

    run(&[
        "complexity",
        "--demo",
        "--preset",
        "growthlab",
        "-o",
        &s(&p("cx.csv")),
    ])
    .unwrap();
    let (h, rows) = read_csv(&p("cx.csv"));
    assert_eq!(
        h.join(","),
        "kind,code,year,diversity_or_ubiquity,eci_or_pci"
    );
    assert_eq!(rows.iter().filter(|r| r[0] == "region").count(), 17 * 7);
    run(&["complexity", "--demo", "--output-dir", &s(&p("cxdir"))]).unwrap();
    assert!(p("cxdir").join("regions.csv").exists() && p("cxdir").join("industries.csv").exists());

    run(&[
        "shift-share",
        "--demo",
        "--from",
        "2017",
        "--to",
        "2023",
        "-o",
        &s(&p("ss.csv")),
    ])
    .unwrap();
    let (h, rows) = read_csv(&p("ss.csv"));
    assert_eq!(
        h.join(","),
        "region,industry,base,actual_change,national_share,industry_mix,regional_shift"
    );
    for r in rows.iter().filter(|r| !r[3].is_empty()) {
        let v: Vec<f64> = r[3..7].iter().map(|x| x.parse().unwrap()).collect();
        assert!(
            (v[1] + v[2] + v[3] - v[0]).abs() <= 1e-6 * (1.0 + v[0].abs()),
            "{r:?}"
        );
    }

    run(&["concentration", "--demo", "-o", &s(&p("conc.csv"))]).unwrap();
    let (h, _) = read_csv(&p("conc.csv"));
    assert_eq!(
        h[..5].join(","),
        "industry,year,herfindahl,locational_gini,eg_gamma"
    );

    run(&[
        "potential",
        "--demo",
        "--region",
        "PL84",
        "--level",
        "category",
        "-o",
        &s(&p("pot.csv")),
    ])
    .unwrap();
    let (h, rows) = read_csv(&p("pot.csv"));
    assert_eq!(&h[..4], &["rank", "code", "label", "score"]);
    // the planted Podlaskie clusters lead the illustrative demo
    assert!(
        rows[..2].iter().any(|r| r[1] == "dairy"),
        "{:?}",
        &rows[..3]
    );
    assert!(h.iter().any(|c| c == "density_score"));

    run(&[
        "report",
        "--demo",
        "--region",
        "PL84",
        "-o",
        &s(&p("r.html")),
    ])
    .unwrap();
    let html = std::fs::read_to_string(p("r.html")).unwrap();
    assert!(html.contains("ILLUSTRATIVE") && html.contains("<svg"));
    run(&[
        "chart",
        "--demo",
        "--region",
        "PL84",
        "--kind",
        "bubble",
        "-o",
        &s(&p("b.svg")),
    ])
    .unwrap();
    assert!(
        std::fs::read_to_string(p("b.svg"))
            .unwrap()
            .contains("ILLUSTRATIVE")
    );
}

#[test]
fn bad_input_fails_with_location_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.csv");
    std::fs::write(
        &input,
        "region,industry,year,employment\nA,X,2020,10\nA,X,2020,11\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    let err = run(&[
        "indicators",
        "--input",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
    .unwrap_err();
    let msg = format!("{err:#}");
    assert!(
        msg.contains("bad.csv:3") && msg.contains("duplicate"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no output file, no partial file"
    );
}
