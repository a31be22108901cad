//! Search requests and their translation into tantivy queries.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::analysis::{self, terms};
use crate::doc::{day_number, nace_filter_term, region_filter_term};
use crate::schema::Fields;
use crate::{Entity, Lang, Result};

/// Upper bounds on paging, so a request cannot make the collector allocate without limit.
pub const MAX_LIMIT: usize = 200;
pub const MAX_OFFSET: usize = 10_000;
/// Weight of the query's own language against the other language fields.
const OWN_LANG_BOOST: f32 = 1.5;
/// Longest query text considered (bytes); the rest is ignored.
const MAX_QUERY_BYTES: usize = 1_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest `published` first.
    Newest,
    /// Nearest deadline first; entries without a deadline last.
    Deadline,
}

/// Filters combine with AND; the values inside one list combine with OR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Filters {
    pub entity: Option<Entity>,
    pub kinds: Vec<String>,
    /// NACE code prefixes at any level ("C", "25", "25.1", "25.11").
    pub nace: Vec<String>,
    /// Region prefixes at any level ("PL", "PL8", "PL84", "PL841").
    pub regions: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub countries: Vec<String>,
    pub clusters: Vec<i64>,
    /// Inclusive bounds; entries without a deadline never match a deadline bound.
    pub deadline_from: Option<NaiveDate>,
    pub deadline_to: Option<NaiveDate>,
    /// Original language of the entry.
    pub languages: Vec<Lang>,
    /// Clusters whose members-only entries the searcher may see (public entries always).
    pub audiences: Vec<i64>,
    /// Only entries published (or last updated) at or after this time.
    pub published_from: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Free text in any working language; empty = everything that passes the filters.
    pub text: String,
    /// The searcher's language: boosted in ranking and preferred for snippets.
    pub lang: Option<Lang>,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            lang: None,
            filters: Filters::default(),
            sort: Sort::Relevance,
            offset: 0,
            limit: 20,
        }
    }
}

impl SearchQuery {
    pub fn text(text: &str) -> Self {
        SearchQuery {
            text: text.to_string(),
            ..Default::default()
        }
    }
}

/// A text query and the languages it can match in.
pub(crate) type TextQuery = (Box<dyn Query>, Vec<Lang>);

/// The text part: every language's analyser is applied to the text and the terms are
/// matched in that language's field, all terms required within one language version
/// (so "obróbka CNC" needs both words in the Polish text, or both in the German one).
/// The language versions are alternatives. A language with a word absent from its field is
/// left out (it cannot match), which also spares snippet work there. Returns None when no
/// analyser kept any term, else the query and the languages that can match.
pub(crate) fn text_query(
    searcher: &Searcher,
    fields: &Fields,
    text: &str,
    lang: Option<Lang>,
) -> Result<Option<TextQuery>> {
    let text = truncate(text, MAX_QUERY_BYTES);
    let cleaned;
    let text = match lang {
        Some(l) => {
            cleaned = analysis::without_stop_words(l, text);
            cleaned.as_str()
        }
        None => text,
    };
    let mut per_lang: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut langs = Vec::new();
    let mut any_terms = false;
    for l in Lang::ALL {
        let mut ts = terms(&mut analysis::analyzer(l), text);
        ts.sort();
        ts.dedup();
        if ts.is_empty() {
            continue;
        }
        any_terms = true;
        let field = fields.text(l);
        let terms: Vec<Term> = ts.iter().map(|t| Term::from_field_text(field, t)).collect();
        let mut matchable = true;
        for t in &terms {
            if searcher.doc_freq(t)? == 0 {
                matchable = false;
                break;
            }
        }
        if !matchable {
            continue;
        }
        langs.push(l);
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                (Occur::Must, q)
            })
            .collect();
        let mut q: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        if Some(l) == lang {
            q = Box::new(BoostQuery::new(q, OWN_LANG_BOOST));
        }
        per_lang.push((Occur::Should, q));
    }
    if !any_terms {
        return Ok(None);
    }
    if per_lang.is_empty() {
        return Ok(Some((Box::new(EmptyQuery), langs)));
    }
    Ok(Some((Box::new(BooleanQuery::new(per_lang)), langs)))
}

pub(crate) fn filter_clauses(fields: &Fields, f: &Filters) -> Vec<Box<dyn Query>> {
    let mut out: Vec<Box<dyn Query>> = Vec::new();
    let mut any_of = |terms: Vec<Term>| {
        if terms.is_empty() {
            return;
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|t| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                (Occur::Should, q)
            })
            .collect();
        out.push(Box::new(BooleanQuery::new(clauses)));
    };
    if let Some(e) = f.entity {
        any_of(vec![Term::from_field_text(fields.entity, e.as_str())]);
    }
    any_of(strs(
        fields.kind,
        f.kinds.iter().map(|k| k.trim().to_string()),
    ));
    any_of(strs(
        fields.nace,
        f.nace.iter().map(|c| nace_filter_term(c)),
    ));
    any_of(strs(
        fields.region,
        f.regions.iter().map(|c| region_filter_term(c)),
    ));
    any_of(strs(
        fields.country,
        f.countries.iter().map(|c| c.trim().to_ascii_uppercase()),
    ));
    any_of(
        f.clusters
            .iter()
            .map(|c| Term::from_field_i64(fields.cluster, *c))
            .collect(),
    );
    any_of(strs(
        fields.orig_lang,
        f.languages.iter().map(|l| l.code().to_string()),
    ));
    any_of(
        std::iter::once(crate::index::PUBLIC)
            .chain(f.audiences.iter().copied())
            .map(|a| Term::from_field_i64(fields.audience, a))
            .collect(),
    );
    if f.deadline_from.is_some() || f.deadline_to.is_some() {
        let from = f.deadline_from.map_or(i64::MIN, day_number);
        let to = f.deadline_to.map_or(i64::MAX, day_number);
        let lower = Term::from_field_i64(fields.deadline, from);
        let upper = Term::from_field_i64(fields.deadline, to);
        out.push(Box::new(RangeQuery::new(
            std::ops::Bound::Included(lower),
            std::ops::Bound::Included(upper),
        )));
    }
    if let Some(t) = f.published_from {
        // `published` is a fast field: the range runs on its column
        out.push(Box::new(RangeQuery::new(
            std::ops::Bound::Included(Term::from_field_i64(fields.published, t.timestamp())),
            std::ops::Bound::Unbounded,
        )));
    }
    out
}

/// The query and, when there is text, the languages it can match in.
pub(crate) type Built = (Box<dyn Query>, Option<Vec<Lang>>);

/// The whole query: text (if any) AND every filter; with the languages the text can match
/// in (None when there is no text).
pub(crate) fn build(searcher: &Searcher, fields: &Fields, q: &SearchQuery) -> Result<Built> {
    let text = text_query(searcher, fields, &q.text, q.lang)?;
    let has_text = text.is_some();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut text_langs = None;
    if let Some((t, langs)) = text {
        clauses.push((Occur::Must, t));
        text_langs = Some(langs);
    }
    for f in filter_clauses(fields, &q.filters) {
        // Filters must not change the score.
        clauses.push((Occur::Must, Box::new(BoostQuery::new(f, 0.0))));
    }
    let query: Box<dyn Query> = match clauses.len() {
        0 => Box::new(AllQuery),
        _ if !has_text => {
            clauses.push((Occur::Must, Box::new(AllQuery)));
            Box::new(BooleanQuery::new(clauses))
        }
        _ => Box::new(BooleanQuery::new(clauses)),
    };
    Ok((query, text_langs))
}

fn strs(field: tantivy::schema::Field, values: impl Iterator<Item = String>) -> Vec<Term> {
    values
        .filter(|v| !v.is_empty())
        .map(|v| Term::from_field_text(field, &v))
        .collect()
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
