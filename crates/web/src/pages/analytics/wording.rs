//! The engine's charts and report in the reader's language: its [`Wording`] filled from the
//! catalogues (`analytics_report.ftl`, and the component and star names the ranking page
//! already uses), numbers written as the language writes them.

use klaster_analytics::complexity::{Method, Standardize};
use klaster_analytics::{Msg, Wording};

use super::view::percent;
use crate::pages::format::decimal;
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

    /// The demo's illustrative label is a warning every reader must understand; other notes
    /// are the data's own and stay as their author wrote them.
    fn note(&self, note: &str) -> String {
        if note.contains("ILLUSTRATIVE") {
            self.tr.t("anr-illustrative")
        } else {
            note.to_string()
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
            } => {
                let n = |c: usize| crate::pages::format::integer(tr.lang(), c as i64);
                tr.a(
                    "anr-quality-text",
                    &[
                        ("absent", &n(absent)),
                        ("missing", &n(missing)),
                        ("suppressed", &n(suppressed)),
                    ],
                )
            }
            Msg::Warning(w) => w.to_string(),
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
                        (
                            "present",
                            &crate::pages::format::integer(tr.lang(), present as i64),
                        ),
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
