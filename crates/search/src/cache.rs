//! Work reused until the index changes. The same searches come again and again between two
//! commits (the offer list without words, newest first; a popular word; the first pages of
//! each), and each counts facets over every match: with a million offers that is most of a
//! request's time. Two caches: whole answers by the whole query (words, filters, order, page,
//! language), and totals with facet counts by the query without page and order, so the next
//! page of a search only ranks. Both are emptied when the reader moves to a new generation
//! (after a commit): nothing served is older than what a fresh search would return.

use std::hash::Hash;
use std::num::NonZeroUsize;
use std::sync::Mutex;

use lru::LruCache;

use crate::search::Counted;
use crate::{SearchQuery, SearchResults};

/// Results kept (a page of 20 hits with snippets and the facet counts: a few kB each), and
/// totals with facet counts kept (a few hundred bytes each).
const RESULTS: usize = 512;
const COUNTS: usize = 2048;

pub(crate) struct Caches {
    /// Whole answers, by the whole query.
    pub(crate) results: GenerationCache<SearchQuery, SearchResults>,
    /// Total and facets, by the query without page and order.
    pub(crate) counts: GenerationCache<SearchQuery, Counted>,
}

impl Caches {
    pub(crate) fn new() -> Self {
        Caches {
            results: GenerationCache::new(RESULTS),
            counts: GenerationCache::new(COUNTS),
        }
    }
}

/// An LRU map whose entries hold for one searcher generation.
pub(crate) struct GenerationCache<K: Hash + Eq, V> {
    inner: Mutex<Inner<K, V>>,
}

struct Inner<K: Hash + Eq, V> {
    /// The searcher generation the entries were computed on.
    generation: u64,
    entries: LruCache<K, V>,
}

impl<K: Hash + Eq + Clone, V: Clone> GenerationCache<K, V> {
    fn new(entries: usize) -> Self {
        GenerationCache {
            inner: Mutex::new(Inner {
                generation: 0,
                entries: LruCache::new(NonZeroUsize::new(entries).unwrap_or(NonZeroUsize::MIN)),
            }),
        }
    }

    pub(crate) fn get(&self, generation: u64, key: &K) -> Option<V> {
        // A poisoned lock only means another search panicked mid-update: skip the cache.
        let mut c = self.inner.lock().ok()?;
        if c.generation != generation {
            return None;
        }
        c.entries.get(key).cloned()
    }

    pub(crate) fn put(&self, generation: u64, key: &K, value: &V) {
        let Ok(mut c) = self.inner.lock() else {
            return;
        };
        // Results of an older searcher must not land in a newer generation's cache; a newer
        // one starts the cache afresh.
        if generation < c.generation {
            return;
        }
        if generation > c.generation {
            c.entries.clear();
            c.generation = generation;
        }
        c.entries.put(key.clone(), value.clone());
    }
}
