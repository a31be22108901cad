//! The data model: a dense cube year x region x industry of employment (and optional
//! establishments and wages), with the reason for every value that is not a number.
//!
//! Long-format input rarely lists every cell. A cell with no row is taken as 0 (the convention
//! of every peer package) and counted in `absent_cells`; a row whose value is empty, `:` or
//! flagged confidential is kept as NaN with its [`CellStatus`], never turned into 0 silently.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

use crate::error::{Error, Result};

/// Why a cell has no number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum CellStatus {
    /// Empty cell, `:` or `NA` in the input.
    Missing,
    /// Suppressed for confidentiality (`c` flag, e.g. Eurostat `: c`).
    Suppressed,
}

/// A region x industry x year data set (one measure cube per variable, same shape).
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    /// File name or description of where the data came from.
    pub source: String,
    /// Notes shown with every result (e.g. "illustrative data, not official statistics").
    pub notes: Vec<String>,
    /// Sorted region codes.
    pub regions: Vec<String>,
    /// Sorted industry (or category) codes.
    pub industries: Vec<String>,
    /// Sorted years.
    pub years: Vec<i32>,
    /// Employment cube, index `(year * regions + region) * industries + industry`.
    #[serde(skip)]
    pub employment: Vec<f64>,
    #[serde(skip)]
    pub establishments: Option<Vec<f64>>,
    #[serde(skip)]
    pub wages: Option<Vec<f64>>,
    /// Employment cells without a number, by cube index.
    #[serde(skip)]
    pub status: BTreeMap<usize, CellStatus>,
    /// Cells with no row in the input (taken as 0).
    pub absent_cells: usize,
}

impl Dataset {
    pub fn n_regions(&self) -> usize {
        self.regions.len()
    }
    pub fn n_industries(&self) -> usize {
        self.industries.len()
    }
    #[inline]
    pub fn index(&self, year: usize, region: usize, industry: usize) -> usize {
        (year * self.regions.len() + region) * self.industries.len() + industry
    }
    /// Employment matrix of one year (row-major regions x industries).
    pub fn year_employment(&self, year: usize) -> &[f64] {
        let n = self.regions.len() * self.industries.len();
        &self.employment[year * n..(year + 1) * n]
    }
    pub fn year_slice<'a>(&self, cube: &'a [f64], year: usize) -> &'a [f64] {
        let n = self.regions.len() * self.industries.len();
        &cube[year * n..(year + 1) * n]
    }
    pub fn year_index(&self, year: i32) -> Option<usize> {
        self.years.binary_search(&year).ok()
    }
    pub fn region_index(&self, code: &str) -> Option<usize> {
        self.regions.binary_search_by(|r| r.as_str().cmp(code)).ok()
    }
    pub fn industry_index(&self, code: &str) -> Option<usize> {
        self.industries
            .binary_search_by(|r| r.as_str().cmp(code))
            .ok()
    }
    pub fn cell_status(&self, year: usize, region: usize, industry: usize) -> Option<CellStatus> {
        self.status
            .get(&self.index(year, region, industry))
            .copied()
    }

    /// Build from columnar arrays (one entry per row), the entry point for callers that already
    /// hold the data (API, database). Codes are any strings; values must be >= 0 or NaN (missing).
    pub fn from_columns(
        source: &str,
        region: &[&str],
        industry: &[&str],
        year: &[i32],
        employment: &[f64],
        establishments: Option<&[f64]>,
        wages: Option<&[f64]>,
    ) -> Result<Dataset> {
        let n = region.len();
        if industry.len() != n
            || year.len() != n
            || employment.len() != n
            || establishments.is_some_and(|e| e.len() != n)
            || wages.is_some_and(|w| w.len() != n)
        {
            return Err(Error::Param("columns of different lengths".into()));
        }
        let mut b = Builder::new(source, establishments.is_some(), wages.is_some());
        for i in 0..n {
            let line = i as u64 + 1;
            let emp = Value::from_f64(employment[i]);
            if let Value::Number(v) = emp
                && (v < 0.0 || !v.is_finite())
            {
                return Err(Error::input(
                    source,
                    line,
                    Some("employment"),
                    format!("invalid employment {v}"),
                ));
            }
            b.push(
                region[i],
                industry[i],
                year[i],
                emp,
                establishments.map(|e| e[i]).unwrap_or(f64::NAN),
                wages.map(|w| w[i]).unwrap_or(f64::NAN),
                line,
            )?;
        }
        b.finish()
    }

    /// Keep the given regions only (a region set can be any list of codes). Unknown codes are an error.
    pub fn select_regions(&self, codes: &[String]) -> Result<Dataset> {
        let mut idx = Vec::new();
        for c in codes {
            idx.push(
                self.region_index(c)
                    .ok_or_else(|| Error::Param(format!("region '{c}' is not in the data")))?,
            );
        }
        idx.sort_unstable();
        idx.dedup();
        let groups: Vec<(String, Vec<usize>)> = idx
            .iter()
            .map(|&r| (self.regions[r].clone(), vec![r]))
            .collect();
        Ok(self.regroup(
            &groups,
            &identity_groups(self.n_industries(), &self.industries),
        ))
    }

    /// Roll industries up with a code map (e.g. NACE class -> division). Codes mapped to `None`
    /// are dropped. A sum that includes a missing cell is missing (suppressed wins), not a
    /// number that silently undercounts.
    pub fn aggregate_industries(&self, map: impl Fn(&str) -> Option<String>) -> Dataset {
        let groups = group_by(&self.industries, map);
        self.regroup(&identity_groups(self.n_regions(), &self.regions), &groups)
    }

    /// Roll regions up (e.g. NUTS 3 -> NUTS 2 by code prefix).
    pub fn aggregate_regions(&self, map: impl Fn(&str) -> Option<String>) -> Dataset {
        let groups = group_by(&self.regions, map);
        self.regroup(
            &groups,
            &identity_groups(self.n_industries(), &self.industries),
        )
    }

    /// General regrouping: each output row/column is the sum of the listed input rows/columns.
    /// Groups may overlap (cluster categories), so totals of the result are not totals of the
    /// economy; analyses of categories take totals from the industry-level data.
    pub(crate) fn regroup(
        &self,
        rg: &[(String, Vec<usize>)],
        cg: &[(String, Vec<usize>)],
    ) -> Dataset {
        let (ny, nr, nc) = (self.years.len(), rg.len(), cg.len());
        let mut status = BTreeMap::new();
        let sum_cube = |cube: &[f64], track: bool, status: &mut BTreeMap<usize, CellStatus>| {
            let mut out = vec![0.0; ny * nr * nc];
            for y in 0..ny {
                for (ro, (_, rs)) in rg.iter().enumerate() {
                    for (co, (_, cs)) in cg.iter().enumerate() {
                        let mut s = 0.0;
                        let mut st: Option<CellStatus> = None;
                        for &r in rs {
                            for &c in cs {
                                let i = self.index(y, r, c);
                                s += cube[i];
                                if track && let Some(x) = self.status.get(&i) {
                                    st = Some(st.map_or(*x, |p| p.max(*x)));
                                }
                            }
                        }
                        let o = (y * nr + ro) * nc + co;
                        out[o] = s;
                        if let Some(x) = st {
                            status.insert(o, x);
                        }
                    }
                }
            }
            out
        };
        let employment = sum_cube(&self.employment, true, &mut status);
        let mut dummy = BTreeMap::new();
        Dataset {
            source: self.source.clone(),
            notes: self.notes.clone(),
            regions: rg.iter().map(|g| g.0.clone()).collect(),
            industries: cg.iter().map(|g| g.0.clone()).collect(),
            years: self.years.clone(),
            employment,
            establishments: self
                .establishments
                .as_ref()
                .map(|e| sum_cube(e, false, &mut dummy)),
            wages: self.wages.as_ref().map(|w| sum_cube(w, false, &mut dummy)),
            status,
            absent_cells: self.absent_cells,
        }
    }
}

fn identity_groups(n: usize, names: &[String]) -> Vec<(String, Vec<usize>)> {
    (0..n).map(|i| (names[i].clone(), vec![i])).collect()
}

fn group_by(names: &[String], map: impl Fn(&str) -> Option<String>) -> Vec<(String, Vec<usize>)> {
    let mut m: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(k) = map(n) {
            m.entry(k).or_default().push(i);
        }
    }
    m.into_iter().collect()
}

/// A parsed cell value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    Number(f64),
    Missing,
    Suppressed,
}

impl Value {
    fn from_f64(v: f64) -> Value {
        if v.is_nan() {
            Value::Missing
        } else {
            Value::Number(v)
        }
    }
}

/// FxHash-style hasher: region and industry codes are short, SipHash would dominate parsing.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);
impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
}
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// String interner with a one-entry cache and a "next id" guess: sorted long files repeat the
/// region and cycle through industries in order, so most lookups avoid hashing.
#[derive(Default)]
pub(crate) struct Interner {
    map: FastMap<Box<[u8]>, u32>,
    names: Vec<Box<[u8]>>,
    last: u32,
}
impl Interner {
    #[inline]
    pub(crate) fn get(&mut self, s: &[u8]) -> u32 {
        let n = self.names.len() as u32;
        if n > 0 {
            if eq_short(&self.names[self.last as usize], s) {
                return self.last;
            }
            let next = if self.last + 1 < n { self.last + 1 } else { 0 };
            if eq_short(&self.names[next as usize], s) {
                self.last = next;
                return next;
            }
        }
        let id = match self.map.get(s) {
            Some(&id) => id,
            None => {
                self.map.insert(s.into(), n);
                self.names.push(s.into());
                n
            }
        };
        self.last = id;
        id
    }
    fn into_names(self) -> Vec<String> {
        self.names
            .into_iter()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .collect()
    }
}

/// Byte equality for short codes without a call to `memcmp` (an OR of XORs, branch-free).
#[inline]
fn eq_short(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() <= 16 {
        return a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0;
    }
    a == b
}

/// Collects rows from any reader, then checks duplicates and builds the cube.
pub(crate) struct Builder {
    file: String,
    regions: Interner,
    industries: Interner,
    years: Vec<i32>,
    year_ids: FastMap<i32, u16>,
    last_year: u16,
    /// (year id << 48) | (region << 24) | industry
    keys: Vec<u64>,
    emp: Vec<f64>,
    estab: Option<Vec<f64>>,
    wages: Option<Vec<f64>>,
    status: Vec<(u32, CellStatus)>,
    /// (row, line) checkpoints where line numbers stop running one per row.
    lines: Vec<(u32, u64)>,
    next_line: u64,
    pub(crate) notes: Vec<String>,
}

impl Builder {
    pub(crate) fn new(file: &str, estab: bool, wages: bool) -> Builder {
        Builder {
            file: file.to_string(),
            regions: Interner::default(),
            industries: Interner::default(),
            years: Vec::new(),
            year_ids: FastMap::default(),
            last_year: 0,
            keys: Vec::new(),
            emp: Vec::new(),
            estab: estab.then(Vec::new),
            wages: wages.then(Vec::new),
            status: Vec::new(),
            lines: Vec::new(),
            next_line: u64::MAX,
            notes: Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub(crate) fn push_bytes(
        &mut self,
        region: &[u8],
        industry: &[u8],
        year: i32,
        emp: Value,
        estab: f64,
        wages: f64,
        line: u64,
    ) -> Result<()> {
        let row = self.keys.len() as u32;
        if line != self.next_line {
            self.lines.push((row, line));
        }
        self.next_line = line + 1;
        let r = self.regions.get(region) as u64;
        let c = self.industries.get(industry) as u64;
        let y = if self.years.get(self.last_year as usize) == Some(&year) {
            self.last_year
        } else {
            match self.year_ids.get(&year) {
                Some(&y) => y,
                None => {
                    let y = self.years.len() as u16;
                    self.years.push(year);
                    self.year_ids.insert(year, y);
                    y
                }
            }
        };
        self.last_year = y;
        let y = y as u64;
        if r >= 1 << 24 || c >= 1 << 24 || self.years.len() >= 1 << 15 {
            return Err(Error::input(
                &self.file,
                line,
                None,
                "too many distinct codes",
            ));
        }
        self.keys.push((y << 48) | (r << 24) | c);
        let v = match emp {
            Value::Number(v) => v,
            Value::Missing => {
                self.status.push((row, CellStatus::Missing));
                f64::NAN
            }
            Value::Suppressed => {
                self.status.push((row, CellStatus::Suppressed));
                f64::NAN
            }
        };
        self.emp.push(v);
        if let Some(e) = &mut self.estab {
            e.push(estab);
        }
        if let Some(w) = &mut self.wages {
            w.push(wages);
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        region: &str,
        industry: &str,
        year: i32,
        emp: Value,
        estab: f64,
        wages: f64,
        line: u64,
    ) -> Result<()> {
        self.push_bytes(
            region.as_bytes(),
            industry.as_bytes(),
            year,
            emp,
            estab,
            wages,
            line,
        )
    }

    /// Empty the builder for another block, keeping the capacity of its buffers.
    pub(crate) fn reset(&mut self) {
        self.regions = Interner::default();
        self.industries = Interner::default();
        self.years.clear();
        self.year_ids.clear();
        self.last_year = 0;
        self.keys.clear();
        self.emp.clear();
        if let Some(e) = &mut self.estab {
            e.clear();
        }
        if let Some(w) = &mut self.wages {
            w.clear();
        }
        self.status.clear();
        self.lines.clear();
        self.next_line = u64::MAX;
        self.notes.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn reserve(&mut self, rows: usize) {
        let rows = rows.min(1 << 32);
        self.keys.reserve(rows);
        self.emp.reserve(rows);
        if let Some(e) = &mut self.estab {
            e.reserve(rows);
        }
        if let Some(w) = &mut self.wages {
            w.reserve(rows);
        }
    }

    /// Append the rows of a builder that parsed a later part of the same file.
    pub(crate) fn append(&mut self, o: &Builder) -> Result<()> {
        let rmap: Vec<u64> = o
            .regions
            .names
            .iter()
            .map(|n| self.regions.get(n) as u64)
            .collect();
        let cmap: Vec<u64> = o
            .industries
            .names
            .iter()
            .map(|n| self.industries.get(n) as u64)
            .collect();
        let ymap: Vec<u64> = o
            .years
            .iter()
            .map(|y| match self.year_ids.get(y) {
                Some(&id) => id as u64,
                None => {
                    let id = self.years.len() as u16;
                    self.years.push(*y);
                    self.year_ids.insert(*y, id);
                    id as u64
                }
            })
            .collect();
        if self.regions.names.len() >= 1 << 24 || self.industries.names.len() >= 1 << 24 {
            return Err(Error::input(
                &self.file,
                o.line_of(0),
                None,
                "too many distinct codes",
            ));
        }
        let row0 = self.keys.len() as u32;
        self.keys.extend(o.keys.iter().map(|&k| {
            (ymap[(k >> 48) as usize] << 48)
                | (rmap[((k >> 24) & 0xFF_FFFF) as usize] << 24)
                | cmap[(k & 0xFF_FFFF) as usize]
        }));
        self.emp.extend_from_slice(&o.emp);
        if let (Some(a), Some(b)) = (&mut self.estab, &o.estab) {
            a.extend_from_slice(b);
        }
        if let (Some(a), Some(b)) = (&mut self.wages, &o.wages) {
            a.extend_from_slice(b);
        }
        self.status
            .extend(o.status.iter().map(|&(r, s)| (r + row0, s)));
        self.lines
            .extend(o.lines.iter().map(|&(r, l)| (r + row0, l)));
        Ok(())
    }

    fn line_of(&self, row: usize) -> u64 {
        let p = self.lines.partition_point(|&(r, _)| r as usize <= row);
        if p == 0 {
            return row as u64 + 1;
        }
        let (r0, l0) = self.lines[p - 1];
        l0 + (row - r0 as usize) as u64
    }

    pub(crate) fn finish(mut self) -> Result<Dataset> {
        if self.keys.is_empty() {
            return Err(Error::input(&self.file, 1, None, "no data rows"));
        }
        // Sort codes so that results never depend on the order of rows.
        let sorted_perm = |names: &[String]| -> (Vec<String>, Vec<u32>) {
            let mut order: Vec<usize> = (0..names.len()).collect();
            order.sort_by(|&a, &b| names[a].cmp(&names[b]));
            let mut inv = vec![0u32; names.len()];
            for (new, &old) in order.iter().enumerate() {
                inv[old] = new as u32;
            }
            (order.iter().map(|&i| names[i].clone()).collect(), inv)
        };
        let regions_raw = std::mem::take(&mut self.regions).into_names();
        let industries_raw = std::mem::take(&mut self.industries).into_names();
        let (regions, rmap) = sorted_perm(&regions_raw);
        let (industries, cmap) = sorted_perm(&industries_raw);
        let mut years_sorted = self.years.clone();
        years_sorted.sort_unstable();
        let ymap: Vec<usize> = self
            .years
            .iter()
            .map(|y| years_sorted.binary_search(y).unwrap())
            .collect();
        let (nr, nc, ny) = (regions.len(), industries.len(), years_sorted.len());
        let total = ny
            .checked_mul(nr)
            .and_then(|x| x.checked_mul(nc))
            .filter(|&t| t <= 2_000_000_000)
            .ok_or_else(|| {
                Error::Param(format!(
                    "{ny} years x {nr} regions x {nc} industries is too large for a dense cube"
                ))
            })?;
        let cell_of = |k: u64| -> usize {
            let y = ymap[(k >> 48) as usize];
            let r = rmap[((k >> 24) & 0xFF_FFFF) as usize] as usize;
            let c = cmap[(k & 0xFF_FFFF) as usize] as usize;
            (y * nr + r) * nc + c
        };
        let mut filled = vec![0u64; total.div_ceil(64)];
        let mut emp = vec![0.0; total];
        let mut estab = self.estab.as_ref().map(|_| vec![0.0; total]);
        let mut wages = self.wages.as_ref().map(|_| vec![0.0; total]);
        for (row, &k) in self.keys.iter().enumerate() {
            let i = cell_of(k);
            if filled[i / 64] >> (i % 64) & 1 == 1 {
                let first = self.keys.iter().position(|&k2| k2 == k).unwrap_or(row);
                let y = years_sorted[ymap[(k >> 48) as usize]];
                let r = &regions_raw[((k >> 24) & 0xFF_FFFF) as usize];
                let c = &industries_raw[(k & 0xFF_FFFF) as usize];
                return Err(Error::input(
                    &self.file,
                    self.line_of(row),
                    None,
                    format!(
                        "duplicate key region '{r}', industry '{c}', year {y} (first at line {}); \
                         if the file has further dimensions (unit, sex, ...), select one value with a filter",
                        self.line_of(first)
                    ),
                ));
            }
            filled[i / 64] |= 1 << (i % 64);
            emp[i] = self.emp[row];
            if let (Some(dst), Some(src)) = (&mut estab, &self.estab) {
                dst[i] = src[row];
            }
            if let (Some(dst), Some(src)) = (&mut wages, &self.wages) {
                dst[i] = src[row];
            }
        }
        let status = self
            .status
            .iter()
            .map(|&(row, s)| (cell_of(self.keys[row as usize]), s))
            .collect();
        Ok(Dataset {
            source: self.file,
            notes: self.notes,
            regions,
            industries,
            years: years_sorted,
            employment: emp,
            establishments: estab,
            wages,
            status,
            absent_cells: total - self.keys.len(),
        })
    }
}

impl Dataset {
    pub fn suppressed_count(&self) -> usize {
        self.status
            .values()
            .filter(|s| **s == CellStatus::Suppressed)
            .count()
    }
    pub fn missing_count(&self) -> usize {
        self.status
            .values()
            .filter(|s| **s == CellStatus::Missing)
            .count()
    }
}
