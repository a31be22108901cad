//! Matchmaking: which organisations and which offers fit a published offer, and why.
//!
//! Pure scoring over facts the caller gathers (codes, regions, certifications, the kinds of
//! offers a firm has published, a text relevance from the search index). Every point of the
//! score comes with a [`Reason`], so a coordinator can see why a partner was suggested.

use serde::{Deserialize, Serialize};

use crate::offer::{Offer, OfferDetails, OfferKind};

/// How much each kind of evidence counts; the parts are normalised to sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Weights {
    pub nace: f64,
    pub place: f64,
    pub certifications: f64,
    pub mirror_offers: f64,
    pub text: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            nace: 0.35,
            place: 0.15,
            certifications: 0.15,
            mirror_offers: 0.2,
            text: 0.15,
        }
    }
}

/// What is known about a candidate organisation.
#[derive(Debug, Clone, Default)]
pub struct OrgFacts {
    pub organisation_id: i64,
    pub name: String,
    /// Main and other NACE codes.
    pub nace: Vec<String>,
    pub country: String,
    pub region: Option<String>,
    pub certifications: Vec<String>,
    pub export_markets: Vec<String>,
    /// Published offers of the kinds that answer this one: (offer id, kind, NACE codes).
    pub mirror_offers: Vec<(i64, OfferKind, Vec<String>)>,
    /// Relevance of the organisation's profile text to the offer, 0..=1 (from the search index).
    pub text: f64,
}

/// What is known about a candidate offer (of a mirroring kind).
#[derive(Debug, Clone)]
pub struct OfferFacts {
    pub offer_id: i64,
    pub offer: Offer,
    /// Relevance of its text to the offer, 0..=1 (across languages, from the search index).
    pub text: f64,
}

/// One piece of evidence for a match, with its contribution to the score (0..=100 in all).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The closest pair of NACE codes and the level they share (class, group, division,
    /// section).
    Nace {
        wanted: String,
        theirs: String,
        level: String,
        points: f64,
    },
    SameRegion {
        region: String,
        points: f64,
    },
    SameCountry {
        country: String,
        points: f64,
    },
    /// The candidate exports to, or is in, a country the offer targets or delivers to.
    TargetCountry {
        country: String,
        points: f64,
    },
    Certifications {
        held: Vec<String>,
        missing: Vec<String>,
        points: f64,
    },
    /// The candidate has published offers of the mirroring kind.
    MirrorOffers {
        offer_ids: Vec<i64>,
        kind: OfferKind,
        points: f64,
    },
    /// The texts speak of the same things (search relevance across languages).
    Text {
        relevance: f64,
        points: f64,
    },
    /// Time windows fit: free capacity available before the order's deadline, and so on.
    Dates {
        points: f64,
    },
}

impl Reason {
    pub fn points(&self) -> f64 {
        match self {
            Reason::Nace { points, .. }
            | Reason::SameRegion { points, .. }
            | Reason::SameCountry { points, .. }
            | Reason::TargetCountry { points, .. }
            | Reason::Certifications { points, .. }
            | Reason::MirrorOffers { points, .. }
            | Reason::Text { points, .. }
            | Reason::Dates { points, .. } => *points,
        }
    }
}

/// A ranked candidate: `id` is an organisation or an offer, depending on the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    pub id: i64,
    pub name: String,
    /// 0..=100, the sum of the reasons' points.
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// How close two NACE codes are: 1 for the same class (or a code and one below it), less for
/// a shared group, division or section; `None` when they share nothing or are not NACE codes.
pub fn nace_closeness(a: &str, b: &str) -> Option<(f64, &'static str)> {
    use klaster_refdata::nace::{NaceLevel, ancestors};
    let (xa, xb) = (ancestors(a), ancestors(b));
    let (ca, cb) = (xa.first()?, xb.first()?);
    // the finest level both codes share (a code counts as sharing its own level with itself)
    let shared = xa
        .iter()
        .find(|x| xb.iter().any(|y| y.code == x.code))?
        .level;
    let name = match shared {
        NaceLevel::Class => "class",
        NaceLevel::Group => "group",
        NaceLevel::Division => "division",
        NaceLevel::Section => "section",
    };
    let score = match shared {
        l if l == ca.level.min(cb.level) => 1.0,
        NaceLevel::Group => 0.75,
        NaceLevel::Division => 0.5,
        _ => 0.2,
    };
    Some((score, name))
}

fn best_nace(wanted: &[String], theirs: &[String]) -> Option<(f64, String, String, &'static str)> {
    let mut best: Option<(f64, String, String, &'static str)> = None;
    for w in wanted {
        for t in theirs {
            if let Some((s, level)) = nace_closeness(w, t)
                && best.as_ref().is_none_or(|b| s > b.0)
            {
                best = Some((s, w.clone(), t.clone(), level));
            }
        }
    }
    best
}

/// Certification names compared loosely: "ISO 9001:2015" holds "iso9001".
fn cert_key(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn holds(held: &[String], wanted: &str) -> bool {
    let w = cert_key(wanted);
    !w.is_empty()
        && held.iter().any(|h| {
            let h = cert_key(h);
            h.starts_with(&w) || w.starts_with(&h) && !h.is_empty()
        })
}

fn required_certifications(o: &Offer) -> &[String] {
    match &o.details {
        OfferDetails::OrderHandover {
            required_certifications,
            ..
        } => required_certifications,
        _ => &[],
    }
}

/// Countries the offer is aimed at besides its own.
fn target_countries(o: &Offer) -> Vec<String> {
    match &o.details {
        OfferDetails::BusinessOffer {
            target_countries, ..
        }
        | OfferDetails::BusinessRequest {
            target_countries, ..
        } => target_countries.clone(),
        OfferDetails::OrderHandover {
            delivery_country: Some(c),
            ..
        } => vec![c.clone()],
        _ => Vec::new(),
    }
}

/// Scores the shared evidence of place: same region, same country, or a target country.
fn place(
    offer: &Offer,
    country: &str,
    region: Option<&str>,
    extra: &[String],
    w: f64,
) -> Option<Reason> {
    let points = 100.0 * w;
    if let (Some(a), Some(b)) = (offer.region.as_deref(), region)
        && (a.starts_with(b) || b.starts_with(a))
    {
        return Some(Reason::SameRegion {
            region: b.to_string(),
            points,
        });
    }
    if offer.country == country {
        return Some(Reason::SameCountry {
            country: country.to_string(),
            points: points * 0.6,
        });
    }
    let targets = target_countries(offer);
    targets
        .iter()
        .find(|t| *t == country || extra.contains(t))
        .map(|t| Reason::TargetCountry {
            country: t.clone(),
            points: points * 0.6,
        })
}

fn text_reason(relevance: f64, w: f64) -> Option<Reason> {
    let r = relevance.clamp(0.0, 1.0);
    (r > 0.0).then_some(Reason::Text {
        relevance: r,
        points: 100.0 * w * r,
    })
}

fn nace_reason(wanted: &[String], theirs: &[String], w: f64) -> Option<Reason> {
    best_nace(wanted, theirs).map(|(s, wanted, theirs, level)| Reason::Nace {
        wanted,
        theirs,
        level: level.to_string(),
        points: 100.0 * w * s,
    })
}

fn total(reasons: &[Reason]) -> f64 {
    let s: f64 = reasons.iter().map(Reason::points).sum();
    (s * 100.0).round() / 100.0
}

fn normalised(w: &Weights) -> Weights {
    let sum = w.nace + w.place + w.certifications + w.mirror_offers + w.text;
    if sum.is_nan() || sum <= 0.0 {
        return Weights::default();
    }
    Weights {
        nace: w.nace.max(0.0) / sum,
        place: w.place.max(0.0) / sum,
        certifications: w.certifications.max(0.0) / sum,
        mirror_offers: w.mirror_offers.max(0.0) / sum,
        text: w.text.max(0.0) / sum,
    }
}

/// Ranks organisations for an offer, best first; candidates with no evidence at all (or the
/// owner itself) are left out.
pub fn rank_organisations(offer: &Offer, candidates: &[OrgFacts], weights: &Weights) -> Vec<Match> {
    let w = normalised(weights);
    let required = required_certifications(offer);
    let mut out: Vec<Match> = candidates
        .iter()
        .filter(|c| c.organisation_id != offer.organisation_id)
        .filter_map(|c| {
            let mut reasons = Vec::new();
            reasons.extend(nace_reason(&offer.nace, &c.nace, w.nace));
            reasons.extend(place(
                offer,
                &c.country,
                c.region.as_deref(),
                &c.export_markets,
                w.place,
            ));
            if !required.is_empty() {
                let (held, missing): (Vec<String>, Vec<String>) = required
                    .iter()
                    .cloned()
                    .partition(|r| holds(&c.certifications, r));
                if !held.is_empty() {
                    let share = held.len() as f64 / required.len() as f64;
                    reasons.push(Reason::Certifications {
                        held,
                        missing,
                        points: 100.0 * w.certifications * share,
                    });
                }
            }
            if let Some((_, kind, _)) = c.mirror_offers.first() {
                let fitting: Vec<i64> = c
                    .mirror_offers
                    .iter()
                    .filter(|(_, _, nace)| best_nace(&offer.nace, nace).is_some())
                    .map(|(id, _, _)| *id)
                    .collect();
                if !fitting.is_empty() {
                    reasons.push(Reason::MirrorOffers {
                        offer_ids: fitting,
                        kind: *kind,
                        points: 100.0 * w.mirror_offers,
                    });
                }
            }
            reasons.extend(text_reason(c.text, w.text));
            // place alone (a firm next door in another branch) is no match
            let substantive = reasons
                .iter()
                .any(|r| !matches!(r, Reason::SameRegion { .. } | Reason::SameCountry { .. }));
            substantive.then(|| Match {
                id: c.organisation_id,
                name: c.name.clone(),
                score: total(&reasons),
                reasons,
            })
        })
        .collect();
    sort(&mut out);
    out
}

/// Whether the candidate's time window fits the offer's: free capacity from before an order's
/// deadline, an order due while capacity is free.
fn dates_fit(a: &OfferDetails, b: &OfferDetails) -> bool {
    match (a, b) {
        (OfferDetails::OrderHandover { deadline, .. }, OfferDetails::FreeCapacity(c))
        | (OfferDetails::FreeCapacity(c), OfferDetails::OrderHandover { deadline, .. }) => {
            c.available_from <= *deadline
        }
        (OfferDetails::JointTradeFair(x), OfferDetails::JointTradeFair(y)) => {
            x.starts_on <= y.ends_on && y.starts_on <= x.ends_on
        }
        _ => false,
    }
}

/// Ranks offers of the mirroring kinds (free capacity for an order handover, a technology
/// offer for a technology request, ...), best first. Offers of other kinds and the owner's
/// own offers are left out.
pub fn rank_offers(offer: &Offer, candidates: &[OfferFacts], weights: &Weights) -> Vec<Match> {
    let w = normalised(weights);
    let mirrors = offer.kind.mirrors();
    let mut out: Vec<Match> = candidates
        .iter()
        .filter(|c| {
            mirrors.contains(&c.offer.kind) && c.offer.organisation_id != offer.organisation_id
        })
        .filter_map(|c| {
            let mut reasons = Vec::new();
            reasons.extend(nace_reason(
                &offer.nace,
                &c.offer.nace,
                w.nace + w.certifications,
            ));
            reasons.extend(place(
                offer,
                &c.offer.country,
                c.offer.region.as_deref(),
                &[],
                w.place,
            ));
            if dates_fit(&offer.details, &c.offer.details) {
                reasons.push(Reason::Dates {
                    points: 100.0 * w.mirror_offers,
                });
            }
            reasons.extend(text_reason(c.text, w.text));
            let substantive = reasons
                .iter()
                .any(|r| matches!(r, Reason::Nace { .. } | Reason::Text { .. }));
            substantive.then(|| Match {
                id: c.offer_id,
                name: c.offer.title.clone(),
                score: total(&reasons),
                reasons,
            })
        })
        .collect();
    sort(&mut out);
    out
}

fn sort(m: &mut [Match]) {
    m.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests;
