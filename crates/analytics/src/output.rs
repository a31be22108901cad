//! Tables for people and programs: CSV, JSON (records) and aligned text. NaN is written as an
//! empty CSV field / JSON null, never as a number.

use std::io::{self, Write};

use crate::analysis::YearResult;
use crate::concentration::ConcentrationRow;
use crate::report::Potential;
use crate::shiftshare::ShiftShareRow;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num(f64),
    Int(i64),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => csv_quote(s),
            Cell::Num(v) if v.is_finite() => format!("{v}"),
            Cell::Num(_) => String::new(),
            Cell::Int(i) => i.to_string(),
        }
    }
    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Num(v) => serde_json::Number::from_f64(*v)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Int(i) => serde_json::Value::from(*i),
        }
    }
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(v) if !v.is_finite() => "-".into(),
            Cell::Num(v) if *v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-3) => format!("{v:.3e}"),
            Cell::Num(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
            Cell::Num(v) => format!("{v:.4}"),
            Cell::Int(i) => i.to_string(),
        }
    }
}

fn csv_quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A rectangular table.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Table,
}

impl Format {
    pub fn from_name(s: &str) -> Option<Format> {
        Some(match s {
            "csv" => Format::Csv,
            "json" => Format::Json,
            "table" | "text" => Format::Table,
            _ => return None,
        })
    }
}

impl Table {
    pub fn new(columns: &[&str]) -> Table {
        Table {
            columns: columns.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn write(&self, w: &mut dyn Write, f: Format) -> io::Result<()> {
        match f {
            Format::Csv => {
                writeln!(w, "{}", self.columns.join(","))?;
                for r in &self.rows {
                    let line: Vec<String> = r.iter().map(Cell::csv).collect();
                    writeln!(w, "{}", line.join(","))?;
                }
            }
            Format::Json => {
                let recs: Vec<serde_json::Value> = self
                    .rows
                    .iter()
                    .map(|r| {
                        serde_json::Value::Object(
                            self.columns
                                .iter()
                                .cloned()
                                .zip(r.iter().map(Cell::json))
                                .collect(),
                        )
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *w, &recs)?;
                writeln!(w)?;
            }
            Format::Table => {
                let text: Vec<Vec<String>> = self
                    .rows
                    .iter()
                    .map(|r| r.iter().map(Cell::text).collect())
                    .collect();
                let mut width: Vec<usize> =
                    self.columns.iter().map(|c| c.chars().count()).collect();
                for r in &text {
                    for (k, s) in r.iter().enumerate() {
                        width[k] = width[k].max(s.chars().count());
                    }
                }
                // text columns left-aligned, numbers right-aligned
                let left: Vec<bool> = (0..self.columns.len())
                    .map(|k| {
                        self.rows
                            .first()
                            .is_some_and(|r| matches!(r.get(k), Some(Cell::Text(_))))
                    })
                    .collect();
                let line = |cells: &[String]| {
                    cells
                        .iter()
                        .enumerate()
                        .map(|(k, s)| {
                            if left[k] {
                                format!("{s:<w$}", w = width[k])
                            } else {
                                format!("{s:>w$}", w = width[k])
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(w, "{}", line(&self.columns))?;
                for r in &text {
                    writeln!(w, "{}", line(r))?;
                }
            }
        }
        Ok(())
    }
}

/// Columns of the indicators table (the first 13 are the stable CLI contract).
pub const CELL_COLUMNS: [&str; 24] = [
    "region",
    "industry",
    "year",
    "employment",
    "share_region",
    "share_industry",
    "lq",
    "present",
    "density",
    "size_star",
    "specialisation_star",
    "focus_star",
    "stars",
    "status",
    "growth",
    "cagr",
    "lq_change",
    "productivity",
    "productivity_star",
    "dynamism_star",
    "stars_extended",
    "cog",
    "pci",
    "eci",
];

fn at(v: &[f64], i: usize) -> f64 {
    if v.is_empty() { f64::NAN } else { v[i] }
}

/// One row of the indicators table.
pub fn cell_row(regions: &[String], yr: &YearResult, r: usize, c: usize) -> Vec<Cell> {
    let nc = yr.n_cols();
    let i = r * nc + c;
    let st = yr.stars(i);
    vec![
        Cell::Text(regions[r].clone()),
        Cell::Text(yr.codes[c].clone()),
        Cell::Int(yr.year as i64),
        Cell::Num(yr.employment[i]),
        Cell::Num(yr.share_region[i]),
        Cell::Num(yr.share_industry[i]),
        Cell::Num(yr.lq[i]),
        Cell::Int(if yr.present.is_empty() {
            0
        } else {
            yr.present[i] as i64
        }),
        Cell::Num(at(&yr.density, i)),
        Cell::Int(yr.size_star[i] as i64),
        Cell::Int(yr.specialisation_star[i] as i64),
        Cell::Int(yr.focus_star[i] as i64),
        Cell::Int(st as i64),
        Cell::Text(match yr.status[i] {
            Some(crate::CellStatus::Missing) => "missing".into(),
            Some(crate::CellStatus::Suppressed) => "suppressed".into(),
            None => String::new(),
        }),
        Cell::Num(at(&yr.growth, i)),
        Cell::Num(at(&yr.cagr, i)),
        Cell::Num(at(&yr.lq_change, i)),
        Cell::Num(at(&yr.productivity, i)),
        Cell::Int(yr.productivity_star[i] as i64),
        Cell::Int(yr.dynamism_star[i] as i64),
        Cell::Int((st + yr.productivity_star[i] + yr.dynamism_star[i]) as i64),
        Cell::Num(at(&yr.cog, i)),
        Cell::Num(at(&yr.pci, c)),
        Cell::Num(at(&yr.eci, r)),
    ]
}

pub fn cells_table(regions: &[String], years: &[YearResult]) -> Table {
    let mut t = Table::new(&CELL_COLUMNS);
    for yr in years {
        for r in 0..regions.len() {
            for c in 0..yr.n_cols() {
                t.rows.push(cell_row(regions, yr, r, c));
            }
        }
    }
    t
}

/// Fast CSV writer of the indicators table for large inputs (no intermediate strings).
pub fn write_cells_csv(
    w: &mut dyn Write,
    regions: &[String],
    yr: &YearResult,
    header: bool,
) -> io::Result<()> {
    if header {
        writeln!(w, "{}", CELL_COLUMNS.join(","))?;
    }
    let nc = yr.n_cols();
    let num = |w: &mut dyn Write, v: f64| -> io::Result<()> {
        if v.is_finite() {
            write!(w, ",{v}")
        } else {
            write!(w, ",")
        }
    };
    let codes: Vec<String> = yr.codes.iter().map(|c| csv_quote(c)).collect();
    for (r, region) in regions.iter().enumerate() {
        let region = csv_quote(region);
        for c in 0..nc {
            let i = r * nc + c;
            write!(w, "{region},{},{}", codes[c], yr.year)?;
            for v in [
                yr.employment[i],
                yr.share_region[i],
                yr.share_industry[i],
                yr.lq[i],
            ] {
                num(w, v)?;
            }
            write!(
                w,
                ",{}",
                if yr.present.is_empty() {
                    0
                } else {
                    yr.present[i]
                }
            )?;
            num(w, at(&yr.density, i))?;
            let st = yr.stars(i);
            write!(
                w,
                ",{},{},{},{}",
                yr.size_star[i], yr.specialisation_star[i], yr.focus_star[i], st
            )?;
            write!(
                w,
                ",{}",
                match yr.status[i] {
                    Some(crate::CellStatus::Missing) => "missing",
                    Some(crate::CellStatus::Suppressed) => "suppressed",
                    None => "",
                }
            )?;
            for v in [
                at(&yr.growth, i),
                at(&yr.cagr, i),
                at(&yr.lq_change, i),
                at(&yr.productivity, i),
            ] {
                num(w, v)?;
            }
            write!(
                w,
                ",{},{},{}",
                yr.productivity_star[i],
                yr.dynamism_star[i],
                st + yr.productivity_star[i] + yr.dynamism_star[i]
            )?;
            num(w, at(&yr.cog, i))?;
            num(w, at(&yr.pci, c))?;
            num(w, at(&yr.eci, r))?;
            writeln!(w)?;
        }
    }
    Ok(())
}

/// `kind,code,year,diversity_or_ubiquity,eci_or_pci`; `which` selects regions, industries or both.
pub fn complexity_table(
    regions: &[String],
    years: &[YearResult],
    want_regions: bool,
    want_industries: bool,
) -> Table {
    let mut t = Table::new(&[
        "kind",
        "code",
        "year",
        "diversity_or_ubiquity",
        "eci_or_pci",
    ]);
    for yr in years {
        if want_regions {
            for (r, code) in regions.iter().enumerate() {
                t.rows.push(vec![
                    Cell::Text("region".into()),
                    Cell::Text(code.clone()),
                    Cell::Int(yr.year as i64),
                    Cell::Num(at(&yr.diversity, r)),
                    Cell::Num(yr.eci[r]),
                ]);
            }
        }
        if want_industries {
            for (c, code) in yr.codes.iter().enumerate() {
                t.rows.push(vec![
                    Cell::Text("industry".into()),
                    Cell::Text(code.clone()),
                    Cell::Int(yr.year as i64),
                    Cell::Num(at(&yr.ubiquity, c)),
                    Cell::Num(yr.pci[c]),
                ]);
            }
        }
    }
    t
}

pub fn shift_share_table(rows: &[ShiftShareRow], extended: bool) -> Table {
    let mut cols = vec![
        "region",
        "industry",
        "base",
        "actual_change",
        "national_share",
        "industry_mix",
        "regional_shift",
    ];
    if extended {
        cols.extend(["em_competitive", "em_allocation"]);
    }
    let mut t = Table::new(&cols);
    for s in rows {
        let mut row = vec![
            Cell::Text(s.region.clone()),
            Cell::Text(s.industry.clone()),
            Cell::Num(s.base),
            Cell::Num(s.actual_change),
            Cell::Num(s.national_share),
            Cell::Num(s.industry_mix),
            Cell::Num(s.regional_shift),
        ];
        if extended {
            row.extend([Cell::Num(s.em_competitive), Cell::Num(s.em_allocation)]);
        }
        t.rows.push(row);
    }
    t
}

pub fn concentration_table(rows: &[ConcentrationRow]) -> Table {
    let mut t = Table::new(&[
        "industry",
        "year",
        "herfindahl",
        "locational_gini",
        "eg_gamma",
        "hoover",
        "eg_g",
        "eg_h",
        "eg_h_source",
        "regions",
    ]);
    for c in rows {
        t.rows.push(vec![
            Cell::Text(c.industry.clone()),
            Cell::Int(c.year as i64),
            Cell::Num(c.herfindahl),
            Cell::Num(c.locational_gini),
            Cell::Num(c.eg_gamma),
            Cell::Num(c.hoover),
            Cell::Num(c.eg_g),
            Cell::Num(c.eg_h),
            Cell::Text(c.eg_h_source.into()),
            Cell::Int(c.regions as i64),
        ]);
    }
    t
}

/// The explained ranking: score, then each component's value and score.
pub fn potential_table(p: &Potential, labels: &dyn Fn(&str) -> Option<String>) -> Table {
    let mut cols: Vec<String> = ["rank", "code", "label", "score", "employment", "present"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(first) = p.rows.first() {
        for comp in &first.components {
            cols.push(comp.name.to_string());
            cols.push(format!("{}_score", comp.name));
        }
    }
    let mut t = Table {
        columns: cols,
        rows: Vec::new(),
    };
    for row in &p.rows {
        let mut cells = vec![
            Cell::Int(row.rank as i64),
            Cell::Text(row.code.clone()),
            Cell::Text(labels(&row.code).unwrap_or_default()),
            Cell::Num(row.score),
            Cell::Num(row.employment),
            Cell::Int(row.present as i64),
        ];
        for comp in &row.components {
            cells.push(Cell::Num(comp.value));
            cells.push(if comp.available {
                Cell::Num(comp.score)
            } else {
                Cell::Num(f64::NAN)
            });
        }
        t.rows.push(cells);
    }
    t
}
