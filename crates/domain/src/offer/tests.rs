use chrono::NaiveDate;
use serde_json::json;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn today() -> NaiveDate {
    d("2026-12-01")
}

fn handover() -> serde_json::Value {
    json!({
        "organisation_id": 7,
        "lang": "pl",
        "title": "Przekażemy zlecenie: 500 wsporników spawanych",
        "description": "Nie zdążymy z terminem, szukamy podwykonawcy z certyfikatem EN 1090.",
        "details": {
            "kind": "order_handover",
            "quantity": {"value": 500, "unit": "piece"},
            "deadline": "2027-02-15",
            "delivery_city": "Białystok",
            "delivery_country": "pl",
            "required_certifications": ["EN 1090", "ISO 3834-2", "en 1090"],
            "drawings_attached": true
        },
        "nace": ["2511", "25.62"],
        "country": "PL",
        "region": "PL841"
    })
}

#[test]
fn an_order_handover_validates_and_normalises() {
    let input: OfferInput = serde_json::from_value(handover()).unwrap();
    let offer = input.validate(today()).unwrap();
    assert_eq!(offer.kind, OfferKind::OrderHandover);
    assert_eq!(offer.nace, ["25.11", "25.62"]);
    assert_eq!(
        offer.expires_on,
        Some(d("2027-02-15")),
        "the deadline bounds the offer"
    );
    assert_eq!(offer.visibility, Visibility::Public);
    match &offer.details {
        OfferDetails::OrderHandover {
            required_certifications,
            delivery_country,
            ..
        } => {
            assert_eq!(required_certifications, &["EN 1090", "ISO 3834-2"]);
            assert_eq!(delivery_country.as_deref(), Some("PL"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_error_is_reported_at_once() {
    let mut v = handover();
    v["lang"] = json!("fr");
    v["title"] = json!("");
    v["details"]["deadline"] = json!("2020-01-01");
    v["details"]["quantity"]["value"] = json!(-3);
    v["nace"] = json!(["99.99"]);
    v["region"] = json!("BY-HR");
    let input: OfferInput = serde_json::from_value(v).unwrap();
    let e = input.validate(today()).unwrap_err();
    for (field, code) in [
        ("lang", "unsupported_language"),
        ("title", "required"),
        ("details.deadline", "in_the_past"),
        ("details.quantity.value", "out_of_range"),
        ("nace[0]", "unknown_nace"),
        ("region", "region_not_in_country"),
    ] {
        assert!(e.has(field, code), "{field}/{code} missing: {e}");
    }
}

#[test]
fn kinds_carry_their_own_fields() {
    let cap = json!({"kind": "free_capacity", "machines": [{"name": "Tokarka CNC", "quantity": 2}],
        "processes": ["toczenie"], "hours_per_week": 40, "available_from": "2026-12-01", "available_to": "2027-03-31"});
    let details: OfferDetails = serde_json::from_value(cap).unwrap();
    assert_eq!(details.kind(), OfferKind::FreeCapacity);
    assert_eq!(details.deadline(), Some(d("2027-03-31")));
    let wrong = json!({"kind": "free_capacity", "deadline": "2027-01-01"});
    assert!(
        serde_json::from_value::<OfferDetails>(wrong).is_err(),
        "fields of another kind are refused"
    );
    let tech = json!({"kind": "technology_request", "partnership": []});
    let mut v = handover();
    v["details"] = tech;
    let e = serde_json::from_value::<OfferInput>(v)
        .unwrap()
        .validate(today())
        .unwrap_err();
    assert!(e.has("details.partnership", "required"), "{e}");
}

#[test]
fn mirrors_pair_requests_with_offers() {
    for k in OfferKind::ALL {
        for m in k.mirrors() {
            assert!(m.mirrors().contains(&k), "{k:?} <-> {m:?}");
        }
        assert_eq!(OfferKind::parse(k.as_str()), Some(k));
    }
    assert_eq!(
        OfferKind::OrderHandover.mirrors(),
        [OfferKind::FreeCapacity]
    );
}

#[test]
fn lifecycle_follows_the_review_policy() {
    use OfferStatus::*;
    assert_eq!(Draft.apply(&Transition::Submit, true), Ok(Submitted));
    assert_eq!(Draft.apply(&Transition::Submit, false), Ok(Published));
    assert_eq!(Submitted.apply(&Transition::Publish, true), Ok(Published));
    assert!(
        Submitted
            .apply(
                &Transition::ReturnToDraft {
                    message: " ".into()
                },
                true
            )
            .is_err()
    );
    assert_eq!(
        Submitted.apply(
            &Transition::ReturnToDraft {
                message: "Add drawings".into()
            },
            true
        ),
        Ok(Draft)
    );
    assert_eq!(Published.apply(&Transition::Expire, true), Ok(Expired));
    assert_eq!(Expired.apply(&Transition::Publish, true), Ok(Published));
    let close = Transition::Close {
        close: CloseReason::Fulfilled {
            partner_id: Some(3),
        },
    };
    assert_eq!(Published.apply(&close, true), Ok(Closed));
    assert!(
        Closed.apply(&Transition::Publish, true).is_err(),
        "closed is final"
    );
    assert!(
        Draft.apply(&Transition::Publish, false).is_err(),
        "a draft is submitted, not published directly"
    );
    for s in [Draft, Submitted, Published, Expired, Closed] {
        assert_eq!(OfferStatus::parse(s.as_str()), Some(s));
    }
}
