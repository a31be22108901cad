//! `klaster analyze`: the command-line face of the analytics engine (klaster-analytics).
//!
//! Output goes to stdout unless `--output` is given; nothing is written when the input is
//! invalid (errors name file, line and column). Notes of the data set (e.g. the illustrative
//! label of the demo) are printed to stderr for CSV/JSON and above the table for `table`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand, ValueEnum};
use klaster_analytics::hierarchy::{NaceLevel, nace_at_level, nuts_at_level};
use klaster_analytics::labels::name_of;
use klaster_analytics::output::{self, Format, Table};
use klaster_analytics::{
    Analyzer, Categories, ComplexityOptions, Dataset, English, Level, Params, Preset, ReadOptions,
    Weights, analyze_with_firms,
};

#[derive(Debug, Subcommand)]
pub enum AnalyzeCmd {
    /// Shares, LQ, presence, density, stars and growth: one row per region x industry x year.
    Indicators {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: OutputArgs,
        #[command(flatten)]
        model: ModelArgs,
        /// Rate cluster categories (needs --categories or --demo) instead of single industries.
        #[arg(long, value_enum, default_value_t = LevelArg::Industry)]
        level: LevelArg,
    },
    /// Economic complexity: ECI of regions and PCI of industries.
    Complexity {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: OutputArgs,
        #[command(flatten)]
        model: ModelArgs,
        /// Write regions.csv and industries.csv into this directory instead of one table.
        #[arg(long)]
        output_dir: Option<PathBuf>,
    },
    /// Shift-share decomposition of the change between two years.
    ShiftShare {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: OutputArgs,
        #[arg(long)]
        from: i32,
        #[arg(long)]
        to: i32,
        /// Also print the Esteban-Marquillas competitive and allocation effects.
        #[arg(long)]
        extended: bool,
        #[arg(long, value_enum, default_value_t = LevelArg::Industry)]
        level: LevelArg,
    },
    /// Concentration of each industry across regions: Herfindahl, locational Gini, Ellison-Glaeser.
    Concentration {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: OutputArgs,
        /// Firm sizes `firm,region,industry,employment` for the exact plant Herfindahl.
        #[arg(long)]
        firms: Option<PathBuf>,
    },
    /// A printable HTML report of one region (ranking, charts, shift-share, data quality).
    Report {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        model: ModelArgs,
        #[arg(long)]
        region: String,
        /// HTML file to write (default: stdout).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// An SVG chart of one region.
    Chart {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        model: ModelArgs,
        #[arg(long, value_enum)]
        kind: ChartKind,
        #[arg(long)]
        region: String,
        #[arg(long, value_enum, default_value_t = LevelArg::Industry)]
        level: LevelArg,
        /// Bubble chart y axis: change of LQ instead of employment growth.
        #[arg(long)]
        lq_change: bool,
        /// SVG file to write (default: stdout).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// The explained ranking of a region's potential clusters.
    Potential {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: OutputArgs,
        #[command(flatten)]
        model: ModelArgs,
        /// Region code (e.g. PL84).
        #[arg(long)]
        region: String,
        #[arg(long, value_enum, default_value_t = LevelArg::Industry)]
        level: LevelArg,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartKind {
    /// x: LQ, y: growth (or change of LQ), area: employment, colour: stars.
    Bubble,
    /// Size / specialisation / focus stars per industry or category.
    Stars,
    /// Proximity network of the region's industries.
    Network,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Industry,
    Category,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Json,
    Table,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Long table `region,industry,year,employment[,establishments,wages]`; also SDMX-CSV,
    /// Eurostat TSV (`unit,nace_r2,geo\time`) and semicolon files with decimal commas.
    #[arg(long, required_unless_present = "demo")]
    input: Option<PathBuf>,
    /// Use the shipped demo (Polish NUTS 2 regions; ILLUSTRATIVE figures, not official statistics).
    #[arg(long, conflicts_with = "input")]
    demo: bool,
    /// Rename input columns: `--map HEADER=field` (fields: region, industry, year, employment,
    /// establishments, wages, flag). Repeatable.
    #[arg(long = "map", value_parser = parse_pair)]
    map: Vec<(String, String)>,
    /// Keep rows where a column (or Eurostat dimension) has this value: `--filter unit=THS`.
    #[arg(long = "filter", value_parser = parse_pair)]
    filter: Vec<(String, String)>,
    /// Field delimiter (default: guessed from the header).
    #[arg(long)]
    delimiter: Option<char>,
    /// Cluster categories `category,label,members` (members joined by `+`).
    #[arg(long)]
    categories: Option<PathBuf>,
    /// Roll NACE codes up before computing: section, division, group or class.
    #[arg(long)]
    industry_level: Option<String>,
    /// Roll NUTS codes up by prefix before computing: 0 (country) to 3.
    #[arg(long)]
    region_level: Option<usize>,
    /// Restrict to these regions (comma-separated codes): any region set.
    #[arg(long, value_delimiter = ',')]
    regions: Vec<String>,
    /// Years to analyse (comma-separated; default all).
    #[arg(long, value_delimiter = ',')]
    years: Vec<i32>,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write here instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    format: FormatArg,
}

#[derive(Debug, Args)]
pub struct ModelArgs {
    /// Conventions of ECI/PCI/proximity: stata (default), growthlab (Python ecomplexity),
    /// econcomplex, economic-complexity.
    #[arg(long, default_value = "stata")]
    preset: String,
    /// Presence threshold on RCA/LQ (default 1).
    #[arg(long)]
    threshold: Option<f64>,
    /// LQ at or above which the specialisation star is given (default 2).
    #[arg(long)]
    specialisation_lq: Option<f64>,
    /// Quantile for the size and focus stars (default 0.9 = top 10%).
    #[arg(long)]
    star_quantile: Option<f64>,
    /// Base year for CAGR and dynamism (default: first year).
    #[arg(long)]
    base_year: Option<i32>,
    /// Potential ranking weights, e.g. `lq=0.3,density=0.2` (stars, lq, size, growth,
    /// competitive_shift, density, complexity).
    #[arg(long)]
    weights: Option<String>,
}

fn parse_pair(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .ok_or_else(|| format!("'{s}' is not NAME=VALUE"))
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Table => Format::Table,
        }
    }
}

/// Load the data set and categories, applying roll-ups and the region set.
fn load(a: &InputArgs) -> Result<(Dataset, Option<Categories>)> {
    let mut ds = if a.demo {
        Dataset::demo()
    } else {
        let path = a
            .input
            .as_ref()
            .ok_or_else(|| anyhow!("--input FILE or --demo is required"))?;
        let opts = ReadOptions {
            name: path.display().to_string(),
            map: a.map.clone(),
            delimiter: match a.delimiter {
                Some(c) if c.is_ascii() => Some(c as u8),
                Some(c) => bail!("delimiter '{c}' is not ASCII"),
                None => None,
            },
            filters: a.filter.clone(),
            ..ReadOptions::default()
        };
        Dataset::from_path(path, &opts)?
    };
    if let Some(l) = &a.industry_level {
        let level = NaceLevel::from_name(l)
            .ok_or_else(|| anyhow!("--industry-level: section, division, group or class"))?;
        let unknown: Vec<&String> = ds
            .industries
            .iter()
            .filter(|c| nace_at_level(c, level).is_none())
            .collect();
        if !unknown.is_empty() {
            bail!(
                "--industry-level needs NACE codes; not NACE: {:?}",
                &unknown[..unknown.len().min(5)]
            );
        }
        ds = ds.aggregate_industries(|c| nace_at_level(c, level));
    }
    if let Some(l) = a.region_level {
        if l > 3 {
            bail!("--region-level must be 0..3");
        }
        ds = ds.aggregate_regions(|c| nuts_at_level(c, l));
    }
    if !a.regions.is_empty() {
        ds = ds.select_regions(&a.regions)?;
    }
    let cats = match (&a.categories, a.demo) {
        (Some(p), _) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            Some(Categories::parse(&text, &p.display().to_string())?)
        }
        (None, true) => Some(Categories::demo()),
        (None, false) => None,
    };
    Ok((ds, cats))
}

fn params(
    input: &InputArgs,
    model: Option<&ModelArgs>,
    cats: Option<Categories>,
) -> Result<Params> {
    let mut p = Params {
        years: input.years.clone(),
        categories: cats,
        ..Params::default()
    };
    if let Some(m) = model {
        let preset = Preset::from_name(&m.preset).ok_or_else(|| {
            anyhow!(
                "unknown preset '{}' (stata, growthlab, econcomplex, economic-complexity)",
                m.preset
            )
        })?;
        p.complexity = ComplexityOptions::preset(preset);
        if let Some(t) = m.threshold {
            if !(t > 0.0 && t.is_finite()) {
                bail!("--threshold must be positive");
            }
            p.complexity.threshold = t;
        }
        if let Some(s) = m.specialisation_lq {
            p.stars.specialisation_lq = s;
        }
        if let Some(q) = m.star_quantile {
            if !(0.0..=1.0).contains(&q) {
                bail!("--star-quantile must be within 0..1");
            }
            p.stars.size_quantile = q;
            p.stars.focus_quantile = q;
        }
        p.base_year = m.base_year;
        if let Some(w) = &m.weights {
            p.weights = Weights::parse(w).map_err(|e| anyhow!("--weights: {e}"))?;
        }
    }
    Ok(p)
}

/// Writes to the output file only after everything was computed (no partial files).
/// Writes to stdout, or to `--output` through a temporary file renamed at the end, so an
/// interrupted or failed run never leaves a partial output file.
fn emit(
    out: &OutputArgs,
    notes: &[String],
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fmt: Format = out.format.into();
    for n in notes {
        if fmt != Format::Table || out.output.is_some() {
            eprintln!("note: {n}");
        }
    }
    match &out.output {
        Some(path) => {
            let mut tmp = path.clone().into_os_string();
            tmp.push(".partial");
            let tmp = PathBuf::from(tmp);
            let result = (|| -> std::io::Result<()> {
                let mut w = BufWriter::new(File::create(&tmp)?);
                if fmt == Format::Table {
                    for n in notes {
                        writeln!(w, "# {n}")?;
                    }
                }
                write(&mut w)?;
                w.into_inner().map_err(|e| e.into_error())?.sync_all()
            })();
            if let Err(e) = result.and_then(|_| std::fs::rename(&tmp, path)) {
                let _ = std::fs::remove_file(&tmp);
                return Err(anyhow!(e).context(format!("cannot write {}", path.display())));
            }
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::new(stdout.lock());
            if fmt == Format::Table {
                for n in notes {
                    writeln!(w, "# {n}")?;
                }
            }
            write(&mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}

fn emit_table(out: &OutputArgs, notes: &[String], t: &Table) -> Result<()> {
    let fmt: Format = out.format.into();
    emit(out, notes, &mut |w| t.write(w, fmt))
}

fn warn_all(ws: &[klaster_analytics::Warning]) {
    for w in ws {
        eprintln!("warning: {w}");
    }
}

pub fn run(cmd: AnalyzeCmd) -> Result<()> {
    match cmd {
        AnalyzeCmd::Indicators {
            input,
            out,
            model,
            level,
        } => {
            let (ds, cats) = load(&input)?;
            if level == LevelArg::Category && cats.is_none() {
                bail!("--level category needs --categories FILE (or --demo)");
            }
            let p = params(&input, Some(&model), cats)?;
            let an = Analyzer::new(&ds, &p)?;
            warn_all(&an.warnings);
            let d = klaster_analytics::report::diagnostics(&ds);
            warn_all(&d.warnings);
            let fmt: Format = out.format.into();
            let years = an.year_indices();
            if fmt == Format::Csv {
                // stream year by year: large inputs never hold all years' results at once
                // stream in year order; the next years are computed on worker threads meanwhile
                let mut write = |w: &mut dyn Write| -> std::io::Result<()> {
                    let mut first = true;
                    an.for_each_year(&mut |yr| -> std::io::Result<()> {
                        warn_all(&yr.warnings);
                        if level == LevelArg::Category {
                            let yi = ds.year_index(yr.year).expect("analysed year");
                            let cy = an.categories(yi, &yr).expect("categories checked above");
                            output::write_cells_csv(w, &ds.regions, &cy, first)?;
                        } else {
                            output::write_cells_csv(w, &ds.regions, &yr, first)?;
                        }
                        first = false;
                        Ok(())
                    })
                };
                let _ = &years;
                emit(&out, &ds.notes, &mut write)
            } else {
                let mut results = Vec::new();
                for &yi in &years {
                    let yr = an.industries(yi);
                    warn_all(&yr.warnings);
                    results.push(if level == LevelArg::Category {
                        an.categories(yi, &yr).unwrap()
                    } else {
                        yr
                    });
                }
                emit_table(&out, &ds.notes, &output::cells_table(&ds.regions, &results))
            }
        }
        AnalyzeCmd::Complexity {
            input,
            out,
            model,
            output_dir,
        } => {
            let (ds, _) = load(&input)?;
            let p = params(&input, Some(&model), None)?;
            let an = Analyzer::new(&ds, &p)?;
            let mut years = Vec::new();
            for yi in an.year_indices() {
                let yr = an.industries(yi);
                warn_all(&yr.warnings);
                years.push(yr);
            }
            match output_dir {
                Some(dir) => {
                    std::fs::create_dir_all(&dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                    let fmt: Format = out.format.into();
                    let ext = match fmt {
                        Format::Csv => "csv",
                        Format::Json => "json",
                        Format::Table => "txt",
                    };
                    for (name, regions) in [("regions", true), ("industries", false)] {
                        let t = output::complexity_table(&ds.regions, &years, regions, !regions);
                        let path = dir.join(format!("{name}.{ext}"));
                        let mut buf = Vec::new();
                        t.write(&mut buf, fmt)?;
                        std::fs::write(&path, buf)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                    }
                    for n in &ds.notes {
                        eprintln!("note: {n}");
                    }
                    Ok(())
                }
                None => emit_table(
                    &out,
                    &ds.notes,
                    &output::complexity_table(&ds.regions, &years, true, true),
                ),
            }
        }
        AnalyzeCmd::ShiftShare {
            input,
            out,
            from,
            to,
            extended,
            level,
        } => {
            let (ds, cats) = load(&input)?;
            let rows = if level == LevelArg::Category {
                let cats = cats.ok_or_else(|| {
                    anyhow!("--level category needs --categories FILE (or --demo)")
                })?;
                let (cds, warnings) = ds.by_categories(&cats);
                warn_all(&warnings);
                klaster_analytics::shiftshare::shift_share_with_national(
                    &cds,
                    from,
                    to,
                    klaster_analytics::report::national(&ds, from, to),
                )?
            } else {
                klaster_analytics::shiftshare::shift_share(&ds, from, to)?
            };
            emit_table(&out, &ds.notes, &output::shift_share_table(&rows, extended))
        }
        AnalyzeCmd::Concentration { input, out, firms } => {
            let (ds, _) = load(&input)?;
            let firms = match &firms {
                Some(p) => Some(read_firms(p)?),
                None => None,
            };
            let p = Params {
                years: input.years.clone(),
                skip_complexity: true,
                ..Params::default()
            };
            let an = Analyzer::new(&ds, &p)?;
            let mut rows = Vec::new();
            for yi in an.year_indices() {
                rows.extend(klaster_analytics::concentration::concentration(
                    &ds,
                    yi,
                    firms.as_ref(),
                ));
            }
            emit_table(&out, &ds.notes, &output::concentration_table(&rows))
        }
        AnalyzeCmd::Report {
            input,
            model,
            region,
            output,
        } => {
            let (ds, cats) = load(&input)?;
            let labels = cats.clone();
            let mut p = params(&input, Some(&model), cats)?;
            let rep = region_report(&ds, &mut p, &region)?;
            let label =
                |code: &str| name_of(labels.as_ref(), code, 48).unwrap_or_else(|| code.to_string());
            let html = klaster_analytics::html::region_report(&rep, &region, &label, &English)?;
            for n in &ds.notes {
                eprintln!("note: {n}");
            }
            write_out(&output, &html)
        }
        AnalyzeCmd::Chart {
            input,
            model,
            kind,
            region,
            level,
            lq_change,
            output,
        } => {
            let (ds, cats) = load(&input)?;
            if level == LevelArg::Category && cats.is_none() {
                bail!("--level category needs --categories FILE (or --demo)");
            }
            let labels = cats.clone();
            let mut p = params(&input, Some(&model), cats)?;
            let rep = region_report(&ds, &mut p, &region)?;
            let r = ds
                .region_index(&region)
                .ok_or_else(|| anyhow!("region '{region}' is not in the data"))?;
            let yr = if level == LevelArg::Category {
                rep.categories.last()
            } else {
                rep.industries.last()
            }
            .ok_or_else(|| anyhow!("nothing to chart"))?;
            let label =
                |code: &str| name_of(labels.as_ref(), code, 48).unwrap_or_else(|| code.to_string());
            let svg = match kind {
                ChartKind::Bubble => klaster_analytics::svg::bubble_chart(
                    yr, &region, r, lq_change, &label, &ds.notes, &English,
                ),
                ChartKind::Stars => klaster_analytics::svg::star_bars(
                    yr, &region, r, 40, &label, &ds.notes, &English,
                ),
                ChartKind::Network => {
                    let ind = rep
                        .industries
                        .last()
                        .ok_or_else(|| anyhow!("nothing to chart"))?;
                    klaster_analytics::svg::proximity_network(
                        ind, &region, r, 40, 0.7, &label, &ds.notes, &English,
                    )
                }
            };
            for n in &ds.notes {
                eprintln!("note: {n}");
            }
            write_out(&output, &svg)
        }
        AnalyzeCmd::Potential {
            input,
            out,
            model,
            region,
            level,
        } => {
            let (ds, cats) = load(&input)?;
            if level == LevelArg::Category && cats.is_none() {
                bail!("--level category needs --categories FILE (or --demo)");
            }
            let labels = cats.clone();
            let mut p = params(&input, Some(&model), cats)?;
            p.region = Some(region.clone());
            if p.years.is_empty() {
                // the ranking uses the last year; growth runs from the base year
                p.years = vec![*ds.years.last().unwrap()];
                if p.base_year.is_none() {
                    p.base_year = ds.years.first().copied();
                }
            }
            let rep = analyze_with_firms(&ds, &p, None)?;
            warn_all(&rep.diagnostics.warnings);
            let want = if level == LevelArg::Category {
                Level::Category
            } else {
                Level::Industry
            };
            let pot = rep
                .potential
                .iter()
                .find(|x| x.level == want)
                .ok_or_else(|| anyhow!("no ranking computed"))?;
            let label = |code: &str| name_of(labels.as_ref(), code, 70);
            emit_table(&out, &ds.notes, &output::potential_table(pot, &label))
        }
    }
}

/// Full analysis of one region over all years (ranking on the last year, growth and
/// shift-share from the first).
fn region_report(ds: &Dataset, p: &mut Params, region: &str) -> Result<klaster_analytics::Report> {
    p.region = Some(region.to_string());
    let (first, last) = (ds.years[0], *ds.years.last().unwrap());
    if p.years.is_empty() {
        p.years = vec![last];
    }
    if p.base_year.is_none() {
        p.base_year = Some(first);
    }
    if first < last {
        p.shift_share = Some((first, last));
    }
    let rep = analyze_with_firms(ds, p, None)?;
    warn_all(&rep.diagnostics.warnings);
    Ok(rep)
}

fn write_out(path: &Option<PathBuf>, text: &str) -> Result<()> {
    match path {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            std::io::stdout().write_all(text.as_bytes())?;
            Ok(())
        }
    }
}

fn read_firms(p: &Path) -> Result<klaster_analytics::FirmSizes> {
    let f = File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
    Ok(klaster_analytics::read::read_firms(
        f,
        &p.display().to_string(),
    )?)
}

#[cfg(test)]
mod tests;
