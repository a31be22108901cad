//! What the index is fed: one document per searchable entity, holding every language version.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::Lang;

/// The kind of searchable entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Offer,
    Organisation,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Offer => "offer",
            Entity::Organisation => "organisation",
        }
    }

    /// Accepts the change log's entity names ("offer", "organisation"/"organization").
    pub fn parse(s: &str) -> Option<Entity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "offer" | "offers" => Some(Entity::Offer),
            "organisation" | "organization" | "organisations" | "organizations" | "org" => {
                Some(Entity::Organisation)
            }
            _ => None,
        }
    }
}

/// One language version of an entity's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LangText {
    pub lang: Lang,
    /// Offer title, or organisation name.
    pub title: String,
    /// Offer body, or organisation description and capabilities.
    pub body: String,
}

/// A document to index. Codes are indexed with their ancestors, so a filter on a NACE or
/// region prefix is a single term lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexDoc {
    pub entity: Entity,
    pub id: i64,
    /// Sub-kind, e.g. the offer type ("cooperation", "supply", "demand") or organisation type.
    pub kind: Option<String>,
    pub original_lang: Lang,
    /// One entry per language version; a later entry for the same language wins.
    pub texts: Vec<LangText>,
    /// NACE Rev. 2 codes (any level); ancestors are added at indexing.
    pub nace: Vec<String>,
    /// NUTS / ISO 3166-2 region codes; ancestors are added at indexing.
    pub regions: Vec<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub clusters: Vec<i64>,
    /// None: everyone may see it; Some(cluster): only that cluster's members.
    pub audience: Option<i64>,
    pub deadline: Option<NaiveDate>,
    /// Publication (or last update) time, for "newest first".
    pub published: DateTime<Utc>,
}

impl IndexDoc {
    /// A document with no text and no facets; fill in the rest with struct update syntax.
    pub fn new(entity: Entity, id: i64, original_lang: Lang, published: DateTime<Utc>) -> Self {
        IndexDoc {
            entity,
            id,
            kind: None,
            original_lang,
            texts: Vec::new(),
            nace: Vec::new(),
            regions: Vec::new(),
            country: None,
            clusters: Vec::new(),
            audience: None,
            deadline: None,
            published,
        }
    }

    /// Adds (or replaces) one language version.
    pub fn with_text(mut self, lang: Lang, title: &str, body: &str) -> Self {
        self.texts.retain(|t| t.lang != lang);
        self.texts.push(LangText {
            lang,
            title: title.to_string(),
            body: body.to_string(),
        });
        self
    }
}

/// NACE code plus ancestors, canonical spelling; an unknown code is kept as written
/// (uppercased) so it can still be filtered on exactly.
pub(crate) fn nace_terms(code: &str) -> Vec<String> {
    let chain = klaster_refdata::nace::ancestors(code);
    if chain.is_empty() {
        return vec![code.trim().to_ascii_uppercase()];
    }
    chain.iter().map(|c| c.code.to_string()).collect()
}

pub(crate) fn nace_filter_term(prefix: &str) -> String {
    klaster_refdata::nace::normalize(prefix)
        .map(str::to_string)
        .unwrap_or_else(|| prefix.trim().to_ascii_uppercase())
}

pub(crate) fn region_terms(code: &str) -> Vec<String> {
    match klaster_refdata::regions::get(code) {
        Some(r) => std::iter::successors(Some(r), |r| r.parent_region())
            .map(|r| r.code.to_string())
            .collect(),
        None => vec![code.trim().to_ascii_uppercase()],
    }
}

pub(crate) fn region_filter_term(prefix: &str) -> String {
    klaster_refdata::regions::get(prefix)
        .map(|r| r.code.to_string())
        .unwrap_or_else(|| prefix.trim().to_ascii_uppercase())
}

pub(crate) fn day_number(d: NaiveDate) -> i64 {
    d.signed_duration_since(NaiveDate::default()).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_expand_to_ancestors() {
        let n = nace_terms("25.11");
        assert!(n.contains(&"25.11".to_string()) && n.contains(&"25".to_string()));
        assert!(n.contains(&"C".to_string()), "{n:?}");
        assert_eq!(nace_terms("zz"), vec!["ZZ".to_string()]);
        let r = region_terms("PL841");
        assert!(
            r.contains(&"PL8".to_string()) && r.contains(&"PL".to_string()),
            "{r:?}"
        );
        assert_eq!(region_filter_term("pl84"), "PL84");
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(Entity::parse("Organization"), Some(Entity::Organisation));
    }
}
