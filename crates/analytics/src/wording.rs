//! What the charts and the report say in words (the names of codes aside, which callers give
//! as a function): a [`Wording`] chosen by the caller, so that a web page can speak its
//! reader's language without this crate knowing about message catalogues. [`English`] is the
//! engine's own wording, the one the command line writes.

use crate::complexity::ComplexityOptions;
use crate::potential::Weights;
use crate::warning::Warning;

/// One text of a chart or the report. Measurements arrive formatted (by
/// [`Wording::number`] or [`Wording::percent`], at the precision the chart needs); counts,
/// years, parameters and a bubble's y value arrive raw, so that a language can choose its
/// plural form and its own way of writing them.
#[derive(Debug, Clone, Copy)]
pub enum Msg<'a> {
    /// The bubble chart's title; `region` is a code or a name.
    BubbleTitle {
        region: &'a str,
        year: i32,
    },
    /// What the bubble chart shows, for screen readers; `y_axis` is [`Msg::AxisGrowth`] or
    /// [`Msg::AxisLqChange`] as said.
    BubbleDesc {
        y_axis: &'a str,
    },
    /// The x axis: the location quotient on a log scale.
    AxisLq,
    /// The y axis when it is the employment growth (CAGR).
    AxisGrowth,
    /// The y axis when it is the change of the location quotient.
    AxisLqChange,
    /// A bubble chart with nothing to show.
    BubbleEmpty,
    /// A bubble's tooltip; `y` is a growth rate (0.05 a year) when `growth`, else a change
    /// of the location quotient.
    BubbleTip {
        name: &'a str,
        lq: &'a str,
        y_axis: &'a str,
        y: f64,
        growth: bool,
        employment: &'a str,
        stars: usize,
    },
    /// `n` stars (the legend).
    Stars(usize),
    /// The star bars' title.
    StarsTitle {
        region: &'a str,
        year: i32,
    },
    /// What the star bars show.
    StarsDesc,
    /// The three stars (legend and segment tooltips).
    StarSize,
    StarSpecialisation,
    StarFocus,
    /// Star bars with no starred column.
    StarsEmpty,
    /// The location quotient after a bar.
    BarLq {
        lq: &'a str,
    },
    /// The proximity network's title.
    NetworkTitle {
        region: &'a str,
        year: i32,
    },
    /// What the network shows.
    NetworkDesc,
    /// A network without proximities (relatedness was not computed).
    NetworkNoProximity,
    /// A network without nodes.
    NetworkEmpty,
    /// A node's tooltip: held by the region or not, and its density.
    NodeTip {
        name: &'a str,
        present: bool,
        density: &'a str,
    },
    /// The report's `<title>`.
    ReportTitle {
        region: &'a str,
        year: i32,
    },
    /// The report's heading.
    ReportHeading {
        region: &'a str,
        year: i32,
    },
    /// The paragraph under the heading: source, years, the region's employment, diversity at
    /// the presence threshold, ECI and COI.
    ReportSummary {
        source: &'a str,
        years: &'a [i32],
        region: &'a str,
        employment: &'a str,
        diversity: &'a str,
        threshold: f64,
        eci: &'a str,
        coi: &'a str,
    },
    PotentialHeading,
    /// How a component's value and score are read.
    PotentialIntro,
    /// The ranking of cluster categories / of industries.
    LevelCategories,
    LevelIndustries,
    ColRank,
    ColCode,
    ColName,
    ColScore,
    ColEmployment,
    /// A component of the potential score by its engine name (`competitive_shift`).
    Component(&'a str),
    /// A component's weight, after its name.
    Weight(f64),
    /// A component that could not be computed.
    NotAvailable,
    CategoriesCharts,
    IndustriesCharts,
    RelatedHeading,
    ShiftShareHeading {
        from: i32,
        to: i32,
    },
    /// The region's total change split into its three effects.
    ShiftShareSummary {
        change: &'a str,
        national: &'a str,
        mix: &'a str,
        regional: &'a str,
    },
    ColBase,
    ColChange,
    ColNational,
    ColMix,
    ColRegional,
    DataQualityHeading,
    DataQuality {
        absent: usize,
        missing: usize,
        suppressed: usize,
    },
    /// A data-quality warning of the engine; its [`Display`](std::fmt::Display) is the
    /// engine's English.
    Warning(&'a Warning),
    MethodHeading,
    /// The formulas and parameters used.
    Method {
        threshold: f64,
        present: usize,
        top_percent: f64,
        specialisation_lq: f64,
        complexity: &'a ComplexityOptions,
        weights: &'a Weights,
    },
}

/// The words and number formats of one language. Texts are plain: the engine escapes them.
pub trait Wording {
    /// The language's BCP 47 tag (the report's `lang`).
    fn lang(&self) -> &str;
    /// The text of `m`.
    fn say(&self, m: Msg<'_>) -> String;
    /// `v` with `places` decimals. The report writes `–` itself for a value that is not
    /// finite.
    fn number(&self, v: f64, places: usize) -> String;
    /// A share as a percentage with `places` decimals: 0.125 -> `12.5%`.
    fn percent(&self, share: f64, places: usize) -> String;
    /// A note of the data set as shown: the engine's own notes ([`EngineNote`](crate::EngineNote))
    /// may be said in the reader's language, the author's stay as written; as given by default.
    fn note(&self, note: &str) -> String {
        note.to_string()
    }
}

/// The engine's English: what `klaster analyze chart|report` writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl Wording for English {
    fn lang(&self) -> &str {
        "en"
    }

    fn number(&self, v: f64, places: usize) -> String {
        format!("{v:.places$}")
    }

    fn percent(&self, share: f64, places: usize) -> String {
        format!("{:.places$}%", share * 100.0)
    }

    fn say(&self, m: Msg<'_>) -> String {
        use Msg::*;
        match m {
            BubbleTitle { region, year } => {
                format!("Clusters of {region}, {year}: specialisation and dynamics")
            }
            BubbleDesc { y_axis } => format!(
                "Bubble chart: x location quotient (log scale), y {y_axis}, bubble area employment, colour stars"
            ),
            AxisLq => "location quotient (log scale)".into(),
            AxisGrowth => "employment growth (CAGR)".into(),
            AxisLqChange => "change of LQ".into(),
            BubbleEmpty => "No cells with LQ and growth to show (one year only?)".into(),
            BubbleTip {
                name,
                lq,
                y_axis,
                y,
                growth: _,
                employment,
                stars,
            } => format!(
                "{name}: LQ {lq}, {y_axis} {y:.4}, employment {employment}, {stars} star(s)"
            ),
            Stars(n) => format!("{n} star{}", if n == 1 { "" } else { "s" }),
            StarsTitle { region, year } => format!("Cluster stars of {region}, {year}"),
            StarsDesc => "Bars: one segment per star (size, specialisation, focus)".into(),
            StarSize => "size".into(),
            StarSpecialisation => "specialisation".into(),
            StarFocus => "focus".into(),
            StarsEmpty => "No starred industries.".into(),
            BarLq { lq } => format!("LQ {lq}"),
            NetworkTitle { region, year } => format!("Related industries of {region}, {year}"),
            NetworkDesc => "Network: nodes are industries (filled = present, RCA >= threshold; open = related opportunities), edges proximity".into(),
            NetworkNoProximity => "No proximity computed (relatedness skipped).".into(),
            NetworkEmpty => "No industries to show.".into(),
            NodeTip {
                name,
                present,
                density,
            } => format!(
                "{name}: {}, density {density}",
                if present { "present" } else { "absent" }
            ),
            ReportTitle { region, year } => format!("Cluster analysis {region} {year}"),
            ReportHeading { region, year } => format!("Cluster analysis: {region}, {year}"),
            ReportSummary {
                source,
                years,
                region,
                employment,
                diversity,
                threshold,
                eci,
                coi,
            } => format!(
                "Source: {source}. Years analysed: {years:?}. Employment in {region}: {employment}. Diversity {diversity} industries at LQ ≥ {threshold}; ECI {eci}; COI {coi}."
            ),
            PotentialHeading => "Potential clusters".into(),
            PotentialIntro => "Each component is shown with its value and its score in [0, 1] (stars/3; PCI: percentile among industries; otherwise the region's percentile among all regions in the same industry); the score is the weighted mean.".into(),
            LevelCategories => "Cluster categories".into(),
            LevelIndustries => "Industries".into(),
            ColRank => "#".into(),
            ColCode => "code".into(),
            ColName => "name".into(),
            ColScore => "score".into(),
            ColEmployment => "employment".into(),
            Component(name) => name.replace('_', " "),
            Weight(w) => format!("w {w}"),
            NotAvailable => "n/a".into(),
            CategoriesCharts => "Categories: stars and dynamics".into(),
            IndustriesCharts => "Industries: stars and dynamics".into(),
            RelatedHeading => "Related industries".into(),
            ShiftShareHeading { from, to } => format!("Shift-share ({from}, {to})"),
            ShiftShareSummary {
                change,
                national,
                mix,
                regional,
            } => format!(
                "Change {change}: national share {national}, industry mix {mix}, regional (competitive) shift {regional}."
            ),
            ColBase => "base".into(),
            ColChange => "change".into(),
            ColNational => "national".into(),
            ColMix => "mix".into(),
            ColRegional => "regional".into(),
            DataQualityHeading => "Data quality".into(),
            DataQuality {
                absent,
                missing,
                suppressed,
            } => format!(
                "{absent} cells absent from the input (taken as 0), {missing} missing, {suppressed} suppressed (their own indicators are left empty; totals count them as 0)."
            ),
            Warning(w) => w.to_string(),
            MethodHeading => "Method and parameters".into(),
            Method {
                threshold,
                present,
                top_percent,
                specialisation_lq,
                complexity,
                weights,
            } => format!(
                "LQ = (e_ri/e_r)/(e_i/e); presence at LQ ≥ {threshold}; {present} industries present. \
                 Stars (European Cluster Observatory): size and focus for the top {top_percent}% of regions, specialisation at LQ ≥ {specialisation_lq}. \
                 Complexity conventions: {complexity:?}. Weights: {weights:?}."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::name_of;
    use crate::{Categories, Dataset, Params, ReadOptions, analyze, html, svg};

    /// The charts and report as the engine drew them before their words became a
    /// [`Wording`] (`tests/data/english`); the one change is the report's `&ge;`, now `≥`.
    const GOLDEN: [(&str, &str); 7] = [
        (
            "bubble_categories.svg",
            include_str!("../tests/data/english/bubble_categories.svg"),
        ),
        (
            "bubble_categories_lq.svg",
            include_str!("../tests/data/english/bubble_categories_lq.svg"),
        ),
        (
            "stars_categories.svg",
            include_str!("../tests/data/english/stars_categories.svg"),
        ),
        (
            "tiny_bubble.svg",
            include_str!("../tests/data/english/tiny_bubble.svg"),
        ),
        (
            "tiny_stars.svg",
            include_str!("../tests/data/english/tiny_stars.svg"),
        ),
        (
            "tiny_network.svg",
            include_str!("../tests/data/english/tiny_network.svg"),
        ),
        (
            "tiny_report.html",
            include_str!("../tests/data/english/tiny_report.html"),
        ),
    ];

    /// FNV-1a: a fingerprint of the larger outputs, too big to keep as files.
    fn fnv(s: &str) -> u64 {
        s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// The report without its charts (checked on their own).
    fn without_svg(mut s: &str) -> String {
        let mut out = String::new();
        while let Some(i) = s.find("<svg") {
            out.push_str(&s[..i]);
            let end = s[i..]
                .find("</svg>")
                .map_or(s.len(), |j| i + j + "</svg>".len());
            s = &s[end..];
        }
        out.push_str(s);
        out
    }

    #[test]
    fn the_english_wording_draws_what_the_engine_always_drew() {
        let ds = Dataset::demo();
        let cats = Categories::demo();
        let (first, last) = (ds.years[0], *ds.years.last().unwrap());
        let p = Params {
            region: Some("PL84".into()),
            years: vec![last],
            base_year: Some(first),
            shift_share: Some((first, last)),
            categories: Some(cats.clone()),
            ..Params::default()
        };
        let rep = analyze(&ds, &p).unwrap();
        let r = ds.region_index("PL84").unwrap();
        let label = |c: &str| name_of(Some(&cats), c, 48).unwrap_or_else(|| c.to_string());
        let (ind, cat) = (
            rep.industries.last().unwrap(),
            rep.categories.last().unwrap(),
        );
        let notes = &ds.notes;
        let mut drawn = vec![
            (
                "bubble_categories.svg",
                svg::bubble_chart(cat, "PL84", r, false, &label, notes, &English),
            ),
            (
                "bubble_categories_lq.svg",
                svg::bubble_chart(cat, "PL84", r, true, &label, notes, &English),
            ),
            (
                "stars_categories.svg",
                svg::star_bars(cat, "PL84", r, 40, &label, notes, &English),
            ),
        ];
        // One year of two regions: the empty bubble chart, ties, a two-node network.
        let tiny = "region,industry,year,employment\nA,01,2020,10\nA,02,2020,10\nB,01,2020,10\nB,02,2020,10\n";
        let tds = Dataset::from_reader(tiny.as_bytes(), &ReadOptions::named("tiny.csv")).unwrap();
        let trep = analyze(
            &tds,
            &Params {
                region: Some("A".into()),
                ..Params::default()
            },
        )
        .unwrap();
        let yr = trep.industries.last().unwrap();
        let tnotes = vec!["a note".to_string()];
        drawn.extend([
            (
                "tiny_bubble.svg",
                svg::bubble_chart(yr, "A", 0, false, &label, &tnotes, &English),
            ),
            (
                "tiny_stars.svg",
                svg::star_bars(yr, "A", 0, 40, &label, &tnotes, &English),
            ),
            (
                "tiny_network.svg",
                svg::proximity_network(yr, "A", 0, 40, 0.7, &label, &tnotes, &English),
            ),
            (
                "tiny_report.html",
                html::region_report(&trep, "A", &label, &English).unwrap(),
            ),
        ]);
        for ((name, got), (file, want)) in drawn.iter().zip(GOLDEN) {
            assert_eq!(*name, file);
            // KLASTER_BLESS=1 rewrites the files after a deliberate change of the drawing.
            if std::env::var("KLASTER_BLESS").is_ok_and(|v| v == "1") {
                let path = format!("{}/tests/data/english/{name}", env!("CARGO_MANIFEST_DIR"));
                std::fs::write(path, got).unwrap();
                continue;
            }
            assert!(got == want, "{name} differs:\n{got}");
        }
        let bubble = svg::bubble_chart(ind, "PL84", r, false, &label, notes, &English);
        assert_eq!((bubble.len(), fnv(&bubble)), (39866, 0x59db_7c0c_21a7_7e97));
        let report = html::region_report(&rep, "PL84", &label, &English).unwrap();
        assert!(report.contains(&bubble), "the report draws the same charts");
        let text = without_svg(&report);
        assert_eq!(
            (text.len(), fnv(&text)),
            (19763, 0x89c0_2514_3e70_d6bf),
            "{text}"
        );
    }
}
