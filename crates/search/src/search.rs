//! Running a search: top hits in the requested order, total, facet counts, snippets.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

use crate::facets::{Counts, FacetCollector, Facets, into_facets};
use crate::query::{self, MAX_LIMIT, MAX_OFFSET, Sort};
use crate::{Entity, Lang, Result, SearchIndex, SearchQuery};

/// Longest snippet, in characters of the source text.
const SNIPPET_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub entity: Entity,
    pub id: i64,
    /// BM25 score (0 when sorted by date).
    pub score: f32,
    /// The language version the snippet comes from.
    pub lang: Lang,
    /// HTML-escaped text with matched words in `<mark>`; without a text query, the start
    /// of the text. Safe to insert into a page as is.
    pub snippet_html: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// All matching entries (not only this page).
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

impl SearchIndex {
    /// Runs `q`; a query already answered since the last commit is answered from memory.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        let searcher = self.reader().searcher();
        let generation = searcher.generation().generation_id();
        if let Some(r) = self.cache.results.get(generation, q) {
            return Ok(r);
        }
        let r = self.search_with(&searcher, generation, q)?;
        self.cache.results.put(generation, q, &r);
        Ok(r)
    }

    fn search_with(
        &self,
        searcher: &Searcher,
        generation: u64,
        q: &SearchQuery,
    ) -> Result<SearchResults> {
        let (query, text_langs) = query::build(searcher, &self.fields, q)?;
        let offset = q.offset.min(MAX_OFFSET);
        // TopDocs refuses a limit of 0; fetch one and drop it.
        let limit = q.limit.clamp(1, MAX_LIMIT);
        let top = TopDocs::with_limit(limit).and_offset(offset);
        // The total and facets are the same for every page and order of one query: counted
        // once per index generation, later pages only rank.
        let counts_key = SearchQuery {
            offset: 0,
            limit: 0,
            sort: Sort::Relevance,
            ..q.clone()
        };
        let known = self.cache.counts.get(generation, &counts_key);
        let counted_now = known.is_none();
        let facets = FacetCollector {
            entity_known: q.filters.entity.is_some(),
        };
        let by_field = match q.sort {
            Sort::Relevance => None,
            Sort::Newest => Some(("published", Order::Desc)),
            // Order::Asc puts entries without a deadline last.
            Sort::Deadline => Some(("deadline", Order::Asc)),
        };
        let (docs, counted): (Vec<(f32, DocAddress)>, Counted) = match by_field {
            // Two passes: the best hits alone, so tantivy can skip blocks that cannot enter
            // the top (block-max WAND), then the total and facets without scoring, where it
            // hands documents over in blocks. One pass scoring every match was slower.
            None => {
                let docs = searcher.search(&query, &top.order_by_score())?;
                let counted = match known {
                    Some(c) => c,
                    None => counted(searcher.search(&query, &(Count, facets))?, q),
                };
                (docs, counted)
            }
            // Without scoring, one pass does both.
            Some((field, order)) => {
                let c = top.order_by_fast_field::<i64>(field, order);
                match known {
                    Some(k) => (unscored(searcher.search(&query, &c)?), k),
                    None => {
                        let (d, n, f) = searcher.search(&query, &(c, Count, facets))?;
                        (unscored(d), counted((n, f), q))
                    }
                }
            }
        };
        if counted_now {
            self.cache.counts.put(generation, &counts_key, &counted);
        }
        let (total, facets) = counted;
        let mut snippets = Snippets::new(searcher, query.as_ref(), text_langs);
        let mut hits = Vec::with_capacity(docs.len());
        for (score, addr) in docs.into_iter().take(q.limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let Some(entity) = first_str(&doc, self.fields.entity).and_then(Entity::parse) else {
                continue;
            };
            let id = doc
                .get_first(self.fields.id)
                .and_then(|v| v.as_i64())
                .unwrap_or_default();
            let orig = first_str(&doc, self.fields.orig_lang)
                .and_then(Lang::parse)
                .unwrap_or(Lang::En);
            let (lang, snippet_html) = snippets.for_doc(self, &doc, q.lang, orig)?;
            hits.push(Hit {
                entity,
                id,
                score,
                lang,
                snippet_html,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }
}

/// A query's total and facet counts.
pub(crate) type Counted = (usize, Facets);

fn counted((total, counts): (usize, Counts), q: &SearchQuery) -> Counted {
    let mut facets = into_facets(counts);
    // Not counted when the query names the entity: every match is of it.
    if let Some(e) = q.filters.entity.filter(|_| total > 0) {
        facets.entity = vec![(e.as_str().to_string(), total as u64)];
    }
    (total, facets)
}

fn unscored(d: Vec<(Option<i64>, DocAddress)>) -> Vec<(f32, DocAddress)> {
    d.into_iter().map(|(_, a)| (0.0, a)).collect()
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// Snippet generators, made lazily per language field for one search.
struct Snippets<'a> {
    searcher: &'a Searcher,
    query: &'a dyn Query,
    /// Languages the text can match in; None without a text query.
    text_langs: Option<Vec<Lang>>,
    generators: HashMap<Lang, SnippetGenerator>,
}

impl<'a> Snippets<'a> {
    fn new(searcher: &'a Searcher, query: &'a dyn Query, text_langs: Option<Vec<Lang>>) -> Self {
        Snippets {
            searcher,
            query,
            text_langs,
            generators: HashMap::new(),
        }
    }

    /// The snippet in the asked language if that version matched, else the original
    /// language's, else any matching version; without a match, the start of the asked (or
    /// original) version.
    fn for_doc(
        &mut self,
        index: &SearchIndex,
        doc: &TantivyDocument,
        asked: Option<Lang>,
        orig: Lang,
    ) -> Result<(Lang, String)> {
        let mut present: Vec<Lang> = Vec::with_capacity(Lang::ALL.len());
        for l in asked.into_iter().chain([orig]).chain(Lang::ALL) {
            if !present.contains(&l) && doc.get_first(index.fields.text(l)).is_some() {
                present.push(l);
            }
        }
        if let Some(langs) = &self.text_langs {
            let candidates: Vec<Lang> = present
                .iter()
                .copied()
                .filter(|l| langs.contains(l))
                .collect();
            for l in &candidates {
                let mut s = self.generator(index, *l)?.snippet_from_doc(doc);
                if !s.is_empty() {
                    s.set_snippet_prefix_postfix("<mark>", "</mark>");
                    return Ok((*l, s.to_html()));
                }
            }
        }
        let Some(l) = present.first().copied() else {
            return Ok((asked.unwrap_or(orig), String::new()));
        };
        let text = first_str(doc, index.fields.text(l)).unwrap_or_default();
        Ok((l, escape(&leading(text, SNIPPET_CHARS))))
    }

    fn generator(&mut self, index: &SearchIndex, l: Lang) -> Result<&SnippetGenerator> {
        if !self.generators.contains_key(&l) {
            let mut g = SnippetGenerator::create(self.searcher, self.query, index.fields.text(l))?;
            g.set_max_num_chars(SNIPPET_CHARS);
            self.generators.insert(l, g);
        }
        Ok(&self.generators[&l])
    }
}

/// The first `max` characters, cut at the last word boundary, with an ellipsis.
fn leading(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => {
            let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}
