//! The search index's view of the database: the change log and the indexable form of offers
//! and organisations. Only what everyone may see is indexed (published public offers, the
//! public directory); cluster-only offers stay out of search until it can filter by audience.

use klaster_domain::Organisation;
use klaster_domain::offer::{OfferStatus, Visibility};
use klaster_search::{Change, ChangeOp, ChangeSource, Entity, IndexDoc, Lang};
use klaster_store::{Db, StoreError, changelog, offers, organisations as orgs};

pub struct StoreSource {
    pub db: Db,
}

fn lang(code: &str) -> Option<Lang> {
    Lang::parse(code)
}

fn not_found_is_none<T>(r: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

impl ChangeSource for StoreSource {
    type Error = StoreError;

    async fn changes_since(&self, after: i64, limit: usize) -> Result<Vec<Change>, StoreError> {
        let rows =
            changelog::since(&self.db, after, i64::try_from(limit).unwrap_or(i64::MAX)).await?;
        Ok(rows
            .into_iter()
            .map(|c| Change {
                seq: c.seq,
                entity: c.entity,
                entity_id: c.entity_id,
                op: ChangeOp::parse(&c.op),
            })
            .collect())
    }

    async fn load(&self, entity: Entity, id: i64) -> Result<Option<IndexDoc>, StoreError> {
        match entity {
            Entity::Offer => {
                let Some(rec) = not_found_is_none(offers::get(&self.db, id).await)? else {
                    return Ok(None);
                };
                if rec.status != OfferStatus::Published {
                    return Ok(None);
                }
                let Some(original) = lang(&rec.offer.lang) else {
                    return Ok(None);
                };
                let mut doc = IndexDoc::new(
                    Entity::Offer,
                    id,
                    original,
                    rec.published_at.unwrap_or(rec.updated_at),
                );
                for t in offers::texts(&self.db, id).await? {
                    if t.status == "untranslated" {
                        continue;
                    }
                    if let Some(l) = lang(&t.lang) {
                        doc = doc.with_text(l, &t.title, &t.description);
                    }
                }
                doc.kind = Some(rec.offer.kind.as_str().to_string());
                doc.nace = rec.offer.nace.clone();
                doc.regions = rec
                    .offer
                    .region
                    .iter()
                    .cloned()
                    .chain(std::iter::once(rec.offer.country.clone()))
                    .collect();
                doc.country = Some(rec.offer.country.clone());
                doc.deadline = rec.offer.expires_on;
                doc.audience = match rec.offer.visibility {
                    Visibility::Public => None,
                    Visibility::Cluster { cluster_id } => Some(cluster_id),
                };
                Ok(Some(doc))
            }
            Entity::Organisation => {
                let Some(rec) = not_found_is_none(orgs::get(&self.db, id).await)? else {
                    return Ok(None);
                };
                Ok(organisation_doc(id, &rec.org, rec.updated_at))
            }
        }
    }
}

/// An organisation: its name, and per language its description with capabilities and keywords.
fn organisation_doc(
    id: i64,
    org: &Organisation,
    updated: chrono::DateTime<chrono::Utc>,
) -> Option<IndexDoc> {
    let first = org.names.first()?;
    let original = lang(&first.lang)
        .or_else(|| org.description.first().and_then(|d| lang(&d.lang)))
        .unwrap_or(Lang::En);
    let extras = org
        .capabilities
        .iter()
        .chain(&org.keywords)
        .chain(&org.certifications)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let mut doc = IndexDoc::new(Entity::Organisation, id, original, updated);
    let name_in = |l: &str| {
        org.names
            .iter()
            .find(|n| n.lang == l)
            .unwrap_or(first)
            .text
            .clone()
    };
    if org.description.is_empty() {
        doc = doc.with_text(original, &first.text, &extras);
    }
    for d in &org.description {
        if let Some(l) = lang(&d.lang) {
            doc = doc.with_text(l, &name_in(&d.lang), &format!("{}\n{extras}", d.text));
        }
    }
    doc.kind = Some(org.kind.as_str().to_string());
    doc.nace = org
        .nace_main
        .iter()
        .chain(&org.nace_other)
        .cloned()
        .collect();
    doc.regions = org
        .region
        .iter()
        .cloned()
        .chain(std::iter::once(org.country.clone()))
        .collect();
    doc.country = Some(org.country.clone());
    Some(doc)
}
