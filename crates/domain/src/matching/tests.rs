use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::offer::OfferInput;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn offer(v: serde_json::Value) -> Offer {
    let input: OfferInput = serde_json::from_value(v).unwrap();
    input.validate(d("2026-12-01")).unwrap()
}

fn handover() -> Offer {
    offer(json!({
        "organisation_id": 1, "lang": "pl", "title": "Przekażemy zlecenie spawania",
        "details": {"kind": "order_handover", "deadline": "2027-02-15",
                    "delivery_country": "DE",
                    "required_certifications": ["EN 1090", "ISO 3834-2"]},
        "nace": ["25.11"], "country": "PL", "region": "PL841"
    }))
}

fn capacity(org: i64, nace: &str, from: &str) -> Offer {
    offer(json!({
        "organisation_id": org, "lang": "de", "title": "Freie Schweißkapazität",
        "details": {"kind": "free_capacity", "machines": [], "processes": ["welding"],
                    "hours_per_week": 40, "available_from": from, "available_to": "2027-06-30"},
        "nace": [nace], "country": "DE"
    }))
}

fn org(id: i64, nace: &[&str], country: &str, region: Option<&str>) -> OrgFacts {
    OrgFacts {
        organisation_id: id,
        name: format!("org {id}"),
        nace: nace.iter().map(|s| s.to_string()).collect(),
        country: country.into(),
        region: region.map(Into::into),
        ..Default::default()
    }
}

#[test]
fn nace_closeness_by_shared_level() {
    assert_eq!(nace_closeness("25.11", "2511"), Some((1.0, "class")));
    assert_eq!(nace_closeness("25", "25.62"), Some((1.0, "division")));
    assert_eq!(nace_closeness("25.11", "25.12"), Some((0.75, "group")));
    assert_eq!(nace_closeness("25.11", "25.62"), Some((0.5, "division")));
    assert_eq!(nace_closeness("25.11", "28.30"), Some((0.2, "section")));
    assert_eq!(nace_closeness("25.11", "62.01"), None);
    assert_eq!(nace_closeness("nonsense", "25.11"), None);
}

#[test]
fn organisations_rank_by_evidence_with_reasons() {
    let o = handover();
    let mut certified = org(2, &["25.11"], "PL", Some("PL84"));
    certified.certifications = vec!["en1090-2 EXC2".into(), "ISO 9001".into()];
    let near = org(3, &["25.62"], "PL", Some("PL84"));
    let unrelated_neighbour = org(4, &["62.01"], "PL", Some("PL84"));
    let owner = org(1, &["25.11"], "PL", Some("PL84"));
    let mut german = org(5, &["25.11"], "DE", None);
    german.mirror_offers = vec![(77, OfferKind::FreeCapacity, vec!["25.11".into()])];
    let ranked = rank_organisations(
        &o,
        &[unrelated_neighbour, near, certified, owner, german],
        &Weights::default(),
    );
    let ids: Vec<i64> = ranked.iter().map(|m| m.id).collect();
    assert_eq!(ids, vec![5, 2, 3], "{ranked:#?}");
    let german = &ranked[0];
    assert!(german.reasons.contains(&Reason::MirrorOffers {
        offer_ids: vec![77],
        kind: OfferKind::FreeCapacity,
        points: 20.0
    }));
    assert!(
        german
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::TargetCountry { country, .. } if country == "DE")),
        "delivery to Germany counts for a German firm"
    );
    let certified = &ranked[1];
    match certified
        .reasons
        .iter()
        .find(|r| matches!(r, Reason::Certifications { .. }))
    {
        Some(Reason::Certifications { held, missing, .. }) => {
            assert_eq!(held, &["EN 1090"]);
            assert_eq!(missing, &["ISO 3834-2"]);
        }
        other => panic!("{other:?}"),
    }
    for m in &ranked {
        let sum: f64 = m.reasons.iter().map(Reason::points).sum();
        assert!(
            (m.score - sum).abs() < 0.01,
            "score is the sum of its reasons"
        );
        assert!(m.score <= 100.0);
    }
}

#[test]
fn mirror_offers_need_the_mirroring_kind_and_fit_dates() {
    let o = handover();
    let fits = OfferFacts {
        offer_id: 10,
        offer: capacity(2, "25.11", "2027-01-10"),
        text: 0.5,
    };
    let too_late = OfferFacts {
        offer_id: 11,
        offer: capacity(3, "25.11", "2027-03-01"),
        text: 0.5,
    };
    let same_kind = OfferFacts {
        offer_id: 12,
        offer: handover(),
        text: 1.0,
    };
    let ranked = rank_offers(&o, &[too_late, same_kind, fits], &Weights::default());
    assert_eq!(
        ranked.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![10, 11]
    );
    assert!(
        ranked[0]
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Dates { .. }))
    );
    assert!(
        !ranked[1]
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::Dates { .. }))
    );
}

#[test]
fn weights_are_normalised_and_nonsense_weights_fall_back() {
    let o = handover();
    let c = [org(2, &["25.11"], "PL", Some("PL841"))];
    let a = rank_organisations(&o, &c, &Weights::default());
    let doubled = Weights {
        nace: 0.7,
        place: 0.3,
        certifications: 0.3,
        mirror_offers: 0.4,
        text: 0.3,
    };
    assert_eq!(a, rank_organisations(&o, &c, &doubled));
    let zero = Weights {
        nace: 0.0,
        place: 0.0,
        certifications: 0.0,
        mirror_offers: 0.0,
        text: 0.0,
    };
    assert_eq!(a, rank_organisations(&o, &c, &zero));
    assert_eq!(a[0].score, 50.0, "exact class 35 + same region 15");
}
