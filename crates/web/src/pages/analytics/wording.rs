//! The engine's charts and report in the reader's language: its [`Wording`] filled from the
//! catalogues (`analytics_report.ftl`, and the component and star names the ranking page
//! already uses), numbers written as the language writes them.

use klaster_analytics::complexity::{Method, Standardize};
use klaster_analytics::{EngineNote, Msg, Overlap, Warning, WarningKind, Wording};

use super::view::percent;
use crate::pages::format::{decimal, integer};
use crate::pages::i18n::Tr;

pub struct Words {
    tr: Tr,
}

impl Words {
    pub fn new(tr: Tr) -> Self {
        Words { tr }
    }

    /// A parameter as short as it is exact (2, 0.5, 0.15), in the language's notation.
    fn param(&self, v: f64) -> String {
        let plain = v.to_string();
        let places = plain.split_once('.').map_or(0, |(_, f)| f.len());
        decimal(self.tr.lang(), v, places)
    }

    fn component(&self, name: &str) -> String {
        self.tr.t(&format!("an-comp-{}", name.replace('_', "-")))
    }

    fn integer(&self, n: usize) -> String {
        integer(self.tr.lang(), i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A small residual such as `1,2e−7`: one decimal of the mantissa in the language's
    /// notation.
    fn scientific(&self, v: f64) -> String {
        let s = format!("{v:.1e}");
        match s.split_once('e') {
            Some((m, e)) => format!(
                "{}e{}",
                decimal(self.tr.lang(), m.parse().unwrap_or(f64::NAN), 1),
                e.replace('-', "−")
            ),
            None => s,
        }
    }

    /// The named overlapping codes of a warning, then how many more.
    fn overlaps(&self, examples: &[Overlap], more: usize) -> String {
        let tr = &self.tr;
        let mut said: Vec<String> = examples
            .iter()
            .map(|o| match o {
                Overlap::Contains { whole, part } => {
                    tr.a("anr-overlap-contains", &[("whole", whole), ("part", part)])
                }
                Overlap::Section { section, part } => tr.a(
                    "anr-overlap-section",
                    &[("section", section), ("part", part)],
                ),
                Overlap::Total { code } => tr.a("anr-overlap-total", &[("code", code)]),
            })
            .collect();
        if more > 0 {
            said.push(tr.a("anr-overlap-more", &[("n", &self.integer(more))]));
        }
        said.join("; ")
    }

    /// A data-quality warning, after its year when it has one.
    fn warning(&self, w: &Warning) -> String {
        use WarningKind::*;
        let tr = &self.tr;
        let text = match &w.kind {
            UnmatchedMember { category, member } => tr.a(
                "anr-warn-unmatched-member",
                &[("category", category), ("member", member)],
            ),
            EmptyCategory { category } => {
                tr.a("anr-warn-empty-category", &[("category", category)])
            }
            RegionsWithoutPresence { count, threshold } => tr.na(
                "anr-warn-regions-without-presence",
                *count,
                &[
                    ("n", &self.integer(*count)),
                    ("threshold", &self.param(*threshold)),
                ],
            ),
            IndustriesNowhere { count } => tr.na(
                "anr-warn-industries-nowhere",
                *count,
                &[("n", &self.integer(*count))],
            ),
            TooFewPresent => tr.t("anr-warn-too-few-present"),
            NotConverged { residual } => tr.a(
                "anr-warn-not-converged",
                &[("residual", &self.scientific(*residual))],
            ),
            Disconnected => tr.t("anr-warn-disconnected"),
            CloseEigenvalues { second, third } => tr.a(
                "anr-warn-close-eigenvalues",
                &[
                    ("second", &decimal(tr.lang(), *second, 6)),
                    ("third", &decimal(tr.lang(), *third, 6)),
                ],
            ),
            IndustryOverlap { examples, more } => tr.a(
                "anr-warn-industry-overlap",
                &[("pairs", &self.overlaps(examples, *more))],
            ),
            RegionOverlap { examples, more } => tr.a(
                "anr-warn-region-overlap",
                &[("pairs", &self.overlaps(examples, *more))],
            ),
            MissingCells {
                missing,
                suppressed,
            } => tr.a(
                "anr-warn-missing-cells",
                &[
                    ("missing", &self.integer(*missing)),
                    ("suppressed", &self.integer(*suppressed)),
                ],
            ),
        };
        match w.year {
            Some(y) => tr.a(
                "anr-warn-year",
                &[("year", &y.to_string()), ("warning", &text)],
            ),
            None => text,
        }
    }
}

impl Wording for Words {
    fn lang(&self) -> &str {
        self.tr.lang().code()
    }

    fn number(&self, v: f64, places: usize) -> String {
        decimal(self.tr.lang(), v, places)
    }

    fn percent(&self, share: f64, places: usize) -> String {
        percent(&self.tr, share, places)
    }

    /// The engine's own notes (above all the demo's illustrative label, a warning every
    /// reader must understand) in the reader's language; other notes are the data's own and
    /// stay as their author wrote them.
    fn note(&self, note: &str) -> String {
        match EngineNote::of(note) {
            Some(EngineNote::Illustrative) => self.tr.t("anr-illustrative"),
            Some(EngineNote::DemoScope) => self.tr.t("anr-note-demo-scope"),
            Some(EngineNote::BdlUnit { unit }) => self.tr.a("anr-note-bdl-unit", &[("unit", unit)]),
            None => note.to_string(),
        }
    }

    fn say(&self, m: Msg<'_>) -> String {
        let tr = &self.tr;
        let year = |y: i32| y.to_string();
        match m {
            Msg::BubbleTitle { region, year: y } => tr.a(
                "anr-bubble-title",
                &[("region", region), ("year", &year(y))],
            ),
            Msg::BubbleDesc { y_axis } => tr.a("anr-bubble-desc", &[("axis", y_axis)]),
            Msg::AxisLq => tr.t("anr-axis-lq"),
            Msg::AxisGrowth => tr.t("anr-axis-growth"),
            Msg::AxisLqChange => tr.t("anr-axis-lq-change"),
            Msg::BubbleEmpty => tr.t("anr-bubble-empty"),
            Msg::BubbleTip {
                name,
                lq,
                y_axis,
                y,
                growth,
                employment,
                stars,
            } => tr.a(
                "anr-bubble-tip",
                &[
                    ("name", name),
                    ("lq", lq),
                    ("axis", y_axis),
                    // Growth as the ranking page shows it: a percentage.
                    (
                        "y",
                        &if growth {
                            percent(tr, y, 1)
                        } else {
                            decimal(tr.lang(), y, 2)
                        },
                    ),
                    ("employment", employment),
                    ("stars", &tr.n("an-why-stars", stars)),
                ],
            ),
            Msg::Stars(n) => tr.n("an-why-stars", n),
            Msg::StarsTitle { region, year: y } => {
                tr.a("anr-stars-title", &[("region", region), ("year", &year(y))])
            }
            Msg::StarsDesc => tr.t("anr-stars-desc"),
            Msg::StarSize => tr.t("an-star-size"),
            Msg::StarSpecialisation => tr.t("an-star-specialisation"),
            Msg::StarFocus => tr.t("an-star-focus"),
            Msg::StarsEmpty => tr.t("anr-stars-empty"),
            Msg::BarLq { lq } => tr.a("anr-bar-lq", &[("lq", lq)]),
            Msg::NetworkTitle { region, year: y } => tr.a(
                "anr-network-title",
                &[("region", region), ("year", &year(y))],
            ),
            Msg::NetworkDesc => tr.t("anr-network-desc"),
            Msg::NetworkNoProximity => tr.t("anr-network-no-proximity"),
            Msg::NetworkEmpty => tr.t("anr-network-empty"),
            Msg::NodeTip {
                name,
                present,
                density,
            } => tr.a(
                if present {
                    "anr-node-present"
                } else {
                    "anr-node-absent"
                },
                &[("name", name), ("density", density)],
            ),
            Msg::ReportTitle { region, year: y } | Msg::ReportHeading { region, year: y } => {
                tr.a("anr-heading", &[("region", region), ("year", &year(y))])
            }
            Msg::ReportSummary {
                source,
                years,
                region,
                employment,
                diversity,
                threshold,
                eci,
                coi,
            } => {
                let years: Vec<String> = years.iter().map(|y| y.to_string()).collect();
                tr.a(
                    "anr-summary",
                    &[
                        ("source", source),
                        ("years", &years.join(", ")),
                        ("region", region),
                        ("employment", employment),
                        ("threshold", &self.param(threshold)),
                        ("diversity", diversity),
                        ("eci", eci),
                        ("coi", coi),
                    ],
                )
            }
            Msg::PotentialHeading => tr.t("anr-potential"),
            Msg::PotentialIntro => tr.t("anr-potential-intro"),
            Msg::LevelCategories => tr.t("an-level-category"),
            Msg::LevelIndustries => tr.t("an-level-industry"),
            Msg::ColRank => tr.t("an-col-rank"),
            Msg::ColCode => tr.t("anr-col-code"),
            Msg::ColName => tr.t("anr-col-name"),
            Msg::ColScore => tr.t("an-col-score"),
            Msg::ColEmployment => tr.t("an-col-employment"),
            Msg::Component(name) => self.component(name),
            Msg::Weight(w) => tr.a("an-weight", &[("weight", &decimal(tr.lang(), w, 2))]),
            Msg::NotAvailable => tr.t("an-not-computed"),
            Msg::CategoriesCharts => tr.t("anr-categories-charts"),
            Msg::IndustriesCharts => tr.t("anr-industries-charts"),
            Msg::RelatedHeading => tr.t("anr-related"),
            Msg::ShiftShareHeading { from, to } => tr.a(
                "anr-shift-share",
                &[("from", &year(from)), ("to", &year(to))],
            ),
            Msg::ShiftShareSummary {
                change,
                national,
                mix,
                regional,
            } => tr.a(
                "anr-shift-share-summary",
                &[
                    ("change", change),
                    ("national", national),
                    ("mix", mix),
                    ("regional", regional),
                ],
            ),
            Msg::ColBase => tr.t("anr-col-base"),
            Msg::ColChange => tr.t("anr-col-change"),
            Msg::ColNational => tr.t("anr-col-national"),
            Msg::ColMix => tr.t("anr-col-mix"),
            Msg::ColRegional => tr.t("anr-col-regional"),
            Msg::DataQualityHeading => tr.t("anr-quality"),
            Msg::DataQuality {
                absent,
                missing,
                suppressed,
            } => tr.a(
                "anr-quality-text",
                &[
                    ("absent", &self.integer(absent)),
                    ("missing", &self.integer(missing)),
                    ("suppressed", &self.integer(suppressed)),
                ],
            ),
            Msg::Warning(w) => self.warning(w),
            Msg::MethodHeading => tr.t("anr-method"),
            Msg::Method {
                threshold,
                present,
                top_percent,
                specialisation_lq,
                complexity,
                weights,
            } => {
                let method = match complexity.method {
                    Method::Eigenvector => tr.t("anr-method-eigenvector"),
                    Method::Reflections { iterations } => tr.a(
                        "anr-method-reflections",
                        &[("iterations", &iterations.to_string())],
                    ),
                };
                let standardisation = tr.t(match complexity.standardize {
                    Standardize::LongTable => "anr-std-long-table",
                    Standardize::EciMomentsDdof0 => "anr-std-eci-moments-ddof0",
                    Standardize::EachDdof0 => "anr-std-each-ddof0",
                    Standardize::EachDdof1 => "anr-std-each-ddof1",
                });
                let weights: Vec<String> = weights
                    .named()
                    .map(|(name, w)| {
                        tr.a(
                            "anr-weight-item",
                            &[
                                ("component", &self.component(name)),
                                ("weight", &decimal(tr.lang(), w, 2)),
                            ],
                        )
                    })
                    .collect();
                tr.a(
                    "anr-method-text",
                    &[
                        ("threshold", &self.param(threshold)),
                        ("present", &self.integer(present)),
                        ("top", &percent(tr, top_percent / 100.0, 0)),
                        ("specialisation", &self.param(specialisation_lq)),
                        ("method", &method),
                        ("standardisation", &standardisation),
                        (
                            "diagonal",
                            if complexity.proximity_diagonal_one {
                                "1"
                            } else {
                                "0"
                            },
                        ),
                        ("weights", &weights.join("; ")),
                    ],
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use klaster_analytics::{ComplexityOptions, Weights};
    use klaster_translate::Lang;

    use super::*;
    use crate::pages::i18n::MISSING_OPEN;
    use crate::pages::lang::UI_LANGS;

    /// Every message the engine may ask for, with arguments that show when one is dropped.
    fn all<'a>(c: &'a ComplexityOptions, w: &'a Weights) -> Vec<Msg<'a>> {
        vec![
            Msg::BubbleTitle {
                region: "R",
                year: 2023,
            },
            Msg::BubbleDesc { y_axis: "Y" },
            Msg::AxisLq,
            Msg::AxisGrowth,
            Msg::AxisLqChange,
            Msg::BubbleEmpty,
            Msg::BubbleTip {
                name: "N",
                lq: "L",
                y_axis: "Y",
                y: 0.05,
                growth: true,
                employment: "E",
                stars: 2,
            },
            Msg::Stars(0),
            Msg::StarsTitle {
                region: "R",
                year: 2023,
            },
            Msg::StarsDesc,
            Msg::StarSize,
            Msg::StarSpecialisation,
            Msg::StarFocus,
            Msg::StarsEmpty,
            Msg::BarLq { lq: "L" },
            Msg::NetworkTitle {
                region: "R",
                year: 2023,
            },
            Msg::NetworkDesc,
            Msg::NetworkNoProximity,
            Msg::NetworkEmpty,
            Msg::NodeTip {
                name: "N",
                present: true,
                density: "D",
            },
            Msg::NodeTip {
                name: "N",
                present: false,
                density: "D",
            },
            Msg::ReportTitle {
                region: "R",
                year: 2023,
            },
            Msg::ReportHeading {
                region: "R",
                year: 2023,
            },
            Msg::ReportSummary {
                source: "S",
                years: &[2017, 2023],
                region: "R",
                employment: "E",
                diversity: "D",
                threshold: 1.0,
                eci: "X",
                coi: "C",
            },
            Msg::PotentialHeading,
            Msg::PotentialIntro,
            Msg::LevelCategories,
            Msg::LevelIndustries,
            Msg::ColRank,
            Msg::ColCode,
            Msg::ColName,
            Msg::ColScore,
            Msg::ColEmployment,
            Msg::Component("competitive_shift"),
            Msg::Weight(0.15),
            Msg::NotAvailable,
            Msg::CategoriesCharts,
            Msg::IndustriesCharts,
            Msg::RelatedHeading,
            Msg::ShiftShareHeading {
                from: 2017,
                to: 2023,
            },
            Msg::ShiftShareSummary {
                change: "A",
                national: "B",
                mix: "M",
                regional: "G",
            },
            Msg::ColBase,
            Msg::ColChange,
            Msg::ColNational,
            Msg::ColMix,
            Msg::ColRegional,
            Msg::DataQualityHeading,
            Msg::DataQuality {
                absent: 1,
                missing: 2,
                suppressed: 3,
            },
            Msg::MethodHeading,
            Msg::Method {
                threshold: 1.0,
                present: 12,
                top_percent: 10.0,
                specialisation_lq: 2.0,
                complexity: c,
                weights: w,
            },
        ]
    }

    /// A warning of every kind, in a year when `year`.
    fn warnings(year: Option<i32>) -> Vec<Warning> {
        use WarningKind::*;
        let s = |v: &str| v.to_string();
        let pairs = vec![
            Overlap::Contains {
                whole: s("PL8"),
                part: s("PL84"),
            },
            Overlap::Section {
                section: s("C"),
                part: s("C10"),
            },
            Overlap::Total { code: s("TOTAL") },
        ];
        [
            UnmatchedMember {
                category: s("dairy"),
                member: s("10.511"),
            },
            EmptyCategory {
                category: s("dairy"),
            },
            RegionsWithoutPresence {
                count: 5,
                threshold: 1.5,
            },
            IndustriesNowhere { count: 1 },
            TooFewPresent,
            NotConverged { residual: 1.25e-7 },
            Disconnected,
            CloseEigenvalues {
                second: 0.5,
                third: 0.4999,
            },
            IndustryOverlap {
                examples: pairs.clone(),
                more: 12345,
            },
            RegionOverlap {
                examples: pairs,
                more: 0,
            },
            MissingCells {
                missing: 12345,
                suppressed: 2,
            },
        ]
        .into_iter()
        .map(|kind| Warning { year, kind })
        .collect()
    }

    #[test]
    fn every_warning_and_engine_note_is_said_in_every_ui_language() {
        for lang in UI_LANGS {
            let w = Words::new(Tr::new(lang));
            for warning in warnings(Some(2020)).iter().chain(&warnings(None)) {
                let s = w.say(Msg::Warning(warning));
                assert!(
                    !s.contains(MISSING_OPEN) && !s.contains("{ $") && !s.is_empty(),
                    "{lang} {warning:?}: {s}"
                );
                assert_ne!(s, warning.to_string(), "{lang}: not the engine's English");
                assert_eq!(s.starts_with("2020: "), warning.year.is_some(), "{s}");
            }
            for note in klaster_analytics::Dataset::demo().notes {
                let s = w.note(&note);
                assert!(!s.contains(MISSING_OPEN) && s != note, "{lang}: {s}");
            }
        }
        let pl = Words::new(Tr::new(Lang::Pl));
        let ru = Words::new(Tr::new(Lang::Ru));
        let said = |w: &Words, i: usize| w.say(Msg::Warning(&warnings(None)[i]));
        assert!(
            said(&pl, 2)
                .ends_with("LQ ≥ 1,5 pominięto w indeksach złożoności (ECI, PCI): 5 regionów.")
        );
        assert!(said(&ru, 3).ends_with(": 1 отрасль."), "{}", said(&ru, 3));
        assert_eq!(
            said(&pl, 5),
            "Wektor własny nie osiągnął zbieżności (residuum 1,2e−7)."
        );
        assert!(said(&ru, 7).contains("(0,500000 и 0,499900)"));
        assert!(
            said(&pl, 8).contains(
                "(„PL8” zawiera „PL84”; sekcja „C” zawiera „C10”; „TOTAL” wygląda na sumę pozostałych; i jeszcze 12\u{a0}345)"
            ),
            "{}",
            said(&pl, 8)
        );
        assert!(said(&pl, 10).starts_with("Brakujące komórki: 12\u{a0}345, utajnione: 2."));
        assert_eq!(
            ru.note("unit: osoba (BDL export)"),
            "Единица: osoba (выгрузка из Банка местных данных GUS)"
        );
    }

    #[test]
    fn every_text_of_the_charts_and_report_is_in_every_ui_language() {
        let presets = [
            ComplexityOptions::default(),
            ComplexityOptions::preset(klaster_analytics::Preset::EconomicComplexity),
        ];
        for lang in UI_LANGS {
            let w = Words::new(Tr::new(lang));
            for c in &presets {
                for m in all(c, &Weights::default()) {
                    let s = w.say(m);
                    assert!(
                        !s.contains(MISSING_OPEN) && !s.is_empty(),
                        "{lang} {m:?}: {s}"
                    );
                    assert!(!s.contains("{ $"), "{lang} {m:?}: {s}");
                }
            }
        }
        let pl = Words::new(Tr::new(Lang::Pl));
        assert_eq!(pl.say(Msg::Stars(0)), "0 gwiazdek");
        assert_eq!(pl.say(Msg::Stars(1)), "1 gwiazdka");
        assert_eq!(pl.say(Msg::Stars(3)), "3 gwiazdki");
        let ru = Words::new(Tr::new(Lang::Ru));
        assert_eq!(ru.say(Msg::Stars(0)), "0 звёзд");
        assert_eq!(ru.say(Msg::Stars(1)), "1 звезда");
        assert_eq!(ru.say(Msg::Stars(2)), "2 звезды");
        assert_eq!(pl.number(1234.5, 1), "1234,5");
        assert_eq!(ru.percent(0.125, 1), "12,5\u{a0}%");
        assert_eq!(pl.param(0.15), "0,15");
        assert_eq!(pl.param(2.0), "2");
        let method = pl.say(Msg::Method {
            threshold: 1.0,
            present: 12,
            top_percent: 10.0,
            specialisation_lq: 2.0,
            complexity: &ComplexityOptions::default(),
            weights: &Weights::default(),
        });
        assert!(method.contains("10% najlepszych regionów"), "{method}");
        assert!(
            method.contains("Gwiazdki 0,20; Specjalizacja (LQ) 0,15"),
            "{method}"
        );
        assert!(
            ru.note(klaster_analytics::ILLUSTRATIVE)
                .starts_with("УСЛОВНЫЕ ДАННЫЕ")
        );
        assert_eq!(ru.note("Source: BDL"), "Source: BDL");
    }
}
