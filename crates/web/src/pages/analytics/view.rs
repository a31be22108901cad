//! The ranking as the page shows it: every number written in the UI language, the stars named,
//! and a sentence per row saying which components carry the score and which hold it back.

use klaster_analytics::potential::{Component, PotentialRow};
use klaster_analytics::{Categories, Level, YearResult};

use super::names;
use crate::pages::format::{decimal, integer};
use crate::pages::i18n::Tr;

/// A component's score at or above this is a strength, at or below [`WEAK`] a weakness.
const STRONG: f64 = 0.75;
const WEAK: f64 = 0.25;

/// A column heading: the component's name, its weight and what it means.
pub struct Head {
    pub id: &'static str,
    pub name: String,
    /// `weight 0.15`
    pub weight: String,
    pub help: String,
}

pub struct Cell {
    pub value: String,
    /// The component's score in [0, 1]; `None` where it could not be computed.
    pub score: Option<String>,
}

pub struct Row {
    pub rank: usize,
    pub code: String,
    pub name: String,
    pub score: String,
    pub employment: String,
    /// `★★☆`: stars out of three (shown, and named in `star_names` for screen readers too).
    pub stars: String,
    pub star_names: String,
    pub cells: Vec<Cell>,
    pub why: String,
}

/// The catalogue id part of a component (`competitive_shift` -> `competitive-shift`).
fn key(name: &str) -> String {
    name.replace('_', "-")
}

pub fn percent(tr: &Tr, share: f64, places: usize) -> String {
    if !share.is_finite() {
        return "–".into();
    }
    tr.a(
        "an-percent",
        &[("value", &decimal(tr.lang(), share * 100.0, places))],
    )
}

pub fn heads(row: Option<&PotentialRow>, tr: &Tr, first_year: i32) -> Vec<Head> {
    let Some(row) = row else {
        return Vec::new();
    };
    let first = first_year.to_string();
    row.components
        .iter()
        .filter(|c| c.name != "stars")
        .map(|c| Head {
            id: c.name,
            name: tr.t(&format!("an-comp-{}", key(c.name))),
            weight: tr.a("an-weight", &[("weight", &decimal(tr.lang(), c.weight, 2))]),
            help: tr.a(&format!("an-help-{}", key(c.name)), &[("first", &first)]),
        })
        .collect()
}

fn value(c: &Component, tr: &Tr) -> String {
    let lang = tr.lang();
    match c.name {
        "size" | "growth" | "competitive_shift" => percent(tr, c.value, 1),
        _ => decimal(lang, c.value, 2),
    }
}

/// Which of the three classic stars a cell has, named.
fn star_names(yr: Option<&YearResult>, region: usize, code: &str, tr: &Tr) -> String {
    let Some((yr, c)) = yr.and_then(|y| y.column_index(code).map(|c| (y, c))) else {
        return String::new();
    };
    let i = region * yr.n_cols() + c;
    let names: Vec<String> = [
        (yr.size_star.get(i), "an-star-size"),
        (yr.specialisation_star.get(i), "an-star-specialisation"),
        (yr.focus_star.get(i), "an-star-focus"),
    ]
    .into_iter()
    .filter(|(f, _)| f.copied() == Some(1))
    .map(|(_, k)| tr.t(k))
    .collect();
    if names.is_empty() {
        tr.t("an-star-none")
    } else {
        names.join(", ")
    }
}

/// One sentence: the strongest components (by their weight in the score), the weakest, and
/// what could not be computed.
fn why(row: &PotentialRow, tr: &Tr) -> String {
    let pct = |s: f64| percent(tr, s, 0);
    let name = |c: &Component| tr.t(&format!("an-comp-{}", key(c.name)));
    let mut strong: Vec<(&Component, String)> = Vec::new();
    let mut weak: Vec<(&Component, String)> = Vec::new();
    let mut missing = Vec::new();
    let mut stars = None;
    for c in &row.components {
        if !c.available {
            missing.push(name(c));
            continue;
        }
        if c.name == "stars" {
            // Stars lead: they are the headline of cluster mapping.
            if row.stars >= 2 {
                stars = Some(tr.n("an-why-stars", usize::from(row.stars)));
            }
            continue;
        }
        // Where the component stands, from the end it is nearer to: "ahead of 94% of the
        // other regions", "the best of all" (a percentage never says 100% short of the top).
        let complexity = c.name == "complexity";
        let (share, list, key) = if c.score >= STRONG {
            let (top, some) = if complexity {
                ("an-why-most-complex", "an-why-complex")
            } else {
                ("an-why-top", "an-why-ahead")
            };
            (
                c.score,
                &mut strong,
                if c.score >= 1.0 { top } else { some },
            )
        } else if c.score <= WEAK {
            let (bottom, some) = if complexity {
                ("an-why-least-complex", "an-why-simple")
            } else {
                ("an-why-bottom", "an-why-behind")
            };
            (
                1.0 - c.score,
                &mut weak,
                if c.score <= 0.0 { bottom } else { some },
            )
        } else {
            continue;
        };
        let p = pct(share.min(0.99));
        list.push((c, tr.a(key, &[("component", &name(c)), ("pct", &p)])));
    }
    // The most extreme first, the heavier on a tie.
    strong.sort_by(|a, b| {
        (b.0.score, b.0.weight)
            .partial_cmp(&(a.0.score, a.0.weight))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    weak.sort_by(|a, b| {
        (a.0.score, b.0.weight)
            .partial_cmp(&(b.0.score, a.0.weight))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let list = |first: Option<String>, v: Vec<(&Component, String)>, n: usize| -> String {
        first
            .into_iter()
            .chain(v.into_iter().map(|(_, s)| s))
            .take(n)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut parts = Vec::new();
    if stars.is_some() || !strong.is_empty() {
        parts.push(tr.a("an-why-strong", &[("list", &list(stars, strong, 3))]));
    }
    if !weak.is_empty() {
        parts.push(tr.a("an-why-weak", &[("list", &list(None, weak, 2))]));
    }
    if parts.is_empty() {
        parts.push(tr.t("an-why-average"));
    }
    if !missing.is_empty() {
        parts.push(tr.a("an-why-missing", &[("list", &missing.join(", "))]));
    }
    parts.join(" ")
}

pub struct Ranked<'a> {
    pub rows: &'a [PotentialRow],
    pub year: Option<&'a YearResult>,
    pub region: usize,
    pub level: Level,
    pub categories: Option<&'a Categories>,
}

pub fn rows(r: &Ranked<'_>, tr: &Tr, limit: usize) -> Vec<Row> {
    r.rows
        .iter()
        .take(limit)
        .map(|row| {
            let n = usize::from(row.stars.min(3));
            Row {
                rank: row.rank,
                code: row.code.clone(),
                name: names::column(&row.code, r.level, r.categories, tr),
                score: decimal(tr.lang(), row.score, 3),
                employment: integer(tr.lang(), row.employment.round() as i64),
                stars: "★".repeat(n) + &"☆".repeat(3 - n),
                star_names: star_names(r.year, r.region, &row.code, tr),
                cells: row
                    .components
                    .iter()
                    .filter(|c| c.name != "stars")
                    .map(|c| Cell {
                        value: value(c, tr),
                        score: c.available.then(|| decimal(tr.lang(), c.score, 2)),
                    })
                    .collect(),
                why: why(row, tr),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;

    fn comp(name: &'static str, value: f64, score: f64, weight: f64) -> Component {
        Component {
            name,
            value,
            score,
            weight,
            available: score.is_finite(),
        }
    }

    #[test]
    fn a_row_is_explained_by_its_strongest_and_weakest_components() {
        let row = PotentialRow {
            rank: 1,
            code: "dairy".into(),
            employment: 12_345.0,
            stars: 2,
            lq: 3.2,
            present: true,
            score: 0.8,
            components: vec![
                comp("stars", 2.0, 2.0 / 3.0, 0.2),
                comp("lq", 3.2, 0.94, 0.15),
                comp("size", 0.1, 0.5, 0.1),
                comp("growth", -0.02, 0.1, 0.15),
                comp("competitive_shift", f64::NAN, f64::NAN, 0.1),
                comp("density", 0.4, 0.8, 0.2),
                comp("complexity", 1.1, 0.9, 0.1),
            ],
        };
        let tr = Tr::new(Lang::En);
        let s = why(&row, &tr);
        assert!(s.starts_with("Strengths: "), "{s}");
        assert!(s.contains("2 stars"), "{s}");
        assert!(s.contains("ahead of 94% of the other regions"), "{s}");
        assert!(
            s.contains("Complexity (PCI) above 90% of the others ranked"),
            "{s}"
        );
        assert!(s.contains("Weaknesses: "), "{s}");
        assert!(s.contains("behind 90% of the other regions"), "{s}");
        assert!(s.contains("Not computed: "), "{s}");
        for lang in crate::pages::lang::UI_LANGS {
            let s = why(&row, &Tr::new(lang));
            assert!(!s.contains(crate::pages::i18n::MISSING_OPEN), "{lang}: {s}");
        }
        assert_eq!(percent(&Tr::new(Lang::Ru), 0.125, 1), "12,5\u{a0}%");
        assert_eq!(percent(&Tr::new(Lang::Pl), 0.125, 1), "12,5%");
    }
}
