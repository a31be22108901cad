//! `klaster import`: organisations from CSV or XLSX, all-or-nothing. Every row is parsed and
//! validated first and every error reported with its line and column; only a clean file is
//! written, in one transaction. Rows are matched to stored organisations by legal identifier, so
//! importing the same file again changes nothing.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use anyhow::{Context, bail};
use klaster_domain::{LocalizedText, Organisation, OrganisationInput};
use klaster_store::{Db, organisations as orgs};

use crate::tabular::{self, CellError, RowCells};

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The file: .csv (comma, semicolon or tab separated, UTF-8) or .xlsx (first sheet).
    pub file: PathBuf,
    /// Check everything and report what would happen, but write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// One problem, located in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// 1-based line (CSV) or row (XLSX).
    pub line: u64,
    /// Header name and 1-based column index, when the problem is in one cell.
    pub column: Option<(String, usize)>,
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some((name, i)) => write!(
                f,
                "line {}, column {} ({}): {}",
                self.line, i, name, self.message
            ),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// A file read into header and rows, each row with its line number.
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

pub async fn run(db: &Db, args: ImportArgs) -> anyhow::Result<()> {
    let sheet = read_file(&args.file)?;
    let orgs = match validate(&sheet) {
        Ok(orgs) => orgs,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}: {e}", args.file.display());
            }
            bail!(
                "{} error(s) in {}; nothing was imported",
                errors.len(),
                args.file.display()
            );
        }
    };
    let outcome = write(db, &sheet.headers, orgs, args.dry_run).await?;
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    println!(
        "{verb} {} rows: {} created, {} updated, {} unchanged",
        sheet.rows.len(),
        outcome.created,
        outcome.updated,
        outcome.unchanged
    );
    Ok(())
}

pub fn read_file(path: &std::path::Path) -> anyhow::Result<Sheet> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path),
        _ => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            read_csv(&bytes)
        }
    }
}

/// Reads CSV, guessing the delimiter (`,` `;` or tab) from the header line.
pub fn read_csv(bytes: &[u8]) -> anyhow::Result<Sheet> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.iter().filter(|b| *b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .context("line 1: the header row cannot be read")?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            anyhow::anyhow!("line {line}: {e}")
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        rows.push((line, record.iter().map(String::from).collect()));
    }
    Ok(Sheet { headers, rows })
}

fn read_workbook(path: &std::path::Path) -> anyhow::Result<Sheet> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(path).with_context(|| format!("opening {}", path.display()))?;
    let range = wb
        .worksheet_range_at(0)
        .context("the workbook has no sheet")?
        .with_context(|| format!("reading the first sheet of {}", path.display()))?;
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    };
    let start = range.start().map(|(r, _)| r as u64 + 1).unwrap_or(1);
    let mut rows = range.rows();
    let headers = rows
        .next()
        .context("the first sheet is empty")?
        .iter()
        .map(|c| cell(c).trim().to_ascii_lowercase())
        .collect();
    let rows = rows
        .enumerate()
        .map(|(i, r)| (start + 1 + i as u64, r.iter().map(cell).collect()))
        .collect();
    Ok(Sheet { headers, rows })
}

/// Validates every row; returns the organisations, or every error found.
pub fn validate(sheet: &Sheet) -> Result<Vec<Organisation>, Vec<Located>> {
    let mut errors = Vec::new();
    let col_index = |name: &str| {
        sheet
            .headers
            .iter()
            .position(|h| h == name)
            .map(|i| i + 1)
            .unwrap_or(0)
    };
    for required in tabular::REQUIRED {
        if !sheet.headers.iter().any(|h| h == required) {
            errors.push(Located {
                line: 1,
                column: None,
                message: format!("the required column {required:?} is missing"),
            });
        }
    }
    for h in &sheet.headers {
        if !tabular::COLUMNS.contains(&h.as_str()) {
            errors.push(Located {
                line: 1,
                column: Some((h.clone(), col_index(h))),
                message: format!(
                    "unknown column; expected some of: {}",
                    tabular::COLUMNS.join(", ")
                ),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut orgs = Vec::with_capacity(sheet.rows.len());
    let mut seen_ids: HashMap<(String, String), u64> = HashMap::new();
    for (line, cells) in &sheet.rows {
        let line = *line;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |e: CellError| Located {
            line,
            column: e.column.map(|c| {
                let i = col_index(&c);
                (c, i)
            }),
            message: e.message,
        };
        let (input, legal_cols, cell_errors) = tabular::row_to_input(&RowCells {
            headers: &sheet.headers,
            cells,
        });
        let bad_columns: Vec<String> = cell_errors
            .iter()
            .filter_map(|e| e.column.clone())
            .collect();
        errors.extend(cell_errors.into_iter().map(at));
        // Identifiers repeated within the file, whether or not the rest of the row is valid.
        for (lid, col) in input.legal_ids.iter().zip(&legal_cols) {
            let Ok(parsed) = lid.parse() else { continue };
            let key = (
                parsed.kind().as_str().to_string(),
                parsed.value().to_string(),
            );
            if let Some(first) = seen_ids.insert(key, line) {
                errors.push(at(CellError {
                    column: Some(col.to_string()),
                    message: format!("{col} {} already appears on line {first}", parsed.value()),
                }));
            }
        }
        match input.validate() {
            Ok(org) if bad_columns.is_empty() => orgs.push(org),
            Ok(_) => {}
            Err(v) => errors.extend(
                v.0.into_iter()
                    .map(|f| (tabular::column_for(&f.field, &legal_cols), f.message))
                    // A cell that did not parse is reported once, not again as "required".
                    .filter(|(col, _)| !bad_columns.contains(col))
                    .map(|(col, message)| {
                        at(CellError {
                            column: Some(col),
                            message,
                        })
                    }),
            ),
        }
    }
    if errors.is_empty() {
        Ok(orgs)
    } else {
        Err(errors)
    }
}

/// Keeps what the file has no column for (other languages' names and descriptions, the machine
/// park...) when a row updates a stored organisation.
fn merge(stored: &Organisation, row: Organisation, headers: &[String]) -> Organisation {
    let has = |c: &str| headers.iter().any(|h| h == c);
    let mut merged = stored.to_input();
    let row_input = row.to_input();
    let overlay = |mut texts: Vec<LocalizedText>, new: Vec<LocalizedText>| {
        for n in new {
            match texts.iter_mut().find(|t| t.lang == n.lang) {
                Some(t) => t.text = n.text,
                None => texts.push(n),
            }
        }
        texts
    };
    if has("name") {
        // The row's name becomes primary; other languages' names stay.
        let mut names = row_input.names.clone();
        names.extend(
            merged
                .names
                .iter()
                .filter(|t| !row_input.names.iter().any(|n| n.lang == t.lang))
                .cloned(),
        );
        merged.names = names;
    }
    if has("description") {
        merged.description = overlay(merged.description, row_input.description);
    }
    let OrganisationInput {
        short_name,
        kind,
        legal_ids,
        address,
        country,
        region,
        size_class,
        employees,
        founded_year,
        nace_main,
        nace_other,
        capabilities,
        keywords,
        certifications,
        production_capacity,
        export_markets,
        languages,
        website,
        email,
        phone,
        ..
    } = row_input;
    macro_rules! take {
        ($($col:literal => $field:ident = $value:expr),* $(,)?) => { $( if has($col) { merged.$field = $value; } )* };
    }
    take!("short_name" => short_name = short_name, "kind" => kind = kind, "country" => country = country,
        "region" => region = region, "size_class" => size_class = size_class, "employees" => employees = employees,
        "founded_year" => founded_year = founded_year, "nace_main" => nace_main = nace_main,
        "nace_other" => nace_other = nace_other, "capabilities" => capabilities = capabilities,
        "keywords" => keywords = keywords, "certifications" => certifications = certifications,
        "production_capacity" => production_capacity = production_capacity,
        "export_markets" => export_markets = export_markets, "languages" => languages = languages,
        "website" => website = website, "email" => email = email, "phone" => phone = phone);
    if ["street", "postal_code", "city"].iter().any(|c| has(c)) {
        merged.address = address;
    }
    // Identifiers from the row are added to the stored ones, never silently dropped.
    for lid in legal_ids {
        if !merged.legal_ids.iter().any(|l| l.kind == lid.kind) {
            merged.legal_ids.push(lid);
        }
    }
    // The row validated alone and the stored profile did too; their union validates.
    merged.validate().unwrap_or(row)
}

/// Writes the organisations in one transaction (rolled back on a dry run).
pub async fn write(
    db: &Db,
    headers: &[String],
    orgs: Vec<Organisation>,
    dry_run: bool,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut tx = db.begin().await?;
    let known = orgs::legal_id_index(&mut tx).await?;
    let mut new = Vec::new();
    for org in orgs {
        let matched = org.legal_ids.iter().find_map(|l| {
            known
                .get(&(l.kind().as_str().to_string(), l.value().to_string()))
                .copied()
        });
        match matched {
            None => new.push(org),
            Some(id) => {
                let stored = orgs::get_in(&mut tx, id).await?;
                let merged = merge(&stored.org, org, headers);
                if merged == stored.org {
                    outcome.unchanged += 1;
                } else {
                    orgs::replace(&mut tx, id, &merged, None).await?;
                    outcome.updated += 1;
                }
            }
        }
    }
    outcome.created = new.len();
    orgs::insert_many(&mut tx, &new).await?;
    if !dry_run {
        tx.commit().await?;
        db.analyze().await?;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests;
