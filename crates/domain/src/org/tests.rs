use super::*;

fn sample() -> OrganisationInput {
    OrganisationInput {
        names: vec![
            LocalizedText::new("pl", "  Zakład Mechaniki Precyzyjnej Sp. z o.o. "),
            LocalizedText::new("EN", "Precision Mechanics Ltd"),
        ],
        short_name: Some("ZMP".into()),
        kind: Some(OrgKind::Company),
        legal_ids: vec![
            LegalIdInput::new(LegalIdKind::Nip, "PL 774-000-14-54"),
            LegalIdInput::new(LegalIdKind::Regon, "610188201"),
        ],
        address: Address {
            street: Some("ul. Przemysłowa 5".into()),
            postal_code: Some("09411".into()),
            city: Some("Płock".into()),
        },
        country: Some("pl".into()),
        region: Some("pl92".into()),
        size_class: Some(SizeClass::Small),
        employees: Some(42),
        founded_year: Some(1994),
        nace_main: Some("2562".into()),
        nace_other: vec!["C25.62".into(), "28.41".into(), "28.41".into()],
        description: vec![LocalizedText::new("pl", "Obróbka CNC")],
        capabilities: vec![
            "toczenie CNC".into(),
            "Toczenie CNC".into(),
            "frezowanie".into(),
        ],
        keywords: vec!["cnc".into()],
        certifications: vec!["ISO 9001".into()],
        machine_park: vec![Machine {
            name: "Tokarka CNC".into(),
            quantity: Some(3),
            notes: None,
        }],
        production_capacity: Some("  2 zmiany ".into()),
        export_markets: vec!["de".into(), "BY".into(), "DE".into()],
        languages: vec!["pl".into(), "EN".into()],
        website: Some("www.zmp.pl".into()),
        email: Some("biuro@ZMP.pl".into()),
        phone: Some("+48 24 000 00 00".into()),
    }
}

#[test]
fn valid_input_is_normalised() {
    let org = match sample().validate() {
        Ok(o) => o,
        Err(e) => panic!("sample should be valid: {e}"),
    };
    assert_eq!(
        org.primary_name(),
        "Zakład Mechaniki Precyzyjnej Sp. z o.o."
    );
    assert_eq!(org.names.get(1).map(|n| n.lang.as_str()), Some("en"));
    assert_eq!(org.country, "PL");
    assert_eq!(org.region.as_deref(), Some("PL92"));
    assert_eq!(org.address.postal_code.as_deref(), Some("09-411"));
    assert_eq!(org.nace_main.as_deref(), Some("25.62"));
    assert_eq!(org.nace_other, vec!["28.41".to_string()]);
    assert_eq!(
        org.capabilities,
        vec!["toczenie CNC".to_string(), "frezowanie".to_string()]
    );
    assert_eq!(org.export_markets, vec!["DE".to_string(), "BY".to_string()]);
    assert_eq!(org.languages, vec!["pl".to_string(), "en".to_string()]);
    assert_eq!(org.website.as_deref(), Some("https://www.zmp.pl"));
    assert_eq!(org.email.as_deref(), Some("biuro@zmp.pl"));
    assert_eq!(org.production_capacity.as_deref(), Some("2 zmiany"));
    assert_eq!(
        org.legal_id(LegalIdKind::Nip).map(|n| n.value()),
        Some("7740001454")
    );
    // A validated profile validates again to itself.
    assert_eq!(org.to_input().validate(), Ok(org));
}

#[test]
fn all_field_errors_come_in_one_pass() {
    let mut input = sample();
    input.names = vec![
        LocalizedText::new("pl", "x".repeat(301)),
        LocalizedText::new("xx", "Name"),
    ];
    input.kind = None;
    input.legal_ids = vec![
        LegalIdInput::new(LegalIdKind::Nip, "7740001455"),
        LegalIdInput::new(LegalIdKind::Regon, "61018820"),
    ];
    input.region = Some("DE21".into());
    input.nace_main = Some("99.99".into());
    input.nace_other = vec!["25.62".into(), "nonsense".into()];
    input.export_markets = vec!["XX".into()];
    input.languages = vec!["polish".into()];
    input.website = Some("ftp://zmp.pl".into());
    input.email = Some("biuro(at)zmp.pl".into());
    input.employees = Some(60); // too many for "small"
    input.founded_year = Some(3000);
    input.address.postal_code = Some("0941".into());
    input.machine_park.push(Machine {
        name: " ".into(),
        quantity: Some(0),
        notes: None,
    });

    let errors = match input.validate() {
        Ok(_) => panic!("must fail"),
        Err(e) => e,
    };
    for (field, code) in [
        ("names[0].text", "too_long"),
        ("names[1].lang", "unknown_language"),
        ("kind", "required"),
        ("legal_ids[0].value", "nip_checksum"),
        ("legal_ids[1].value", "invalid_length"),
        ("region", "region_not_in_country"),
        ("nace_main", "unknown_nace"),
        ("nace_other[1]", "unknown_nace"),
        ("export_markets[0]", "unknown_country"),
        ("languages[0]", "unknown_language"),
        ("website", "invalid_url_scheme"),
        ("email", "invalid_email"),
        ("size_class", "size_class_mismatch"),
        ("founded_year", "out_of_range"),
        ("address.postal_code", "invalid_postal_code"),
        ("machine_park[1].name", "required"),
        ("machine_park[1].quantity", "out_of_range"),
    ] {
        assert!(
            errors.has(field, code),
            "expected {field}/{code} in {errors}"
        );
    }
    assert_eq!(errors.len(), 17, "{errors}");
}

#[test]
fn missing_required_fields() {
    let errors = OrganisationInput::default()
        .validate()
        .err()
        .unwrap_or_default();
    assert!(errors.has("names", "required"));
    assert!(errors.has("kind", "required"));
    assert!(errors.has("country", "required"));
    assert_eq!(errors.len(), 3);
}

#[test]
fn duplicate_legal_ids() {
    let mut input = sample();
    input
        .legal_ids
        .push(LegalIdInput::new(LegalIdKind::Nip, "6920000013"));
    input
        .legal_ids
        .push(LegalIdInput::new(LegalIdKind::Nip, "7740001454")); // same one: ignored
    input
        .legal_ids
        .push(LegalIdInput::new(LegalIdKind::EuVat, "PL7740001454"));
    input
        .legal_ids
        .push(LegalIdInput::new(LegalIdKind::EuVat, "DE143454214"));
    let errors = input.validate().err().unwrap_or_default();
    assert!(errors.has("legal_ids[2].kind", "duplicate"));
    assert_eq!(errors.len(), 1, "{errors}");
}

#[test]
fn json_payload_rejects_unknown_fields() {
    let ok: Result<OrganisationInput, _> = serde_json::from_str(
        r#"{"names":[{"lang":"pl","text":"Firma"}],"kind":"company","country":"PL",
            "legal_ids":[{"kind":"nip","value":"7740001454"}]}"#,
    );
    let org = ok
        .map_err(|e| e.to_string())
        .and_then(|i| i.validate().map_err(|e| e.to_string()));
    assert_eq!(org.map(|o| o.kind), Ok(OrgKind::Company));
    let bad: Result<OrganisationInput, _> = serde_json::from_str(r#"{"nmes":[]}"#);
    assert!(bad.is_err());
}

#[test]
fn belarusian_region_and_postcode() {
    let mut input = sample();
    input.country = Some("BY".into());
    input.region = Some("by-hm".into());
    input.address.postal_code = Some("220 030".into());
    input.legal_ids = vec![LegalIdInput::new(LegalIdKind::Unp, "100230519")];
    let org = input.validate();
    assert_eq!(org.as_ref().map(|o| o.region.as_deref()), Ok(Some("BY-HM")));
    assert_eq!(
        org.as_ref().map(|o| o.address.postal_code.as_deref()),
        Ok(Some("220030"))
    );
}

#[test]
fn size_class_thresholds() {
    use SizeClass::*;
    assert_eq!(SizeClass::from_figures(9, None, None), Micro);
    assert_eq!(SizeClass::from_figures(10, None, None), Small);
    assert_eq!(SizeClass::from_figures(9, Some(2_000_000), None), Micro);
    assert_eq!(
        SizeClass::from_figures(9, Some(2_000_001), Some(3_000_000)),
        Small
    );
    // Turnover over the ceiling, but the balance sheet under it: still micro.
    assert_eq!(
        SizeClass::from_figures(9, Some(5_000_000), Some(1_000_000)),
        Micro
    );
    assert_eq!(SizeClass::from_figures(49, Some(10_000_000), None), Small);
    assert_eq!(SizeClass::from_figures(50, Some(1), None), Medium);
    assert_eq!(
        SizeClass::from_figures(249, Some(60_000_000), Some(43_000_000)),
        Medium
    );
    assert_eq!(
        SizeClass::from_figures(249, Some(60_000_000), Some(44_000_000)),
        Large
    );
    assert_eq!(SizeClass::from_figures(250, None, None), Large);
}

#[test]
fn kinds_have_categories_and_names() {
    assert_eq!(OrgKind::Chamber.category(), OrgCategory::BusinessSupport);
    assert_eq!(OrgKind::ResearchInstitute.category(), OrgCategory::Academia);
    assert_eq!(
        OrgKind::ClusterOrganisation.category(),
        OrgCategory::Cluster
    );
    for k in OrgKind::ALL {
        let json = serde_json::to_string(&k).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", k.as_str()));
        assert_eq!(OrgKind::parse(k.as_str()), Some(k));
    }
}
