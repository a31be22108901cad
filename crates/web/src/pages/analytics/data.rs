//! Which data and what the engine makes of it: the data set behind a page's path segment, its
//! regions and years, and the engine's results. Both are kept in memory by the data set's
//! fingerprint (its content's SHA-256): the results for a data set, region and year never
//! change, so they are computed once.

use std::collections::VecDeque;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

use klaster_analytics::{Categories, Level, Report, YearResult};
use klaster_store::analyses;

use crate::AppState;
use crate::api::analyses::{DatasetRef, compute, is_public, load, params_for};
use crate::pages::errors::PageError;

/// The path segment of the built-in demo.
pub const DEMO: &str = "demo";

/// A data set the pages may show: the demo or a public stored one.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path segment: `demo` or the stored data set's id.
    pub segment: String,
    /// The stored data set's name as its owner gave it (`None` for the demo).
    pub name: Option<String>,
    pub fingerprint: String,
    /// Regions and years as counted at upload (`None` for the demo): lists need not read
    /// every data set.
    pub summary: Option<(usize, Vec<i32>)>,
}

impl Source {
    fn demo() -> Source {
        static FP: LazyLock<String> =
            LazyLock::new(|| analyses::fingerprint(klaster_analytics::DEMO_CSV.as_bytes()));
        Source {
            segment: DEMO.into(),
            name: None,
            fingerprint: FP.clone(),
            summary: None,
        }
    }

    fn stored(row: analyses::DatasetRow) -> Source {
        let s = &row.summary.0;
        let summary = s["regions"]
            .as_u64()
            .zip(s["years"].as_array())
            .map(|(r, y)| {
                let years = y
                    .iter()
                    .filter_map(|v| v.as_i64()?.try_into().ok())
                    .collect();
                (r as usize, years)
            });
        Source {
            segment: row.id.to_string(),
            name: Some(row.name),
            fingerprint: row.fingerprint,
            summary,
        }
    }

    fn reference(&self) -> DatasetRef {
        match self.segment.parse() {
            Ok(id) => DatasetRef::Id(id),
            Err(_) => DatasetRef::Named(self.segment.clone()),
        }
    }
}

/// The demo and every public stored data set (newest first).
pub async fn sources(state: &AppState) -> Result<Vec<Source>, PageError> {
    let rows = analyses::datasets(state.db(), None).await?;
    Ok(std::iter::once(Source::demo())
        .chain(rows.into_iter().filter(is_public).map(Source::stored))
        .collect())
}

/// The data set a path segment names; `NotFound` for anything else (a private one included:
/// to a page it does not exist).
pub async fn source(state: &AppState, segment: &str) -> Result<Source, PageError> {
    if segment == DEMO {
        return Ok(Source::demo());
    }
    // Only the canonical spelling of an id (no sign, no leading zeros).
    let id: i64 = segment.parse().map_err(|_| PageError::NotFound)?;
    if id.to_string() != segment {
        return Err(PageError::NotFound);
    }
    let row = analyses::dataset(state.db(), id).await?;
    if !is_public(&row) {
        return Err(PageError::NotFound);
    }
    Ok(Source::stored(row))
}

/// What the forms need to know of a data set.
#[derive(Debug)]
pub struct Info {
    /// Region codes, as in the data.
    pub regions: Vec<String>,
    pub years: Vec<i32>,
    pub has_categories: bool,
}

/// The engine's results for one data set, region and year.
pub struct Computed {
    pub report: Report,
    /// The region's index in `report.regions`.
    pub region: usize,
}

impl Computed {
    /// The categories' definitions (labels), if the analysis had any.
    pub fn categories(&self) -> Option<&Categories> {
        self.report.params.categories.as_ref()
    }

    /// The ranking at `level` (`None` when the data has no such level).
    pub fn potential(&self, level: Level) -> Option<&klaster_analytics::report::Potential> {
        self.report.potential.iter().find(|p| p.level == level)
    }

    /// The indicators of the analysed year at `level`.
    pub fn year(&self, level: Level) -> Option<&YearResult> {
        match level {
            Level::Industry => self.report.industries.last(),
            Level::Category => self.report.categories.last(),
        }
    }
}

/// A small least-recently-used map (a handful of data sets and regions are looked at).
struct Lru<V> {
    cap: usize,
    items: VecDeque<(String, Arc<V>)>,
}

impl<V> Lru<V> {
    const fn new(cap: usize) -> Self {
        Lru {
            cap,
            items: VecDeque::new(),
        }
    }

    fn get(&mut self, key: &str) -> Option<Arc<V>> {
        let at = self.items.iter().position(|(k, _)| k == key)?;
        let item = self.items.remove(at)?;
        let v = item.1.clone();
        self.items.push_back(item);
        Some(v)
    }

    fn put(&mut self, key: String, v: Arc<V>) {
        self.items.retain(|(k, _)| *k != key);
        if self.items.len() >= self.cap {
            self.items.pop_front();
        }
        self.items.push_back((key, v));
    }
}

static INFOS: Mutex<Lru<Info>> = Mutex::new(Lru::new(32));
/// Results hold every region's indicators of one year: a few hundred kilobytes for the demo.
static RESULTS: Mutex<Lru<Computed>> = Mutex::new(Lru::new(64));
/// Results of bigger data sets (regions x industries) are not kept: each would hold tens of
/// megabytes or more.
const MAX_KEPT_CELLS: usize = 100_000;

fn cached<V>(cache: &Mutex<Lru<V>>, key: &str) -> Option<Arc<V>> {
    cache.lock().unwrap_or_else(|e| e.into_inner()).get(key)
}

fn keep<V>(cache: &Mutex<Lru<V>>, key: String, v: V) -> Arc<V> {
    let v = Arc::new(v);
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .put(key, v.clone());
    v
}

/// The regions and years of a data set.
pub async fn info(state: &AppState, src: &Source) -> Result<Arc<Info>, PageError> {
    if let Some(i) = cached(&INFOS, &src.fingerprint) {
        return Ok(i);
    }
    let (ds, _, cats) = load(state, None, &src.reference()).await?;
    let info = Info {
        regions: ds.regions.clone(),
        years: ds.years.clone(),
        has_categories: cats.is_some(),
    };
    Ok(keep(&INFOS, src.fingerprint.clone(), info))
}

/// The engine's analysis of `region` in `year` (both checked against [`info`] first).
pub async fn analysis(
    state: &AppState,
    src: &Source,
    region: &str,
    year: i32,
) -> Result<Arc<Computed>, PageError> {
    let key = format!("{}\u{1f}{region}\u{1f}{year}", src.fingerprint);
    if let Some(c) = cached(&RESULTS, &key) {
        return Ok(c);
    }
    let started = Instant::now();
    let (ds, _, cats) = load(state, None, &src.reference()).await?;
    let given = serde_json::json!({ "years": [year] });
    let params = params_for(&ds, region, Some(given), cats)?;
    let (ds, report) = compute(ds, params).await?;
    let region_index = ds.region_index(region).ok_or(PageError::NotFound)?;
    let took = started.elapsed();
    tracing::info!(dataset = %src.segment, region, year, ms = took.as_millis() as u64, "analysis computed");
    let c = Computed {
        report,
        region: region_index,
    };
    if ds.n_regions() * ds.n_industries() > MAX_KEPT_CELLS {
        return Ok(Arc::new(c));
    }
    Ok(keep(&RESULTS, key, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_goes_first() {
        let mut l = Lru::new(2);
        l.put("a".into(), Arc::new(1));
        l.put("b".into(), Arc::new(2));
        assert_eq!(l.get("a").as_deref(), Some(&1));
        l.put("c".into(), Arc::new(3));
        assert!(l.get("b").is_none());
        assert_eq!(l.get("a").as_deref(), Some(&1));
        assert_eq!(l.get("c").as_deref(), Some(&3));
        l.put("c".into(), Arc::new(4));
        assert_eq!(l.get("c").as_deref(), Some(&4));
        assert_eq!(l.items.len(), 2);
    }
}
