//! Readers: long CSV/TSV with any header names (mapped by aliases or options), SDMX-CSV (the same
//! long reader: `geo`, `nace_r2`, `TIME_PERIOD`, `OBS_VALUE`, `OBS_FLAG` are aliases), Eurostat's
//! wide TSV (`unit,nace_r2,geo\time` + one column per year, values like `12 e` or `: c`), the
//! Statistics Poland BDL vertical export (`Kod;Nazwa;<dimension>;Rok;Wartosc;...`, through the
//! long reader) and its horizontal "tablica" export (`Kod;Nazwa` + one column per industry, year
//! and unit; see `read/bdl.rs`). Any of them may be gzip-compressed (`.tsv.gz`): detected by the magic
//! bytes, no option needed.
//! Every error names file, line and column; nothing is returned unless the whole file is valid.

use std::io::{BufRead, BufReader, Read};

use crate::dataset::{Builder, Dataset, Value};
use crate::error::{Error, Result};

mod bdl;

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Name shown in error messages.
    pub name: String,
    /// `(header in the file, canonical field)`; canonical fields: region, industry, year,
    /// employment, establishments, wages, flag.
    pub map: Vec<(String, String)>,
    /// Field delimiter; guessed from the header (tab, semicolon, comma) when `None`.
    pub delimiter: Option<u8>,
    /// Keep only rows whose column equals the value (for files with further dimensions).
    pub filters: Vec<(String, String)>,
    /// Size of the input in bytes when known (pre-sizes the row buffers of large files); not
    /// used for gzip input, whose compressed size says little about the number of rows.
    pub size_hint: Option<u64>,
    /// Most bytes a gzip-compressed input may expand to (a guard for uploads); unlimited if None.
    pub max_decompressed: Option<u64>,
}

impl ReadOptions {
    pub fn named(name: &str) -> ReadOptions {
        ReadOptions {
            name: name.to_string(),
            ..Default::default()
        }
    }
}

pub(crate) const FIELDS: [&str; 7] = [
    "region",
    "industry",
    "year",
    "employment",
    "establishments",
    "wages",
    "flag",
];

fn alias(h: &str) -> Option<&'static str> {
    let h = h.trim().to_ascii_lowercase();
    Some(match h.as_str() {
        "region" | "geo" | "kod" | "nuts" | "nuts_id" | "nuts_code" | "region_code"
        | "territory" | "loc" | "location" => "region",
        "industry" | "nace" | "nace_r2" | "nace_code" | "ind_code" | "industry_code" | "sector"
        | "activity" | "prod" | "product" => "industry",
        "year" | "time" | "time_period" | "period" | "rok" => "year",
        "employment" | "emp" | "wartosc" | "wartość" | "employees" | "persons_employed"
        | "obs_value" | "value" | "emp_all" | "jobs" => "employment",
        "establishments" | "firms" | "enterprises" | "units" | "local_units" | "plants" | "est" => {
            "establishments"
        }
        "wages" | "payroll" | "wage_bill" | "salaries" | "wages_and_salaries" => "wages",
        "flag" | "obs_flag" | "flags" => "flag",
        _ => return None,
    })
}

/// Read a file in any supported layout, plain or gzip-compressed (detected by its magic bytes).
pub fn read<R: Read>(mut reader: R, opts: &ReadOptions) -> Result<Dataset> {
    let file = if opts.name.is_empty() {
        "<input>"
    } else {
        opts.name.as_str()
    };
    let mut head = Vec::with_capacity(2);
    (&mut reader)
        .take(2)
        .read_to_end(&mut head)
        .map_err(|e| io(file, e))?;
    let gzip = head == [0x1f, 0x8b];
    let reader = std::io::Cursor::new(head).chain(reader);
    if !gzip {
        return read_text(&mut BufReader::with_capacity(1 << 20, reader), file, opts);
    }
    // the compressed size says little about the number of rows: no pre-sizing from it
    let opts = ReadOptions {
        size_hint: None,
        ..opts.clone()
    };
    let limit = opts.max_decompressed.unwrap_or(u64::MAX);
    let mut rd = BufReader::with_capacity(1 << 20, Gunzip::new(reader, limit));
    read_text(&mut rd, file, &opts).map_err(|e| match e {
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::FileTooLarge => {
            Error::input(
                file,
                rd.get_ref().lines + 1,
                None,
                format!("the data expands to more than {limit} bytes when decompressed"),
            )
        }
        Error::Io { source, .. } => Error::input(
            file,
            rd.get_ref().lines + 1,
            None,
            // the decoder drops the part of a read that holds the damage: "at or after"
            format!("gzip data corrupt or truncated at or after this line: {source}"),
        ),
        e => e,
    })
}

/// Gzip-decompressed input that counts the lines it has delivered, so that corrupt or truncated
/// data is reported near the line where it breaks. Concatenated members (`cat a.gz b.gz`) are read
/// as one text.
struct Gunzip<R: Read> {
    inner: flate2::read::MultiGzDecoder<R>,
    lines: u64,
    /// Bytes delivered so far, and the most allowed (a small upload may expand enormously).
    total: u64,
    limit: u64,
}

impl<R: Read> Gunzip<R> {
    fn new(reader: R, limit: u64) -> Self {
        Gunzip {
            inner: flate2::read::MultiGzDecoder::new(reader),
            lines: 0,
            total: 0,
            limit,
        }
    }
}

impl<R: Read> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        if self.total > self.limit {
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.lines += memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
        Ok(n)
    }
}

/// Read decompressed text: skip leading blank and `#` lines, then pick the layout by the header.
fn read_text<R: BufRead>(rd: &mut R, file: &str, opts: &ReadOptions) -> Result<Dataset> {
    let mut line = Vec::new();
    let mut lineno = 0u64;
    let mut notes = Vec::new();
    // Header: skip blank lines and leading `#` comments (kept as notes, e.g. "illustrative data").
    loop {
        if !next_line(rd, &mut line, &mut lineno, file)? {
            return Err(Error::input(
                file,
                lineno + 1,
                None,
                "empty file: no header",
            ));
        }
        if lineno == 1 && line.starts_with(&[0xEF, 0xBB, 0xBF]) {
            line.drain(..3);
        }
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if line[0] == b'#' {
            notes.push(String::from_utf8_lossy(&line[1..]).trim().to_string());
            continue;
        }
        break;
    }
    let header = std::str::from_utf8(&line)
        .map_err(|_| Error::input(file, lineno, None, "header is not UTF-8"))?
        .to_string();
    let delim = opts.delimiter.unwrap_or_else(|| guess_delimiter(&header));
    let heads = header_fields(&header, delim);
    let mut b = if heads[0].contains('\\') {
        read_eurostat_tsv(rd, &header, delim, lineno, file, opts)?
    } else if bdl::is_table(&heads, &opts.map) {
        bdl::read_table(rd, &header, delim, lineno, file, opts)?
    } else {
        read_long(rd, heads, delim, lineno, file, opts)?
    };
    b.notes.extend(notes);
    b.finish()
}

/// Header names: trimmed, quotes removed (a delimiter inside quotes is not expected here).
fn header_fields(header: &str, delim: u8) -> Vec<String> {
    header
        .split(delim as char)
        .map(|h| h.trim().trim_matches('"').to_string())
        .collect()
}

/// The canonical field a header names: an explicit `--map` entry, else an alias.
fn canonical<'a>(h: &str, map: &'a [(String, String)]) -> Option<&'a str> {
    map.iter()
        .find(|(from, _)| from.eq_ignore_ascii_case(h))
        .map(|(_, to)| to.as_str())
        .or_else(|| alias(h))
}

/// The next line into `line` (end-of-line bytes removed); `false` at the end of the input.
fn next_line<R: BufRead>(
    rd: &mut R,
    line: &mut Vec<u8>,
    lineno: &mut u64,
    file: &str,
) -> Result<bool> {
    line.clear();
    if rd.read_until(b'\n', line).map_err(|e| io(file, e))? == 0 {
        return Ok(false);
    }
    *lineno += 1;
    trim_eol(line);
    Ok(true)
}

fn io(file: &str, e: std::io::Error) -> Error {
    Error::Io {
        file: file.to_string(),
        source: e,
    }
}

fn trim_eol(line: &mut Vec<u8>) {
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
}

/// Tab if the header has one, else whichever of `;` and `,` occurs more often outside quotes
/// (BDL labels like `"rolnictwo, leśnictwo"` hold commas).
fn guess_delimiter(header: &str) -> u8 {
    if header.contains('\t') {
        return b'\t';
    }
    let (mut quoted, mut semi, mut comma) = (false, 0, 0);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi > comma { b';' } else { b',' }
}

/// Split a line into fields; quoted fields (`"a,b"`, `""` escapes) are unquoted into `scratch`.
/// Returns the buffer the ranges refer to.
fn split<'a>(
    line: &'a [u8],
    delim: u8,
    scratch: &'a mut Vec<u8>,
    out: &mut Vec<(usize, usize)>,
) -> std::result::Result<&'a [u8], &'static str> {
    split_q(line, delim, scratch, out, true)
}

/// `split` with `quotes = false` when the caller knows the line has no `"`.
fn split_q<'a>(
    line: &'a [u8],
    delim: u8,
    scratch: &'a mut Vec<u8>,
    out: &mut Vec<(usize, usize)>,
    quotes: bool,
) -> std::result::Result<&'a [u8], &'static str> {
    out.clear();
    if !quotes || !line.contains(&b'"') {
        let mut start = 0;
        for (i, &b) in line.iter().enumerate() {
            if b == delim {
                out.push((start, i));
                start = i + 1;
            }
        }
        out.push((start, line.len()));
        return Ok(line);
    }
    scratch.clear();
    let mut i = 0;
    loop {
        let start = scratch.len();
        if i < line.len() && line[i] == b'"' {
            i += 1;
            loop {
                if i >= line.len() {
                    return Err("unterminated quoted field (quoted line breaks are not supported)");
                }
                if line[i] == b'"' {
                    if line.get(i + 1) == Some(&b'"') {
                        scratch.push(b'"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                scratch.push(line[i]);
                i += 1;
            }
            if i < line.len() && line[i] != delim {
                return Err("text after a closing quote");
            }
        } else {
            while i < line.len() && line[i] != delim {
                scratch.push(line[i]);
                i += 1;
            }
        }
        out.push((start, scratch.len()));
        if i >= line.len() {
            break;
        }
        i += 1; // delimiter
        if i == line.len() {
            out.push((scratch.len(), scratch.len()));
            break;
        }
    }
    Ok(scratch)
}

fn trim(s: &[u8]) -> &[u8] {
    let mut a = 0;
    let mut b = s.len();
    while a < b && s[a].is_ascii_whitespace() {
        a += 1;
    }
    while b > a && s[b - 1].is_ascii_whitespace() {
        b -= 1;
    }
    &s[a..b]
}

/// Parse a measure cell: `123`, `12.5`, `12 e` (Eurostat flag), `:`/empty/`NA` (missing),
/// `: c`/`c`/`#` (confidential). Negative numbers and text are errors.
pub(crate) fn parse_value(s: &[u8], decimal_comma: bool) -> std::result::Result<Value, String> {
    let s = trim(s);
    if s.is_empty() {
        return Ok(Value::Missing);
    }
    // fast path: plain unsigned integer
    if s.len() <= 15 && s.iter().all(|b| b.is_ascii_digit()) {
        let mut v = 0u64;
        for &b in s {
            v = v * 10 + (b - b'0') as u64;
        }
        return Ok(Value::Number(v as f64));
    }
    let (num, flags) = match s.iter().position(|&b| b == b' ') {
        Some(p) => (trim(&s[..p]), trim(&s[p + 1..])),
        None => (s, &b""[..]),
    };
    let confidential = flags.contains(&b'c');
    match num {
        b":" | b".." | b"." | b"NA" | b"N/A" | b"NaN" | b"nan" | b"x" => {
            return Ok(if confidential {
                Value::Suppressed
            } else {
                Value::Missing
            });
        }
        b"c" | b"C" | b"#" => return Ok(Value::Suppressed),
        _ => {}
    }
    if !flags.iter().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!("not a number: '{}'", String::from_utf8_lossy(s)));
    }
    let text = std::str::from_utf8(num).map_err(|_| "not UTF-8".to_string())?;
    let parsed = if decimal_comma && text.contains(',') {
        text.replace(',', ".").parse::<f64>()
    } else {
        text.parse::<f64>()
    };
    match parsed {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Value::Number(v)),
        Ok(v) if v < 0.0 => Err(format!("negative value {text}")),
        _ => Err(format!("not a number: '{}'", String::from_utf8_lossy(s))),
    }
}

fn parse_year(s: &[u8]) -> std::result::Result<i32, String> {
    if s.len() == 4 && s.iter().all(u8::is_ascii_digit) && s[0] != b'0' {
        return Ok(s.iter().fold(0i32, |a, &b| a * 10 + (b - b'0') as i32));
    }
    let s = trim(s);
    let t = std::str::from_utf8(s).unwrap_or("");
    // "2015.0" appears in files written by pandas
    let t = t.strip_suffix(".0").unwrap_or(t);
    match t.parse::<i32>() {
        Ok(y) if (1000..=9999).contains(&y) => Ok(y),
        _ => Err(format!(
            "not a year: '{}' (annual data expected)",
            String::from_utf8_lossy(s)
        )),
    }
}

fn parse_opt(s: &[u8], dc: bool) -> std::result::Result<f64, String> {
    match parse_value(s, dc)? {
        Value::Number(v) => Ok(v),
        _ => Ok(f64::NAN),
    }
}

fn read_long<R: BufRead>(
    rd: &mut R,
    heads: Vec<String>,
    delim: u8,
    header_line: u64,
    file: &str,
    opts: &ReadOptions,
) -> Result<Builder> {
    let mut col: [Option<usize>; 7] = [None; 7];
    for (j, h) in heads.iter().enumerate() {
        if let Some(canon) = canonical(h, &opts.map) {
            let k = FIELDS
                .iter()
                .position(|f| f.eq_ignore_ascii_case(canon))
                .ok_or_else(|| {
                    Error::Param(format!(
                        "unknown field '{canon}' in --map (use one of {FIELDS:?})"
                    ))
                })?;
            // an explicit mapping wins over an alias of another column
            if col[k].is_none()
                || opts
                    .map
                    .iter()
                    .any(|(from, _)| from.eq_ignore_ascii_case(h))
            {
                col[k] = Some(j);
            }
        }
    }
    for (k, name) in FIELDS.iter().enumerate().take(4) {
        if col[k].is_none() {
            return Err(Error::input(
                file,
                header_line,
                None,
                format!(
                    "no '{name}' column in header [{}]; rename with --map HEADER={name}",
                    heads.join(", ")
                ),
            ));
        }
    }
    let mut filters = Vec::new();
    for (h, v) in &opts.filters {
        let j = heads
            .iter()
            .position(|x| x.eq_ignore_ascii_case(h))
            .ok_or_else(|| {
                Error::input(file, header_line, Some(h), "filter column not in header")
            })?;
        filters.push((j, v.as_bytes().to_vec()));
    }
    let [cr, ci, cy, ce, cest, cw, cf] = col;
    // Statistics Poland BDL export (Kod;Nazwa;...;Rok;Wartosc;...): "-" means "did not occur" = 0
    let bdl = heads.iter().any(|h| h.eq_ignore_ascii_case("kod"))
        && heads.iter().any(|h| h.eq_ignore_ascii_case("nazwa"));
    let parser = RowParser {
        dash_is_zero: bdl,
        file: file.to_string(),
        heads,
        delim,
        cols: [cr.unwrap(), ci.unwrap(), cy.unwrap(), ce.unwrap()],
        cest,
        cw,
        cf,
        filters,
    };
    parse_blocks(rd, header_line, &parser, opts.size_hint)
}

/// Parses the data lines of a long table.
struct RowParser {
    file: String,
    heads: Vec<String>,
    delim: u8,
    /// region, industry, year, employment
    cols: [usize; 4],
    cest: Option<usize>,
    cw: Option<usize>,
    cf: Option<usize>,
    filters: Vec<(usize, Vec<u8>)>,
    dash_is_zero: bool,
}

impl RowParser {
    fn new_builder(&self) -> Builder {
        Builder::new(&self.file, self.cest.is_some(), self.cw.is_some())
    }

    #[allow(clippy::too_many_arguments)]
    fn line(
        &self,
        line: &[u8],
        lineno: u64,
        b: &mut Builder,
        scratch: &mut Vec<u8>,
        ranges: &mut Vec<(usize, usize)>,
        quotes: bool,
    ) -> Result<()> {
        let file = self.file.as_str();
        let nh = self.heads.len();
        let buf = split_q(line, self.delim, scratch, ranges, quotes)
            .map_err(|m| Error::input(file, lineno, None, m))?;
        if ranges.len() != nh {
            return Err(Error::input(
                file,
                lineno,
                None,
                format!(
                    "expected {nh} fields as in the header, found {}",
                    ranges.len()
                ),
            ));
        }
        let f = |j: usize| &buf[ranges[j].0..ranges[j].1];
        if !self
            .filters
            .iter()
            .all(|(j, v)| trim(f(*j)) == v.as_slice())
        {
            return Ok(());
        }
        let err = |j: usize, m: String| Error::input(file, lineno, Some(&self.heads[j]), m);
        let [cr, ci, cy, ce] = self.cols;
        let dc = self.delim != b',';
        let region = trim(f(cr));
        let industry = trim(f(ci));
        if region.is_empty() {
            return Err(err(cr, "empty region code".into()));
        }
        if industry.is_empty() {
            return Err(err(ci, "empty industry code".into()));
        }
        let year = parse_year(f(cy)).map_err(|m| err(cy, m))?;
        let mut emp = if self.dash_is_zero && trim(f(ce)) == b"-" {
            Value::Number(0.0)
        } else {
            parse_value(f(ce), dc).map_err(|m| err(ce, m))?
        };
        if let Some(j) = self.cf
            && trim(f(j)).contains(&b'c')
            && emp == Value::Missing
        {
            emp = Value::Suppressed;
        }
        let est = match self.cest {
            Some(j) => parse_opt(f(j), dc).map_err(|m| err(j, m))?,
            None => f64::NAN,
        };
        let wages = match self.cw {
            Some(j) => parse_opt(f(j), dc).map_err(|m| err(j, m))?,
            None => f64::NAN,
        };
        b.push_bytes(region, industry, year, emp, est, wages, lineno)
    }

    fn block(&self, data: &[u8], first_line: u64, reuse: Option<Builder>) -> Result<Builder> {
        let mut b = match reuse {
            Some(mut b) => {
                b.reset();
                b
            }
            None => self.new_builder(),
        };
        let (mut scratch, mut ranges) = (Vec::new(), Vec::with_capacity(self.heads.len()));
        b.reserve(data.len() / 24);
        // one scan per block instead of one per line
        let quotes = memchr::memchr(b'"', data).is_some();
        let mut lineno = first_line;
        let mut start = 0;
        let mut ends = memchr::memchr_iter(b'\n', data);
        while start < data.len() {
            let end = ends.next().unwrap_or(data.len());
            let mut line = &data[start..end];
            start = end + 1;
            lineno += 1;
            if let Some(l) = line.strip_suffix(b"\r") {
                line = l;
            }
            if !line.is_empty() {
                self.line(line, lineno, &mut b, &mut scratch, &mut ranges, quotes)?;
            }
        }
        Ok(b)
    }
}

/// Reads blocks of whole lines and parses them on worker threads; the main thread merges the
/// partial results in file order, so ids, rows and the first error reported are exactly those
/// of a sequential read. Memory in flight is bounded (a few blocks per worker).
fn parse_blocks<R: Read>(
    rd: &mut R,
    header_line: u64,
    parser: &RowParser,
    size_hint: Option<u64>,
) -> Result<Builder> {
    use std::collections::BTreeMap;
    use std::sync::mpsc;
    const BLOCK: usize = 4 << 20;
    let file = parser.file.as_str();
    let nw = crate::proximity::threads();
    let mut merged = parser.new_builder();
    // merged partial builders go back to the workers (their row buffers keep their capacity)
    let (spent_tx, spent_rx) = mpsc::channel::<Builder>();
    let spent_rx = std::sync::Mutex::new(spent_rx);
    std::thread::scope(|s| -> Result<()> {
        let (res_tx, res_rx) = mpsc::channel::<(usize, Result<Builder>)>();
        // parsed blocks come back for reuse: no fresh 4 MB buffer (and its page faults) per block
        let (free_tx, free_rx) = mpsc::channel::<Vec<u8>>();
        let mut job_tx = Vec::new();
        for _ in 0..nw {
            let (tx, rx) = mpsc::sync_channel::<(usize, Vec<u8>, u64)>(2);
            job_tx.push(tx);
            let (res_tx, free_tx, spent_rx) = (res_tx.clone(), free_tx.clone(), &spent_rx);
            s.spawn(move || {
                for (i, data, first) in rx {
                    let reuse = spent_rx.lock().ok().and_then(|r| r.try_recv().ok());
                    let r = parser.block(&data, first, reuse);
                    let _ = free_tx.send(data);
                    if res_tx.send((i, r)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(free_tx);
        drop(res_tx);
        let mut pending: BTreeMap<usize, Result<Builder>> = BTreeMap::new();
        let mut next = 0usize;
        let merge = |pending: &mut BTreeMap<usize, Result<Builder>>,
                     next: &mut usize,
                     merged: &mut Builder|
         -> Result<()> {
            while let Some(r) = pending.remove(next) {
                let part = r?;
                if *next == 0
                    && let Some(total) = size_hint
                {
                    // rows of the whole file estimated from the first block: one allocation
                    let per_row = (BLOCK as f64 / part.len().max(1) as f64).max(1.0);
                    merged.reserve((total as f64 / per_row * 1.02) as usize);
                }
                merged.append(&part)?;
                let _ = spent_tx.send(part);
                *next += 1;
            }
            Ok(())
        };
        let mut carry: Vec<u8> = Vec::new();
        let mut line = header_line;
        let mut sent = 0usize;
        loop {
            let mut block = free_rx.try_recv().unwrap_or_default();
            block.clear();
            block.extend_from_slice(&carry);
            carry.clear();
            let mut filled = block.len();
            block.resize(filled + BLOCK, 0);
            let mut eof = false;
            while filled < block.len() {
                match rd.read(&mut block[filled..]) {
                    Ok(0) => {
                        eof = true;
                        break;
                    }
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io(file, e)),
                }
            }
            block.truncate(filled);
            if !eof {
                match memchr::memrchr(b'\n', &block) {
                    Some(p) => {
                        carry.extend_from_slice(&block[p + 1..]);
                        block.truncate(p + 1);
                    }
                    None => {
                        carry = block; // a line longer than a block: read on
                        continue;
                    }
                }
            }
            if !block.is_empty() {
                let lines = memchr::memchr_iter(b'\n', &block).count() as u64;
                if job_tx[sent % nw].send((sent, block, line)).is_err() {
                    break;
                }
                sent += 1;
                line += lines;
            }
            while let Ok((k, r)) = res_rx.try_recv() {
                pending.insert(k, r);
            }
            merge(&mut pending, &mut next, &mut merged)?;
            if eof {
                break;
            }
        }
        drop(job_tx);
        for (k, r) in res_rx {
            pending.insert(k, r);
            merge(&mut pending, &mut next, &mut merged)?;
        }
        Ok(())
    })?;
    Ok(merged)
}

/// Eurostat TSV: `unit,nace_r2,geo\time<TAB>2021 <TAB>2020 ...`; the dimension values of each
/// row are comma-separated in the first field.
fn read_eurostat_tsv<R: BufRead>(
    rd: &mut R,
    header: &str,
    delim: u8,
    header_line: u64,
    file: &str,
    opts: &ReadOptions,
) -> Result<Builder> {
    let heads: Vec<&str> = header.split(delim as char).map(str::trim).collect();
    let dims_text = heads[0].split('\\').next().unwrap_or("");
    let dims: Vec<String> = dims_text.split(',').map(|d| d.trim().to_string()).collect();
    let find = |canon: &str| -> Option<usize> {
        dims.iter()
            .position(|d| {
                opts.map.iter().any(|(from, to)| {
                    from.eq_ignore_ascii_case(d) && to.eq_ignore_ascii_case(canon)
                })
            })
            .or_else(|| dims.iter().position(|d| alias(d) == Some(canon)))
    };
    let (Some(dr), Some(di)) = (find("region"), find("industry")) else {
        return Err(Error::input(
            file,
            header_line,
            None,
            format!(
                "Eurostat layout needs geo and nace_r2 dimensions, found [{}]",
                dims.join(",")
            ),
        ));
    };
    let mut years = Vec::new();
    for h in &heads[1..] {
        years.push(
            parse_year(h.as_bytes()).map_err(|m| Error::input(file, header_line, Some(h), m))?,
        );
    }
    let mut filters = Vec::new();
    for (h, v) in &opts.filters {
        let j = dims
            .iter()
            .position(|x| x.eq_ignore_ascii_case(h))
            .ok_or_else(|| {
                Error::input(file, header_line, Some(h), "filter dimension not in header")
            })?;
        filters.push((j, v.clone()));
    }
    let mut b = Builder::new(file, false, false);
    let mut line = Vec::new();
    let mut lineno = header_line;
    while next_line(rd, &mut line, &mut lineno, file)? {
        if line.is_empty() {
            continue;
        }
        let text = std::str::from_utf8(&line)
            .map_err(|_| Error::input(file, lineno, None, "not UTF-8"))?;
        let fields: Vec<&str> = text.split(delim as char).collect();
        if fields.len() != heads.len() {
            return Err(Error::input(
                file,
                lineno,
                None,
                format!(
                    "expected {} fields as in the header, found {}",
                    heads.len(),
                    fields.len()
                ),
            ));
        }
        let dv: Vec<&str> = fields[0].split(',').map(str::trim).collect();
        if dv.len() != dims.len() {
            return Err(Error::input(
                file,
                lineno,
                Some(heads[0]),
                "wrong number of dimension values",
            ));
        }
        if !filters.iter().all(|(j, v)| dv[*j] == v) {
            continue;
        }
        for (k, cell) in fields[1..].iter().enumerate() {
            let v = parse_value(cell.as_bytes(), false)
                .map_err(|m| Error::input(file, lineno, Some(heads[k + 1]), m))?;
            b.push(dv[dr], dv[di], years[k], v, f64::NAN, f64::NAN, lineno)?;
        }
    }
    Ok(b)
}

/// Read a firms file `firm,region,industry,employment` (other columns ignored) into firm sizes
/// per industry, for the Ellison-Glaeser plant Herfindahl.
pub fn read_firms<R: Read>(reader: R, name: &str) -> Result<crate::concentration::FirmSizes> {
    let mut rd = BufReader::new(reader);
    let mut line = Vec::new();
    let mut lineno = 0u64;
    let mut scratch = Vec::new();
    let mut ranges = Vec::new();
    let mut cols: Option<(u8, usize, usize, usize, usize)> = None;
    let mut out = crate::concentration::FirmSizes::default();
    let mut seen = std::collections::HashSet::new();
    while next_line(&mut rd, &mut line, &mut lineno, name)? {
        if line.is_empty() {
            continue;
        }
        let Some((delim, cf, _cr, ci, ce)) = cols else {
            let h = String::from_utf8_lossy(&line).to_string();
            let d = guess_delimiter(&h);
            let heads: Vec<String> = h
                .split(d as char)
                .map(|s| s.trim().to_ascii_lowercase())
                .collect();
            let pos = |n: &str| heads.iter().position(|x| x == n || alias(x) == Some(n));
            match (
                pos("firm"),
                pos("region"),
                pos("industry"),
                pos("employment"),
            ) {
                (Some(a), Some(b), Some(c), Some(e)) => cols = Some((d, a, b, c, e)),
                _ => {
                    return Err(Error::input(
                        name,
                        lineno,
                        None,
                        "firms file needs columns firm,region,industry,employment",
                    ));
                }
            }
            continue;
        };
        let buf = split(&line, delim, &mut scratch, &mut ranges)
            .map_err(|m| Error::input(name, lineno, None, m))?;
        let f = |j: usize| ranges.get(j).map(|&(a, b)| &buf[a..b]);
        let (Some(firm), Some(ind), Some(emp)) = (f(cf), f(ci), f(ce)) else {
            return Err(Error::input(name, lineno, None, "too few fields"));
        };
        let ind = String::from_utf8_lossy(trim(ind)).to_string();
        if !seen.insert((trim(firm).to_vec(), ind.clone())) {
            return Err(Error::input(
                name,
                lineno,
                Some("firm"),
                "duplicate firm within an industry",
            ));
        }
        match parse_value(emp, delim != b',')
            .map_err(|m| Error::input(name, lineno, Some("employment"), m))?
        {
            Value::Number(v) => out.by_industry.entry(ind).or_default().push(v),
            _ => {
                return Err(Error::input(
                    name,
                    lineno,
                    Some("employment"),
                    "firm size missing",
                ));
            }
        }
    }
    if cols.is_none() {
        return Err(Error::input(name, 1, None, "empty firms file"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_flags() {
        assert_eq!(parse_value(b"12", false), Ok(Value::Number(12.0)));
        assert_eq!(parse_value(b" 12.5 ", false), Ok(Value::Number(12.5)));
        assert_eq!(parse_value(b"12 e", false), Ok(Value::Number(12.0)));
        assert_eq!(parse_value(b":", false), Ok(Value::Missing));
        assert_eq!(parse_value(b"", false), Ok(Value::Missing));
        assert_eq!(parse_value(b": c", false), Ok(Value::Suppressed));
        assert_eq!(parse_value(b"c", false), Ok(Value::Suppressed));
        assert_eq!(parse_value(b"12,5", true), Ok(Value::Number(12.5)));
        assert!(parse_value(b"-3", false).unwrap_err().contains("negative"));
        assert!(parse_value(b"abc", false).is_err());
        assert!(parse_value(b"12 3", false).is_err());
        assert!(parse_value(b"inf", false).is_err());
    }

    #[test]
    fn quoted_split() {
        let mut s = Vec::new();
        let mut r = Vec::new();
        let line = br#"a,"b,c","d""e",,"#;
        let buf = split(line, b',', &mut s, &mut r).unwrap();
        let f: Vec<&[u8]> = r.iter().map(|&(a, b)| &buf[a..b]).collect();
        assert_eq!(f, vec![&b"a"[..], b"b,c", b"d\"e", b"", b""]);
    }
}
