//! Statistics Poland BDL horizontal ("tablica") CSV export: `Kod;Nazwa` (region code and name)
//! and one data column per combination of dimension values, each described by a group of header
//! labels: the industry or variable, a 4-digit year and the unit in brackets. Two header shapes:
//!
//! * one line with `k` labels per column:
//!   `Kod;Nazwa;sekcja C;2021;[osoba];sekcja C;2022;[osoba];` (`k` = labels / values of the first
//!   data row);
//! * several lines with one label per column each, the later ones with empty `Kod;Nazwa`:
//!   `Kod;Nazwa;sekcja C;sekcja C;` + `;;2021;2022;` + `;;[osoba];[osoba];`.
//!
//! Each header line may have its own `k`, so mixtures read too. `sekcja C` becomes the NACE
//! section `C` and `dział 10` the division `10`; other labels are kept as they are, several of
//! them joined with ` / `. The unit (one for the whole file) becomes a dataset note. Values:
//! decimal commas, `-` ("did not occur") is 0, empty is missing. A trailing `;` on every line is
//! ignored. Lines with text in `Kod` or `Nazwa` only (`Źródło: ...`) and blank lines end the
//! table; a data row after them is an error.

use std::io::BufRead;

use super::{ReadOptions, canonical, next_line, parse_value, split, trim};
use crate::dataset::{Builder, Value};
use crate::error::{Error, Result};

/// `Kod;Nazwa` first and no year or value column of the vertical export (`Rok`, `Wartosc` or a
/// column mapped to year or employment).
pub(super) fn is_table(heads: &[String], map: &[(String, String)]) -> bool {
    let vertical = |h: &String| {
        canonical(h, map)
            .is_some_and(|c| c.eq_ignore_ascii_case("year") || c.eq_ignore_ascii_case("employment"))
    };
    heads.len() > 2
        && heads[0].eq_ignore_ascii_case("kod")
        && heads[1].eq_ignore_ascii_case("nazwa")
        && !heads.iter().any(vertical)
}

/// Read the header lines after the first and the data rows (into employment).
pub(super) fn read_table<R: BufRead>(
    rd: &mut R,
    header: &str,
    delim: u8,
    header_line: u64,
    file: &str,
    opts: &ReadOptions,
) -> Result<Builder> {
    if let Some((c, _)) = opts.filters.first() {
        return Err(Error::input(
            file,
            header_line,
            Some(c),
            "filters do not apply to a BDL horizontal table: export the selection you need",
        ));
    }
    let mut input = Input {
        rd,
        file,
        line: header.as_bytes().to_vec(),
        lineno: header_line,
        cells: Cells::new(delim),
    };
    // a trailing `;` on the header means one on every line
    let trailing = header.ends_with(delim as char);
    let (heads, values) = input.header_block(trailing)?;
    let table = Table {
        file,
        code: heads[0].1[0].clone(),
        trailing,
        columns: columns(&heads, values, trailing, input.lineno, file)?,
    };
    let mut b = Builder::new(file, false, false);
    if let Some(u) = table.unit(header_line)? {
        b.notes.push(crate::warning::bdl_unit_note(u));
    }
    input.data_rows(&table, &mut b)?;
    Ok(b)
}

/// Header lines: line number and fields.
type Heads = Vec<(u64, Vec<String>)>;

/// The lines of the file, split.
struct Input<'a, R> {
    rd: &'a mut R,
    file: &'a str,
    /// The current line.
    line: Vec<u8>,
    lineno: u64,
    cells: Cells,
}

impl<R: BufRead> Input<'_, R> {
    fn next(&mut self) -> Result<bool> {
        next_line(self.rd, &mut self.line, &mut self.lineno, self.file)
    }

    fn fields(&mut self) -> Result<Vec<&[u8]>> {
        self.cells.split(&self.line, self.file, self.lineno)
    }

    /// The header lines from the current (first) one: the further ones have empty `Kod` and
    /// `Nazwa`. Returns them and the number of values of the first data row, left current.
    fn header_block(&mut self, trailing: bool) -> Result<(Heads, usize)> {
        let (file, lineno) = (self.file, self.lineno);
        let mut heads = vec![(lineno, self.cells.texts(&self.line, file, lineno)?)];
        loop {
            if !self.next()? {
                return Err(Error::input(file, self.lineno + 1, None, "no data rows"));
            }
            let lineno = self.lineno;
            let f = self.fields()?;
            if f.iter().all(|c| c.is_empty()) {
                continue;
            }
            if f[0].is_empty() && f.get(1).is_none_or(|c| c.is_empty()) {
                heads.push((lineno, self.cells.texts(&self.line, file, lineno)?));
                continue;
            }
            let values = without_trailing(&f, trailing, |_| true)
                .len()
                .saturating_sub(2);
            if is_note(&f) || values == 0 {
                return Err(Error::input(file, lineno, None, "no data rows"));
            }
            return Ok((heads, values));
        }
    }

    /// The data rows from the current one; the first blank or note line ends the table.
    fn data_rows(&mut self, table: &Table, b: &mut Builder) -> Result<()> {
        let mut end: Option<u64> = None;
        loop {
            let lineno = self.lineno;
            let f = self.fields()?;
            if is_note(&f) {
                end.get_or_insert(lineno);
            } else if let Some(at) = end {
                return Err(Error::input(
                    self.file,
                    lineno,
                    None,
                    format!("data row after the end of the table (line {at} is blank or a note)"),
                ));
            } else {
                table.row(&f, lineno, b)?;
            }
            if !self.next()? {
                return Ok(());
            }
        }
    }
}

/// The fields without the empty one after a trailing `;`: always dropped in a file whose header
/// ends with `;` (then every line does), else only when that makes the count `fit`.
fn without_trailing<T: AsRef<[u8]>>(f: &[T], trailing: bool, fit: impl Fn(usize) -> bool) -> &[T] {
    let n = f.len();
    let extra = n > 0 && f[n - 1].as_ref().is_empty() && (trailing || (!fit(n) && fit(n - 1)));
    &f[..n - extra as usize]
}

/// A blank line or one with text in `Kod` or `Nazwa` only (`Źródło: ...`, `;;;`).
fn is_note(f: &[&[u8]]) -> bool {
    f.iter().skip(2).all(|c| c.is_empty())
        && (f[0].is_empty() || f.get(1).is_none_or(|c| c.is_empty()))
}

/// Splits lines into trimmed, unquoted fields.
struct Cells {
    delim: u8,
    scratch: Vec<u8>,
    ranges: Vec<(usize, usize)>,
}

impl Cells {
    fn new(delim: u8) -> Cells {
        Cells {
            delim,
            scratch: Vec::new(),
            ranges: Vec::new(),
        }
    }

    fn split<'a>(&'a mut self, line: &'a [u8], file: &str, lineno: u64) -> Result<Vec<&'a [u8]>> {
        let buf = split(line, self.delim, &mut self.scratch, &mut self.ranges)
            .map_err(|m| Error::input(file, lineno, None, m))?;
        Ok(self.ranges.iter().map(|&(a, b)| trim(&buf[a..b])).collect())
    }

    fn texts(&mut self, line: &[u8], file: &str, lineno: u64) -> Result<Vec<String>> {
        self.split(line, file, lineno)?
            .into_iter()
            .map(|c| {
                std::str::from_utf8(c)
                    .map(str::to_string)
                    .map_err(|_| Error::input(file, lineno, None, "header is not UTF-8"))
            })
            .collect()
    }
}

/// One data column.
struct Column {
    /// Its header labels joined with ` / `: the column's name in error messages.
    name: String,
    industry: String,
    year: i32,
    unit: Option<String>,
}

/// Group the labels after `Kod;Nazwa` of every header line into `n` columns: a line with
/// `k * n` labels gives `k` to each column.
fn columns(
    heads: &Heads,
    n: usize,
    trailing: bool,
    data_line: u64,
    file: &str,
) -> Result<Vec<Column>> {
    let mut groups = vec![Vec::new(); n];
    for (line, fields) in heads {
        let labels = fields.get(2..).unwrap_or_default();
        let labels = without_trailing(labels, trailing, |l| l % n == 0);
        if labels.len() % n != 0 {
            return Err(Error::input(
                file,
                *line,
                None,
                format!(
                    "{} labels after Kod;Nazwa do not divide among the {n} values of the first \
                     data row (line {data_line}): each value column needs the same number of labels",
                    labels.len()
                ),
            ));
        }
        let k = labels.len() / n;
        for (j, g) in groups.iter_mut().enumerate() {
            g.extend(labels[j * k..(j + 1) * k].iter().filter(|l| !l.is_empty()));
        }
    }
    let first_line = heads[0].0;
    groups
        .into_iter()
        .enumerate()
        .map(|(j, g)| {
            let name = if g.is_empty() {
                format!("field {}", j + 3)
            } else {
                g.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" / ")
            };
            column(&g, name.clone()).map_err(|m| Error::input(file, first_line, Some(&name), m))
        })
        .collect()
}

/// Sort a column's labels into year, unit and industry.
fn column(labels: &[&String], name: String) -> std::result::Result<Column, String> {
    let (mut year, mut unit, mut rest) = (None, None, Vec::new());
    for l in labels {
        if let Some(y) = year_label(l) {
            if year.replace(y).is_some() {
                return Err("two years among the labels of this column".into());
            }
        } else if let Some(u) = l.strip_prefix('[').and_then(|u| u.strip_suffix(']')) {
            if unit.replace(u.trim().to_string()).is_some() {
                return Err("two units [...] among the labels of this column".into());
            }
        } else {
            rest.push(nace_label(l));
        }
    }
    let Some(year) = year else {
        return Err(
            "no 4-digit year among the labels of this column (read as a BDL horizontal \
                    table: Kod;Nazwa, then columns labelled by industry, year and [unit]; a \
                    vertical export needs Rok and Wartosc columns)"
                .into(),
        );
    };
    if rest.is_empty() {
        return Err("no industry among the labels of this column (only a year and a unit)".into());
    }
    Ok(Column {
        name,
        industry: rest.join(" / "),
        year,
        unit,
    })
}

fn year_label(l: &str) -> Option<i32> {
    let b = l.as_bytes();
    if b.len() == 4 && b.iter().all(u8::is_ascii_digit) && b[0] != b'0' {
        l.parse().ok()
    } else {
        None
    }
}

/// `sekcja C` -> `C` (NACE section), `dział 10`/`dzial 10` -> `10` (division); others unchanged.
fn nace_label(l: &str) -> String {
    let lower = l.to_lowercase();
    let section = lower.strip_prefix("sekcja ").map(str::trim);
    if let Some(s) = section
        && s.len() == 1
        && (b'a'..=b'u').contains(&s.as_bytes()[0])
    {
        return s.to_ascii_uppercase();
    }
    let division = ["dział ", "dzial "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .map(str::trim);
    if let Some(d) = division
        && d.len() == 2
        && d.bytes().all(|b| b.is_ascii_digit())
    {
        return d.to_string();
    }
    l.to_string()
}

/// The columns and how to name them in errors.
struct Table<'a> {
    file: &'a str,
    /// Header of the region code column (`Kod`).
    code: String,
    /// The header ends with the delimiter, so every line does.
    trailing: bool,
    columns: Vec<Column>,
}

impl Table<'_> {
    /// The one unit of all columns (`None` if no column states one).
    fn unit(&self, header_line: u64) -> Result<Option<&str>> {
        let first = &self.columns[0];
        let show = |u: &Option<String>| u.as_ref().map_or("none".into(), |u| format!("[{u}]"));
        match self.columns.iter().find(|c| c.unit != first.unit) {
            None => Ok(first.unit.as_deref()),
            Some(c) => Err(Error::input(
                self.file,
                header_line,
                Some(&c.name),
                format!(
                    "unit {} differs from {} of column '{}': export one unit per file",
                    show(&c.unit),
                    show(&first.unit),
                    first.name
                ),
            )),
        }
    }

    fn row(&self, f: &[&[u8]], lineno: u64, b: &mut Builder) -> Result<()> {
        let n = self.columns.len();
        let f = without_trailing(f, self.trailing, |l| l == n + 2);
        if f.len() != n + 2 {
            return Err(Error::input(
                self.file,
                lineno,
                None,
                format!(
                    "expected {} fields as in the header, found {}",
                    n + 2,
                    f.len()
                ),
            ));
        }
        if f[0].is_empty() {
            return Err(Error::input(
                self.file,
                lineno,
                Some(&self.code),
                "empty region code",
            ));
        }
        for (c, v) in self.columns.iter().zip(&f[2..]) {
            let v = value(v).map_err(|m| Error::input(self.file, lineno, Some(&c.name), m))?;
            b.push_bytes(
                f[0],
                c.industry.as_bytes(),
                c.year,
                v,
                f64::NAN,
                f64::NAN,
                lineno,
            )?;
        }
        Ok(())
    }
}

/// A value cell: `-` ("did not occur") is 0, decimal commas.
fn value(s: &[u8]) -> std::result::Result<Value, String> {
    if s == b"-" {
        Ok(Value::Number(0.0))
    } else {
        parse_value(s, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(nace_label("sekcja C"), "C");
        assert_eq!(nace_label("Sekcja  f"), "F");
        assert_eq!(nace_label("dział 10"), "10");
        assert_eq!(nace_label("Dzial 01"), "01");
        assert_eq!(nace_label("ogółem"), "ogółem");
        assert_eq!(nace_label("sekcja Z"), "sekcja Z");
        assert_eq!(nace_label("dział 101"), "dział 101");
        assert_eq!(year_label("2021"), Some(2021));
        assert_eq!(year_label("0201"), None);
        assert_eq!(year_label("[2021]"), None);
    }
}
