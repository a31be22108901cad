use super::*;
use proptest::prelude::*;

// Published numbers of real companies (PKN Orlen, KGHM, SAP, AB InBev, Eni...).
const ORLEN_NIP: &str = "774-000-14-54";
const KGHM_NIP: &str = "692 000 00 13";

#[test]
fn real_nips_are_valid_and_normalised() {
    assert_eq!(
        Nip::parse(ORLEN_NIP).map(|n| n.to_string()),
        Ok("7740001454".into())
    );
    assert_eq!(
        Nip::parse(KGHM_NIP).map(|n| n.to_string()),
        Ok("6920000013".into())
    );
    assert_eq!(
        Nip::parse("PL 7740001454").map(|n| n.formatted()),
        Ok("774-000-14-54".into())
    );
    assert_eq!(
        Nip::parse("pl7740001454").map(String::from),
        Ok("7740001454".into())
    );
}

#[test]
fn nip_errors_say_what_is_wrong() {
    let nip = LegalIdKind::Nip;
    assert_eq!(
        Nip::parse("7740001455"),
        Err(IdError::Checksum { kind: nip })
    );
    assert_eq!(
        Nip::parse("774000145"),
        Err(IdError::Length {
            kind: nip,
            expected: "10",
            found: 9
        })
    );
    assert_eq!(
        Nip::parse("77400O1454"),
        Err(IdError::InvalidCharacter { kind: nip, ch: 'O' })
    );
    assert_eq!(Nip::parse("  "), Err(IdError::Empty { kind: nip }));
    // Remainder 10 is never issued: 123456789 gives 10 whatever the last digit.
    assert!((0..10).all(|d| Nip::parse(&format!("123456789{d}")).is_err()));
    assert_eq!(
        Nip::parse("7740001455").map_err(|e| e.code()),
        Err("nip_checksum")
    );
    assert!(
        Nip::parse("7740001455")
            .unwrap_err()
            .to_string()
            .contains("check digit")
    );
}

#[test]
fn regon_nine_and_fourteen_digits() {
    assert!(Regon::parse("610188201").is_ok()); // Orlen
    assert!(Regon::parse("390021764").is_ok()); // KGHM
    assert_eq!(
        Regon::parse("610188202"),
        Err(IdError::Checksum {
            kind: LegalIdKind::Regon
        })
    );
    // Local units of those entities: parent REGON + unit number + check digit.
    let unit = Regon::parse("61018820100010");
    assert!(unit.as_ref().is_ok_and(|r| r.is_local_unit()));
    assert!(Regon::parse("39002176400024").is_ok());
    assert_eq!(
        Regon::parse("39002176400025"),
        Err(IdError::Checksum {
            kind: LegalIdKind::Regon
        })
    );
    // A broken parent part is reported as such, even with a fitting final digit.
    assert_eq!(
        Regon::parse("61018820200010"),
        Err(IdError::RegonPrefixChecksum)
    );
    assert!(matches!(
        Regon::parse("1234567890"),
        Err(IdError::Length { found: 10, .. })
    ));
}

#[test]
fn krs_and_unp_format() {
    assert_eq!(
        Krs::parse("KRS 0000028860").map(String::from),
        Ok("0000028860".into())
    );
    assert!(matches!(
        Krs::parse("28860"),
        Err(IdError::Length { found: 5, .. })
    ));
    assert_eq!(
        Unp::parse("100 230 519").map(String::from),
        Ok("100230519".into())
    );
    assert!(matches!(
        Unp::parse("10023051"),
        Err(IdError::Length { .. })
    ));
    assert!(matches!(
        Unp::parse("10023051A"),
        Err(IdError::InvalidCharacter { ch: 'A', .. })
    ));
}

#[test]
fn eu_vat_formats_and_checksums() {
    for ok in [
        "PL7740001454",
        "DE143454214", // SAP
        "DE811569869",
        "BE0417497106", // AB InBev
        "BE 0403.170.701",
        "IT00905811006", // Eni
        "IT00488410010",
        "ATU12345678",
        "NL123456789B01",
        "FRXA123456789",
        "ESA12345678",
        "IE1234567T",
        "IE1234567TW",
        "IE1A23456T",
        "CY12345678L",
        "EL094014201",
        "SE123456789701",
        "RO1234",
    ] {
        assert!(
            EuVat::parse(ok).is_ok(),
            "{ok} should be accepted: {:?}",
            EuVat::parse(ok)
        );
    }
    assert_eq!(
        EuVat::parse("GR094014201").map(String::from),
        Ok("EL094014201".into())
    );
    let gr = EuVat::parse("EL094014201");
    assert_eq!(gr.as_ref().map(|v| v.country()), Ok("GR"));
    assert_eq!(gr.as_ref().map(|v| v.number()), Ok("094014201"));
    assert_eq!(
        EuVat::parse("BE417497106").map(String::from),
        Ok("BE0417497106".into())
    );

    let checksum = Err(IdError::Checksum {
        kind: LegalIdKind::EuVat,
    });
    assert_eq!(EuVat::parse("PL7740001455"), checksum);
    assert_eq!(EuVat::parse("DE143454215"), checksum);
    assert_eq!(EuVat::parse("BE0417497107"), checksum);
    assert_eq!(EuVat::parse("IT00905811007"), checksum);
    assert!(matches!(
        EuVat::parse("ATX12345678"),
        Err(IdError::VatFormat { country: "AT", .. })
    ));
    assert!(matches!(
        EuVat::parse("NL123456789C01"),
        Err(IdError::VatFormat { .. })
    ));
    assert!(matches!(
        EuVat::parse("ES123456789"),
        Err(IdError::VatFormat { .. })
    ));
    assert!(matches!(
        EuVat::parse("FRIO123456789"),
        Err(IdError::VatFormat { .. })
    ));
    assert!(matches!(
        EuVat::parse("GB123456789"),
        Err(IdError::VatUnknownCountry { .. })
    ));
    assert!(matches!(
        EuVat::parse("BY100230519"),
        Err(IdError::VatUnknownCountry { .. })
    ));
    assert_eq!(EuVat::parse("123456789"), Err(IdError::VatMissingCountry));
    assert!(matches!(
        EuVat::parse("PLł740001454"),
        Err(IdError::InvalidCharacter { ch: 'Ł', .. })
    ));
    assert!(matches!(
        EuVat::parse("CY1234567ŁL"),
        Err(IdError::InvalidCharacter { .. })
    ));
}

#[test]
fn legal_id_serde_is_tagged_and_validating() {
    let id = LegalId::parse(LegalIdKind::Nip, "PL 774-000-14-54");
    assert_eq!(id.as_ref().map(|i| i.value()), Ok("7740001454"));
    let json = serde_json::to_string(&id.clone().ok()).unwrap_or_default();
    assert_eq!(json, r#"{"kind":"nip","value":"7740001454"}"#);
    let back: Result<LegalId, _> =
        serde_json::from_str(r#"{"kind":"nip","value":"774-000-14-54"}"#);
    assert_eq!(back.ok(), id.ok());
    let bad: Result<LegalId, _> = serde_json::from_str(r#"{"kind":"nip","value":"7740001455"}"#);
    assert!(bad.is_err());
    let vat: Result<LegalId, _> =
        serde_json::from_str(r#"{"kind":"eu_vat","value":"DE143454214"}"#);
    assert_eq!(vat.ok().map(|v| v.kind()), Some(LegalIdKind::EuVat));
}

fn valid_nip() -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(0u32..10, 9).prop_filter_map("remainder 10 has no NIP", |mut d| {
        let r = weighted_sum(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
        (r != 10).then(|| {
            d.push(r);
            d
        })
    })
}

proptest! {
    #[test]
    fn changing_one_digit_breaks_a_nip(d in valid_nip(), pos in 0usize..10, delta in 1u32..10) {
        prop_assert!(Nip::parse(&to_string(&d)).is_ok());
        let mut m = d.clone();
        if let Some(x) = m.get_mut(pos) {
            *x = (*x + delta) % 10;
        }
        prop_assert_eq!(Nip::parse(&to_string(&m)), Err(IdError::Checksum { kind: LegalIdKind::Nip }));
    }

    #[test]
    fn parsing_never_panics(kind in 0usize..5, s in "\\PC{0,20}") {
        if let Some(&k) = LegalIdKind::ALL.get(kind) {
            let _ = LegalId::parse(k, &s);
            let _ = EuVat::parse(&format!("IE{s}"));
            let _ = EuVat::parse(&format!("NL{s}"));
        }
    }
}
