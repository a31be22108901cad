//! `/offers/{id}/matches`: candidate partners for an offer, ranked with their reasons —
//! organisations whose activities, place, certifications and own offers fit, and offers of the
//! mirroring kind (free capacity for an order handover...). Text relevance comes from the
//! search index, which holds every language version, so a German capacity offer meets a
//! Polish order.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use klaster_domain::matching::{self, Match, OfferFacts, OrgFacts, Weights};
use klaster_domain::offer::{Offer, Visibility};
use klaster_refdata::nace::{NaceLevel, at_level};
use klaster_search::{Entity, Filters, Lang, SearchQuery};
use klaster_store::{matching as candidates, offers, organisations as orgs};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::member_of;
use super::offers::acts_for_owner;
use crate::AppState;
use crate::extract::Principal;
use crate::problem::{ApiError, ApiResult, Problem};

/// Candidates looked at per NACE division (the ranking then keeps the best).
const CANDIDATES_PER_CODE: i64 = 300;
/// Hits taken from the search index for text relevance.
const TEXT_HITS: usize = 50;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchParams {
    /// How many of each list (default 20, at most 100).
    pub limit: Option<usize>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatchesOut {
    /// Organisations, best first; `id` is the organisation's.
    pub organisations: Vec<Match>,
    /// Offers of the mirroring kinds, best first; `id` is the offer's.
    pub offers: Vec<Match>,
    /// The weights used (score parts are out of 100).
    pub weights: Weights,
}

/// The divisions of an offer's NACE codes: the breadth at which candidates are gathered.
fn divisions(nace: &[String]) -> Vec<String> {
    let mut d: Vec<String> = nace
        .iter()
        .filter_map(|c| at_level(c, NaceLevel::Division).map(|n| n.code.to_string()))
        .collect();
    d.sort();
    d.dedup();
    d
}

/// Search relevance of entities to the offer's text, scaled so the best hit is 1.
fn relevance(state: &AppState, offer: &Offer, filters: Filters) -> HashMap<i64, f64> {
    let Some(index) = state.index() else {
        return HashMap::new();
    };
    let text = std::iter::once(offer.title.as_str())
        .chain(offer.keywords.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let q = SearchQuery {
        text,
        lang: Lang::parse(&offer.lang),
        filters,
        limit: TEXT_HITS,
        ..SearchQuery::default()
    };
    let hits = match index.search(&q) {
        Ok(r) => r.hits,
        Err(e) => {
            tracing::warn!(error = %e, "matchmaking: text search failed; ranking without it");
            return HashMap::new();
        }
    };
    let top = hits.iter().map(|h| h.score).fold(0.0f32, f32::max);
    hits.into_iter()
        .filter(|_| top > 0.0)
        .map(|h| (h.id, f64::from(h.score / top)))
        .collect()
}

/// Published offers of the mirroring kinds that the owner may see.
async fn offer_candidates(
    state: &AppState,
    offer: &Offer,
    codes: &[String],
    text: &HashMap<i64, f64>,
) -> ApiResult<Vec<OfferFacts>> {
    let kinds = offer.kind.mirrors();
    let mut ids =
        candidates::published_offers_under(state.db(), kinds, codes, CANDIDATES_PER_CODE).await?;
    ids.extend(text.keys().copied());
    ids.sort_unstable();
    ids.dedup();
    let owner_clusters = member_of(state, offer.organisation_id).await?;
    let mut out = Vec::new();
    for id in ids {
        let Ok(r) = offers::get(state.db(), id).await else {
            continue;
        };
        let visible = match r.offer.visibility {
            Visibility::Public => true,
            Visibility::Cluster { cluster_id } => owner_clusters.contains(&cluster_id),
        };
        if visible && r.status == klaster_domain::offer::OfferStatus::Published {
            out.push(OfferFacts {
                offer_id: id,
                text: text.get(&id).copied().unwrap_or(0.0),
                offer: r.offer,
            });
        }
    }
    Ok(out)
}

async fn org_candidates(
    state: &AppState,
    codes: &[String],
    text: &HashMap<i64, f64>,
    mirror: &[OfferFacts],
) -> ApiResult<Vec<OrgFacts>> {
    let mut ids = candidates::organisations_under(state.db(), codes, CANDIDATES_PER_CODE).await?;
    ids.extend(text.keys().copied());
    ids.extend(mirror.iter().map(|o| o.offer.organisation_id));
    ids.sort_unstable();
    ids.dedup();
    let mut out = Vec::with_capacity(ids.len());
    for rec in orgs::get_many(state.db(), &ids).await? {
        let (id, o) = (rec.id, rec.org);
        out.push(OrgFacts {
            organisation_id: id,
            name: o.primary_name().to_string(),
            nace: o.nace_main.iter().chain(&o.nace_other).cloned().collect(),
            country: o.country.clone(),
            region: o.region.clone(),
            certifications: o.certifications.clone(),
            export_markets: o.export_markets.clone(),
            mirror_offers: mirror
                .iter()
                .filter(|m| m.offer.organisation_id == id)
                .map(|m| (m.offer_id, m.offer.kind, m.offer.nace.clone()))
                .collect(),
            text: text.get(&id).copied().unwrap_or(0.0),
        });
    }
    Ok(out)
}

/// Candidate partners for an offer, with reasons (for those who act for its owner).
#[utoipa::path(get, path = "/offers/{id}/matches", tag = "portal", params(("id" = i64, Path), MatchParams),
    security(("token" = [])),
    responses((status = 200, body = MatchesOut), (status = 404, body = Problem)))]
pub async fn matches(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    Query(p): Query<MatchParams>,
) -> ApiResult<Json<MatchesOut>> {
    Ok(Json(find(&state, &principal, id, p.limit).await?))
}

/// Ranked partners for offer `id`, for those who act for its owner (others: not found).
pub(crate) async fn find(
    state: &AppState,
    principal: &Principal,
    id: i64,
    limit: Option<usize>,
) -> ApiResult<MatchesOut> {
    let rec = offers::get(state.db(), id).await?;
    if !principal.rights.is_admin()
        && !acts_for_owner(state, principal, rec.offer.organisation_id).await?
    {
        return Err(ApiError::not_found());
    }
    let limit = limit.unwrap_or(20).clamp(1, 100);
    let offer = &rec.offer;
    let codes = divisions(&offer.nace);
    // members-only offers of the owner's clusters are candidates too
    let clusters = member_of(state, offer.organisation_id).await?;
    let offer_text = relevance(
        state,
        offer,
        Filters {
            entity: Some(Entity::Offer),
            kinds: offer
                .kind
                .mirrors()
                .iter()
                .map(|k| k.as_str().to_string())
                .collect(),
            audiences: clusters.clone(),
            ..Filters::default()
        },
    );
    let org_text = relevance(
        state,
        offer,
        Filters {
            entity: Some(Entity::Organisation),
            ..Filters::default()
        },
    );
    let mirror = offer_candidates(state, offer, &codes, &offer_text).await?;
    let orgs = org_candidates(state, &codes, &org_text, &mirror).await?;
    let weights = Weights::default();
    let mut organisations = matching::rank_organisations(offer, &orgs, &weights);
    organisations.truncate(limit);
    let mut offers = matching::rank_offers(offer, &mirror, &weights);
    offers.truncate(limit);
    Ok(MatchesOut {
        organisations,
        offers,
        weights,
    })
}
