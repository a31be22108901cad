//! Hand-computed values for every indicator on tiny tables (derivations in the comments).

use klaster_analytics::complexity::complexity;
use klaster_analytics::concentration::{FirmSizes, concentration};
use klaster_analytics::indicators::Base;
use klaster_analytics::shiftshare::shift_share;
use klaster_analytics::{ComplexityOptions, Dataset, Params, Preset, ReadOptions, analyze};

fn ds(csv: &str) -> Dataset {
    Dataset::from_reader(csv.as_bytes(), &ReadOptions::named("t.csv")).unwrap()
}

fn eq(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-12, "{a} != {b}");
}

/// A: X=10 Y=30; B: 20 20; C: 30 10. Region totals 40, industry totals 60, total 120.
const ABC: &str = "region,industry,year,employment\nA,X,2020,10\nA,Y,2020,30\nB,X,2020,20\nB,Y,2020,20\nC,X,2020,30\nC,Y,2020,10\n";

#[test]
fn shares_and_location_quotients() {
    let d = ds(ABC);
    let b = Base::new(d.year_employment(0), 3, 2);
    // LQ(A,X) = (10/40)/(60/120) = 0.5, LQ(A,Y) = 0.75/0.5 = 1.5, B: 1, 1, C: 1.5, 0.5
    for (i, v) in [0.5, 1.5, 1.0, 1.0, 1.5, 0.5].iter().enumerate() {
        eq(b.lq[i], *v);
    }
    eq(b.share_region[0], 0.25);
    eq(b.share_industry[0], 10.0 / 60.0);
    eq(b.total, 120.0);
}

/// Nested presence R1 = {1,2,3}, R2 = {1,2}, R3 = {1}: d = u = (3,2,1).
/// Mpp = U^-1 M'D^-1 M has eigenvalues 1, 1/4, 1/9 (trace 49/36, det 1/36); the eigenvector
/// of 1/4 is kp = (-2, 1, 4), so kc = D^-1 M kp = (1, -1/2, -2) (positively correlated with d).
#[test]
fn eci_pci_nested_three_by_three() {
    let m = [1, 1, 1, 1, 1, 0, 1, 0, 0];
    let has = [true; 3];
    let g = complexity(
        &m,
        3,
        3,
        &has,
        &ComplexityOptions::preset(Preset::Growthlab),
    );
    eq(g.eigenvalues[0], 0.25);
    eq(g.eigenvalues[1], 1.0 / 9.0);
    // mean kc = -1/2, deviations (1.5, 0, -1.5), population sd sqrt(1.5)
    let s = 1.5f64.sqrt();
    for (r, v) in [1.5 / s, 0.0, -1.5 / s].iter().enumerate() {
        eq(g.eci[r], *v);
    }
    // PCI = (kp - mean kc) / sd = (-1.5, 1.5, 4.5) / sqrt(1.5)
    for (c, v) in [-1.5 / s, 1.5 / s, 4.5 / s].iter().enumerate() {
        eq(g.pci[c], *v);
    }
    // Stata: sd over the long table (9 rows, ddof 1): sqrt(3 * 4.5 / 8)
    let st = complexity(&m, 3, 3, &has, &ComplexityOptions::preset(Preset::Stata));
    let sl = (13.5f64 / 8.0).sqrt();
    eq(st.eci[0], 1.5 / sl);
    eq(st.pci[2], 4.5 / sl);
    // econcomplex: PCI z-scored on its own: (kp - 1) / sqrt(6)
    let ec = complexity(
        &m,
        3,
        3,
        &has,
        &ComplexityOptions::preset(Preset::Econcomplex),
    );
    eq(ec.pci[0], -3.0 / 6f64.sqrt());
    // proximity: co(1,2) = 2 / max(3,2); co(1,3) = 1/3; co(2,3) = 1/2; diagonal 0 under Stata
    eq(st.proximity[1], 2.0 / 3.0);
    eq(st.proximity[2], 1.0 / 3.0);
    eq(st.proximity[5], 0.5);
    eq(st.proximity[0], 0.0);
    eq(g.proximity[0], 1.0);
    // density of R3 (holds 1 only): column sums 1, 7/6, 5/6 -> (0, (2/3)/(7/6), (1/3)/(5/6))
    eq(st.density[6], 0.0);
    eq(st.density[7], 4.0 / 7.0);
    eq(st.density[8], 2.0 / 5.0);
    // diversity and ubiquity
    assert_eq!(st.diversity, vec![3.0, 2.0, 1.0]);
    assert_eq!(st.ubiquity, vec![3.0, 2.0, 1.0]);
}

#[test]
fn method_of_reflections_first_steps() {
    // with 3 iterations: kp after 2 steps, kc after 1 step. kc1 = mean ubiquity of held
    // industries: R1 (3+2+1)/3 = 2, R2 2.5, R3 3.
    let m = [1, 1, 1, 1, 1, 0, 1, 0, 0];
    let mut o = ComplexityOptions::preset(Preset::EconomicComplexity);
    o.method = klaster_analytics::Method::Reflections { iterations: 3 };
    let g = complexity(&m, 3, 3, &[true; 3], &o);
    // z-score (ddof 1) of (2, 2.5, 3) = (-1, 0, 1)
    eq(g.eci[0], -1.0);
    eq(g.eci[2], 1.0);
}

/// Year 0: A: X=10 Y=10; B: X=30 Y=50. Year 1: A: 15 10; B: 45 30. National growth N1/N0 = 1,
/// industry growth X 1.5, Y 2/3.
#[test]
fn shift_share_by_hand() {
    let d = ds("region,industry,year,employment\nA,X,0001,1\n".replace("A,X,0001,1\n", "A,X,2000,10\nA,Y,2000,10\nB,X,2000,30\nB,Y,2000,50\nA,X,2001,15\nA,Y,2001,10\nB,X,2001,45\nB,Y,2001,30\n").as_str());
    let rows = shift_share(&d, 2000, 2001).unwrap();
    let get = |r: &str, c: &str| {
        rows.iter()
            .find(|s| s.region == r && s.industry == c)
            .unwrap()
    };
    let a_y = get("A", "Y");
    eq(a_y.national_share, 0.0);
    eq(a_y.industry_mix, -10.0 / 3.0);
    eq(a_y.regional_shift, 10.0 / 3.0);
    let b_y = get("B", "Y");
    eq(b_y.industry_mix, -50.0 / 3.0);
    eq(b_y.regional_shift, -10.0 / 3.0);
    eq(b_y.actual_change, -20.0);
    let a = get("A", "*");
    eq(a.actual_change, 5.0);
    eq(a.industry_mix, 5.0 - 10.0 / 3.0);
}

#[test]
fn shift_share_new_industry_has_no_division_by_zero() {
    let d = ds(
        "region,industry,year,employment\nA,X,2000,10\nA,Y,2000,0\nA,X,2001,10\nA,Y,2001,5\nB,X,2000,10\nB,X,2001,20\n",
    );
    let rows = shift_share(&d, 2000, 2001).unwrap();
    let a_y = rows
        .iter()
        .find(|s| s.region == "A" && s.industry == "Y")
        .unwrap();
    assert_eq!(
        (a_y.national_share, a_y.industry_mix, a_y.regional_shift),
        (0.0, 0.0, 5.0)
    );
}

/// Industry X over A, B, C: shares (1/6, 2/6, 3/6), region shares 1/3 each.
/// HHI = 14/36; G = 1/36 + 0 + 1/36; Hoover = (1/6 + 1/6)/2; LQs (0.5, 1, 1.5) -> Gini 2/9.
/// With four equal firms H = 1/4: gamma = (1/18 - (2/3)(1/4)) / ((2/3)(3/4)) = -2/9.
#[test]
fn concentration_by_hand() {
    let d = ds(ABC);
    let mut firms = FirmSizes::default();
    firms.by_industry.insert("X".into(), vec![5.0; 4]);
    let rows = concentration(&d, 0, Some(&firms));
    let x = &rows[0];
    eq(x.herfindahl, 14.0 / 36.0);
    eq(x.eg_g, 1.0 / 18.0);
    eq(x.hoover, 1.0 / 6.0);
    eq(x.locational_gini, 2.0 / 9.0);
    eq(x.eg_h, 0.25);
    eq(x.eg_gamma, -2.0 / 9.0);
    assert_eq!(x.eg_h_source, "firms");
    assert_eq!(rows[1].eg_h_source, "none");
    assert!(rows[1].eg_gamma.is_nan());
    // establishment counts: H approximated by 1/N
    let d2 = ds(
        "region,industry,year,employment,establishments\nA,X,2020,10,2\nA,Y,2020,30,1\nB,X,2020,20,1\nB,Y,2020,20,1\nC,X,2020,30,1\nC,Y,2020,10,1\n",
    );
    let r2 = concentration(&d2, 0, None);
    eq(r2[0].eg_h, 0.25);
    eq(r2[0].eg_gamma, -2.0 / 9.0);
    assert_eq!(r2[0].eg_h_source, "establishment_counts");
}

#[test]
fn stars_on_ten_regions() {
    // Industry X: employment 1..10 in regions R01..R10, industry Y fills regions to 100.
    let mut csv = String::from("region,industry,year,employment\n");
    for r in 1..=10 {
        csv += &format!("R{r:02},X,2020,{r}\nR{r:02},Y,2020,{}\n", 100 - r);
    }
    let d = ds(&csv);
    let rep = analyze(&d, &Params::default()).unwrap();
    let y = &rep.industries[0];
    // size: top 10% of share_industry -> only R10; focus: share_region r/100 -> only R10;
    // specialisation: LQ(R10, X) = 0.1 / (55/1000) = 1.82 < 2 -> no star anywhere for X
    let x = |r: usize| r * 2;
    assert_eq!(y.size_star[x(9)], 1);
    assert_eq!(y.focus_star[x(9)], 1);
    assert_eq!(
        (0..9)
            .map(|r| y.size_star[x(r)] + y.focus_star[x(r)])
            .sum::<u8>(),
        0
    );
    assert_eq!(
        y.specialisation_star.iter().map(|&s| s as u32).sum::<u32>(),
        0
    );
    assert_eq!(y.stars(x(9)), 2);
}

#[test]
fn growth_cagr_and_productivity() {
    let d = ds(
        "region,industry,year,employment,wages\nA,X,2018,100,1000\nA,X,2020,121,2420\nB,X,2018,100,1000\nB,X,2020,100,1000\n",
    );
    let rep = analyze(
        &d,
        &Params {
            skip_complexity: true,
            ..Params::default()
        },
    )
    .unwrap();
    let y = &rep.industries[1];
    eq(y.growth[0], 0.21);
    eq(y.cagr[0], 0.1); // 1.21^(1/2) - 1
    // 2020: wages per employee A 20, B 10; industry average 3420/221
    eq(y.productivity[0], 20.0 / (3420.0 / 221.0));
}

/// Potential ranking of region C with only the LQ weighted: LQ(C,X) = 1.5 is the highest of the
/// three regions in X (percentile 1), LQ(C,Y) = 0.5 the lowest in Y (percentile 0).
#[test]
fn potential_ranking_by_hand() {
    let d = ds(ABC);
    let w = klaster_analytics::Weights::parse(
        "stars=0,size=0,growth=0,competitive_shift=0,density=0,complexity=0,lq=1",
    )
    .unwrap();
    let p = Params {
        region: Some("C".into()),
        weights: w,
        ..Params::default()
    };
    let rep = analyze(&d, &p).unwrap();
    let rows = &rep.potential[0].rows;
    assert_eq!(rows[0].code, "X");
    eq(rows[0].score, 1.0);
    eq(rows[1].score, 0.0);
    let lq = rows[0].components.iter().find(|c| c.name == "lq").unwrap();
    eq(lq.value, 1.5);
    assert!(
        rows[0]
            .components
            .iter()
            .find(|c| c.name == "growth")
            .is_some_and(|g| !g.available)
    );
}

#[test]
fn overlapping_codes_are_reported() {
    let d = ds(
        "region,industry,year,employment\nPL8,C,2020,10\nPL84,C10,2020,4\nPL84,C,2020,4\nPL8,C10,2020,3\n",
    );
    let w = klaster_analytics::report::overlapping_codes(&d);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].to_string().contains("section 'C' contains 'C10'"));
    assert!(w[1].to_string().contains("'PL8' contains 'PL84'"));
    assert!(klaster_analytics::report::overlapping_codes(&ds(ABC)).is_empty());
}
