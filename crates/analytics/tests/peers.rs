//! Cross-checks against the outputs of the Python packages on the same inputs
//! (../shared/reference/analytics, read only in tests). Each peer is matched to 1e-9 under its preset.

use std::collections::HashMap;
use std::path::PathBuf;

use klaster_analytics::complexity::{complexity, presence};
use klaster_analytics::indicators::Base;
use klaster_analytics::{ComplexityOptions, Dataset, Preset, ReadOptions};

fn reference() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/analytics");
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "reference folder {} not found: peer checks skipped",
            p.display()
        );
        None
    }
}

/// Rows of a CSV as maps header -> value.
fn table(path: &PathBuf) -> Vec<HashMap<String, String>> {
    let mut rd = csv::Reader::from_path(path).unwrap();
    let h: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    rd.records()
        .map(|r| {
            h.iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_string))
                .collect()
        })
        .collect()
}

fn num(s: &str) -> f64 {
    if s.is_empty() {
        f64::NAN
    } else {
        s.parse().unwrap()
    }
}

struct Run {
    ds: Dataset,
    base: Base,
    cx: klaster_analytics::Complexity,
}

fn run(file: &str, preset: Preset) -> Option<Run> {
    let refdir = reference()?;
    let ds = Dataset::from_path(&refdir.join(file), &ReadOptions::default()).unwrap();
    let x = ds.year_employment(0).to_vec();
    let (nr, nc) = (ds.n_regions(), ds.n_industries());
    let base = Base::new(&x, nr, nc);
    let opt = ComplexityOptions::preset(preset);
    let m = presence(&base.lq, opt.threshold);
    let cx = complexity(&m, nr, nc, &base.has_data, &opt);
    Some(Run { ds, base, cx })
}

fn close(what: &str, ours: f64, theirs: f64, tol: f64) {
    let ok =
        (ours.is_nan() && theirs.is_nan()) || (ours - theirs).abs() <= tol * (1.0 + theirs.abs());
    assert!(ok, "{what}: ours {ours} vs peer {theirs}");
}

#[test]
fn growthlab_python_ecomplexity_per_cell() {
    let Some(r) = run("synthetic/small_long.csv", Preset::Growthlab) else {
        return;
    };
    let refdir = reference().unwrap();
    let nc = r.ds.n_industries();
    let rows = table(&refdir.join("outputs_small/ecomplexity_cell.csv"));
    assert_eq!(rows.len(), 1200);
    for row in rows {
        let ri = r.ds.region_index(&row["region"]).unwrap();
        let ci = r.ds.industry_index(&row["industry"]).unwrap();
        let i = ri * nc + ci;
        let at = format!("{} {}", row["region"], row["industry"]);
        close(&format!("rca {at}"), r.base.lq[i], num(&row["rca"]), 1e-12);
        close(
            &format!("diversity {at}"),
            r.cx.diversity[ri],
            num(&row["diversity"]),
            0.0,
        );
        close(
            &format!("ubiquity {at}"),
            r.cx.ubiquity[ci],
            num(&row["ubiquity"]),
            0.0,
        );
        close(&format!("eci {at}"), r.cx.eci[ri], num(&row["eci"]), 1e-9);
        close(&format!("pci {at}"), r.cx.pci[ci], num(&row["pci"]), 1e-9);
        close(
            &format!("density {at}"),
            r.cx.density[i],
            num(&row["density"]),
            1e-9,
        );
        close(&format!("coi {at}"), r.cx.coi[ri], num(&row["coi"]), 1e-9);
        close(&format!("cog {at}"), r.cx.cog[i], num(&row["cog"]), 1e-9);
    }
}

#[test]
fn growthlab_proximity_diagonal_one() {
    let Some(r) = run("synthetic/small_long.csv", Preset::Growthlab) else {
        return;
    };
    let nc = r.ds.n_industries();
    for row in table(
        &reference()
            .unwrap()
            .join("outputs_small/ecomplexity_proximity.csv"),
    ) {
        let a = r.ds.industry_index(&row["industry_1"]).unwrap();
        let b = r.ds.industry_index(&row["industry_2"]).unwrap();
        close(
            "proximity",
            r.cx.proximity[a * nc + b],
            num(&row["proximity"]),
            1e-12,
        );
    }
}

#[test]
fn econcomplex_eigenvector_preset() {
    let Some(r) = run("synthetic/small_long.csv", Preset::Econcomplex) else {
        return;
    };
    let refdir = reference().unwrap();
    let nc = r.ds.n_industries();
    for row in table(&refdir.join("outputs_small/econcomplex_region.csv")) {
        let ri = r.ds.region_index(&row["region"]).unwrap();
        close("eci", r.cx.eci[ri], num(&row["eci_eigenvector"]), 1e-9);
    }
    for row in table(&refdir.join("outputs_small/econcomplex_industry.csv")) {
        let ci = r.ds.industry_index(&row["industry"]).unwrap();
        close("pci", r.cx.pci[ci], num(&row["pci_eigenvector"]), 1e-9);
    }
    for row in table(&refdir.join("outputs_small/econcomplex_cell.csv")) {
        let i = r.ds.region_index(&row["region"]).unwrap() * nc
            + r.ds.industry_index(&row["industry"]).unwrap();
        // econcomplex reports density in percent
        close(
            "density",
            r.cx.density[i] * 100.0,
            num(&row["density_pct"]),
            1e-9,
        );
    }
}

/// The method of reflections z-scores nearly constant iterates (after 18 steps the spread is
/// ~1e-6 of the mean), so rounding in the peer's own sums shows at ~1e-9: compared at 1e-8.
#[test]
fn economic_complexity_reflections_preset() {
    let Some(r) = run("synthetic/small_long.csv", Preset::EconomicComplexity) else {
        return;
    };
    let refdir = reference().unwrap();
    let nc = r.ds.n_industries();
    for row in table(&refdir.join("outputs_small/economic_complexity_region.csv")) {
        let ri = r.ds.region_index(&row["region"]).unwrap();
        close("eci", r.cx.eci[ri], num(&row["eci"]), 1e-8);
    }
    for row in table(&refdir.join("outputs_small/economic_complexity_industry.csv")) {
        let ci = r.ds.industry_index(&row["industry"]).unwrap();
        close("pci", r.cx.pci[ci], num(&row["pci"]), 1e-8);
    }
    for row in table(&refdir.join("outputs_small/economic_complexity_cell.csv")) {
        let i = r.ds.region_index(&row["region"]).unwrap() * nc
            + r.ds.industry_index(&row["industry"]).unwrap();
        close(
            "relatedness",
            r.cx.density[i],
            num(&row["relatedness"]),
            1e-9,
        );
    }
}

#[test]
fn numpy_reference_eigen_and_density() {
    let Some(r) = run("synthetic/small_long.csv", Preset::Growthlab) else {
        return;
    };
    let refdir = reference().unwrap();
    for row in table(&refdir.join("outputs_small/ref_numpy_region.csv")) {
        let ri = r.ds.region_index(&row["region"]).unwrap();
        close("eci", r.cx.eci[ri], num(&row["eci"]), 1e-9);
    }
    let comp: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(refdir.join("outputs_small/comparison.json")).unwrap(),
    )
    .unwrap();
    close(
        "lambda2",
        r.cx.eigenvalues[0],
        comp["eig_lambda2"].as_f64().unwrap(),
        1e-10,
    );
    close(
        "lambda3",
        r.cx.eigenvalues[1],
        comp["eig_lambda3"].as_f64().unwrap(),
        1e-8,
    );
}

#[test]
fn shift_share_matches_reat_formulas() {
    let Some(refdir) = reference() else { return };
    let ds = Dataset::from_path(
        &refdir.join("synthetic/small_panel_long.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    let rows = klaster_analytics::shiftshare::shift_share(&ds, 2018, 2020).unwrap();
    for want in table(&refdir.join("outputs_small/shift_share_2018_2020.csv")) {
        let got = rows
            .iter()
            .find(|s| s.region == want["region"] && s.industry == "*")
            .unwrap();
        close("growth", got.actual_change, num(&want["growth"]), 1e-12);
        close(
            "national",
            got.national_share,
            num(&want["national_share"]),
            1e-12,
        );
        close("mix", got.industry_mix, num(&want["industry_mix"]), 1e-11);
        close(
            "regional",
            got.regional_shift,
            num(&want["regional_shift_dunn"]),
            1e-11,
        );
        close(
            "em competitive",
            got.em_competitive,
            num(&want["em_competitive"]),
            1e-11,
        );
        close(
            "em allocation",
            got.em_allocation,
            num(&want["em_allocation"]),
            1e-11,
        );
    }
}

#[test]
fn concentration_matches_reat_formulas() {
    let Some(refdir) = reference() else { return };
    let ds = Dataset::from_path(
        &refdir.join("synthetic/small_long.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    let rows = klaster_analytics::concentration::concentration(&ds, 0, None);
    for want in table(&refdir.join("outputs_small/regional_indices_by_industry.csv")) {
        let got = rows
            .iter()
            .find(|c| c.industry == want["industry"])
            .unwrap();
        close("hoover", got.hoover, num(&want["hoover_conc"]), 1e-12);
        close(
            "gini",
            got.locational_gini,
            num(&want["gini_conc_REAT"]),
            1e-12,
        );
        close("G", got.eg_g, num(&want["G_EG_raw"]), 1e-12);
    }
}

/// ECO-style stars on 10 categories of 4 industries each (cluster_strength.py).
#[test]
fn stars_on_categories_match_reference_script() {
    let Some(refdir) = reference() else { return };
    let ds = Dataset::from_path(
        &refdir.join("synthetic/small_long.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    let mut defs = String::from("category,label,members\n");
    for k in 0..10 {
        let m: Vec<String> = (1..=4).map(|j| format!("I{:02}", k * 4 + j)).collect();
        defs += &format!("C{:02},cluster {k},{}\n", k + 1, m.join("+"));
    }
    let params = klaster_analytics::Params {
        categories: Some(klaster_analytics::Categories::parse(&defs, "defs").unwrap()),
        ..Default::default()
    };
    let rep = klaster_analytics::analyze(&ds, &params).unwrap();
    let y = &rep.categories[0];
    let nk = y.n_cols();
    let b = |s: &str| (s == "True") as u8;
    for want in table(&refdir.join("outputs_small/cluster_strength_synthetic.csv")) {
        let r = ds.region_index(&want["region"]).unwrap();
        let k = y.column_index(&want["cluster"]).unwrap();
        let i = r * nk + k;
        close("lq", y.lq[i], num(&want["lq"]), 1e-12);
        close("focus", y.share_region[i], num(&want["focus"]), 1e-12);
        assert_eq!(
            y.size_star[i],
            b(&want["star_size"]),
            "size {} {}",
            want["region"],
            want["cluster"]
        );
        assert_eq!(y.specialisation_star[i], b(&want["star_spec"]));
        assert_eq!(y.focus_star[i], b(&want["star_focus"]));
        assert_eq!(y.stars(i) as f64, num(&want["eco_stars"]));
    }
}

/// The edge set: an all-zero region (R3), an all-zero industry (I5) and a missing cell (R6, I2).
/// The peers give NaN for R3/I5 (ecomplexity), or all-NaN (economic-complexity). Here the
/// others match ecomplexity, R3 and I5 are reported as left out, the missing cell as missing.
#[test]
fn edge_cases_better_than_peers() {
    let Some(refdir) = reference() else { return };
    let ds = Dataset::from_path(
        &refdir.join("synthetic/edge_long.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    let params = klaster_analytics::Params {
        complexity: ComplexityOptions::preset(Preset::Growthlab),
        ..Default::default()
    };
    let rep = klaster_analytics::analyze(&ds, &params).unwrap();
    let y = &rep.industries[0];
    assert_eq!(y.excluded_regions, vec!["R3".to_string()]);
    assert_eq!(y.excluded_columns, vec!["I5".to_string()]);
    assert_eq!(rep.diagnostics.missing_cells, 1);
    assert_eq!(
        rep.diagnostics.empty_regions,
        vec![(2020, vec!["R3".to_string()])]
    );
    let nc = y.n_cols();
    let r6 = ds.region_index("R6").unwrap();
    let i2 = ds.industry_index("I2").unwrap();
    assert_eq!(
        y.status[r6 * nc + i2],
        Some(klaster_analytics::CellStatus::Missing)
    );
    assert!(y.lq[r6 * nc + i2].is_nan(), "a missing cell has no LQ");
    for want in table(&refdir.join("outputs_small/edge_ecomplexity.csv")) {
        // ecomplexity writes empty rows for what it dropped (and a second, empty row for the
        // missing cell); those are compared above through `excluded_*` and `status`.
        if want["eci"].is_empty() {
            continue;
        }
        let r = ds.region_index(&want["region"]).unwrap();
        let c = ds.industry_index(&want["industry"]).unwrap();
        let i = r * nc + c;
        close("eci", y.eci[r], num(&want["eci"]), 1e-9);
        close("pci", y.pci[c], num(&want["pci"]), 1e-9);
        if want["region"] != "R3"
            && want["industry"] != "I5"
            && !(want["region"] == "R6" && want["industry"] == "I2")
        {
            close("rca", y.lq[i], num(&want["rca"]), 1e-12);
            close("density", y.density[i], num(&want["density"]), 1e-9);
            close("coi", y.coi[r], num(&want["coi"]), 1e-9);
            close("cog", y.cog[i], num(&want["cog"]), 1e-9);
        }
    }
    // threshold 2: ecomplexity returns all-NaN and econcomplex raises; here one cell is
    // present, and the report says why there is no ECI instead of returning NaN silently.
    let mut p2 = params.clone();
    p2.complexity.threshold = 2.0;
    let y2 = &klaster_analytics::analyze(&ds, &p2).unwrap().industries[0];
    assert!(
        y2.warnings
            .iter()
            .any(|w| w.kind == klaster_analytics::WarningKind::TooFewPresent)
    );
    assert_eq!(y2.excluded_regions.len(), 7);
    // threshold 1.5: regions without presence are left out, the others still get an ECI
    p2.complexity.threshold = 1.5;
    let y3 = &klaster_analytics::analyze(&ds, &p2).unwrap().industries[0];
    eprintln!("{:?} {:?}", y3.eci, y3.excluded_regions);
    assert!(!y3.excluded_regions.is_empty());
    assert!(y3.eci.iter().filter(|v| v.is_finite()).count() >= 2);
}
