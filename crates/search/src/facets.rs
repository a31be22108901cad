//! Facet counts over string fast fields: per segment, count term ordinals in a dense vector,
//! then resolve ordinals to strings once at the end (cheap even for millions of matches).

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Fast fields counted for every search.
pub(crate) const FACET_FIELDS: [&str; 4] = ["entity", "kind", "country", "orig_lang"];

/// Value -> number of matching entries, per facet, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub entity: Vec<(String, u64)>,
    pub kind: Vec<(String, u64)>,
    pub country: Vec<(String, u64)>,
    /// By original language.
    pub language: Vec<(String, u64)>,
}

pub(crate) struct FacetCollector {
    /// The query names the entity: its facet is the total, not worth counting.
    pub(crate) entity_known: bool,
}

pub(crate) struct SegmentFacets {
    /// Per facet field: its term ordinals per document, their counts, and the dictionary to
    /// name them at the end. None when no document of the segment has the field.
    columns: Vec<Option<FacetColumn>>,
    /// Ordinals of one block of documents (reused).
    block: Vec<Option<u64>>,
}

struct FacetColumn {
    ords: Column<u64>,
    counts: Vec<u64>,
    names: StrColumn,
}

pub(crate) type Counts = Vec<HashMap<String, u64>>;

impl Collector for FacetCollector {
    type Fruit = Counts;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let mut columns = Vec::new();
        for f in FACET_FIELDS {
            if f == "entity" && self.entity_known {
                columns.push(None);
                continue;
            }
            let col = reader.fast_fields().str(f)?;
            columns.push(col.map(|names| FacetColumn {
                ords: names.ords().clone(),
                counts: vec![0u64; names.num_terms()],
                names,
            }));
        }
        Ok(SegmentFacets {
            columns,
            block: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out: Counts = vec![HashMap::new(); FACET_FIELDS.len()];
        for fruit in fruits {
            for (acc, seg) in out.iter_mut().zip(fruit) {
                for (k, v) in seg {
                    *acc.entry(k).or_default() += v;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Counts;

    // Every facet field holds one value per document (or none), so the first value is the value.
    fn collect(&mut self, doc: DocId, _score: Score) {
        for c in self.columns.iter_mut().flatten() {
            if let Some(ord) = c.ords.first(doc)
                && let Some(n) = c.counts.get_mut(ord as usize)
            {
                *n += 1;
            }
        }
    }

    /// Without scoring, tantivy hands over blocks of documents: one batched column read per
    /// field and block instead of one lookup per document and field.
    fn collect_block(&mut self, docs: &[DocId]) {
        let block = &mut self.block;
        block.resize(docs.len(), None);
        for c in self.columns.iter_mut().flatten() {
            block.fill(None);
            c.ords.first_vals(docs, block);
            for ord in block.iter().flatten() {
                if let Some(n) = c.counts.get_mut(*ord as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counts {
        self.columns
            .into_iter()
            .map(|c| {
                let mut m = HashMap::new();
                if let Some(c) = c {
                    let mut s = String::new();
                    for (ord, n) in c.counts.into_iter().enumerate() {
                        if n > 0 && c.names.ord_to_str(ord as u64, &mut s).unwrap_or(false) {
                            m.insert(s.clone(), n);
                        }
                    }
                }
                m
            })
            .collect()
    }
}

pub(crate) fn into_facets(mut counts: Counts) -> Facets {
    let mut take = |i: usize| {
        let mut v: Vec<(String, u64)> = counts
            .get_mut(i)
            .map(std::mem::take)
            .unwrap_or_default()
            .into_iter()
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    Facets {
        entity: take(0),
        kind: take(1),
        country: take(2),
        language: take(3),
    }
}
