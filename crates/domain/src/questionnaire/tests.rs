use super::*;
use crate::ids::LegalIdKind;
use crate::org::{OrgKind, SizeClass};
use serde_json::json;

fn filled() -> serde_json::Value {
    json!({
        "company": {
            "name": "  Zakład Mechaniki Precyzyjnej Sp. z o.o.",
            "kind": "company",
            "country": "pl",
            "nip": "774-000-14-54",
            "regon": "610188201",
            "krs": "0000028860",
            "founded_year": "1994",
            "region": "PL92",
            "street": "ul. Przemysłowa 5",
            "postal_code": "09-411",
            "city": "Płock",
            "website": "www.zmp.pl",
            "email": "biuro@zmp.pl",
            "phone": "+48 24 000 00 00",
            "unp": ""
        },
        "activity": {
            "nace_main": "25.62.Z",
            "nace_other": ["28.41", "25.61"],
            "description": "Obróbka skrawaniem na zlecenie.",
            "capabilities": "toczenie CNC, frezowanie; spawanie TIG",
            "keywords": "cnc, obróbka",
            "certifications": "ISO 9001, IATF 16949",
            "machine_park": "3 x tokarka CNC\nfrezarka 5-osiowa\n2× prasa krawędziowa",
            "production_capacity": "Wolne moce: 1 zmiana",
            "size_class": "small",
            "employees": 42
        },
        "markets": { "export_markets": ["DE", "BY"], "languages": ["pl", "en", "ru"] },
        "cooperation": { "interests": ["subcontracting", "joint_trade_fairs"], "seeking": "Odlewnie" },
        "contact": { "name": "Anna Nowak", "role": "Dyrektor handlowy", "email": "a.nowak@zmp.pl" },
        "consent": { "publish": true }
    })
}

#[test]
fn default_questionnaire_is_valid_and_round_trips() {
    let q = default_questionnaire();
    assert_eq!(q.validate_definition(), Ok(()));
    assert_eq!(q.key, "cluster-cooperation");
    assert_eq!(q.version, 1);
    let json = serde_json::to_string(&q).unwrap_or_default();
    assert!(
        json.contains(r#""kind":{"type":"short_text","max_len":300}"#),
        "{json}"
    );
    let back: Result<Questionnaire, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(q));
}

#[test]
fn every_default_text_is_in_polish_english_and_russian() {
    let q = default_questionnaire();
    assert_eq!(q.languages, ["pl", "en", "ru"]);
    // Each list of texts: exactly one non-empty text per language, in that order.
    let check = |what: &str, texts: &[crate::text::LocalizedText]| {
        let langs: Vec<&str> = texts.iter().map(|t| t.lang.as_str()).collect();
        assert_eq!(langs, ["pl", "en", "ru"], "{what}");
        for t in texts {
            assert!(!t.text.trim().is_empty(), "{what} in {}", t.lang);
        }
        // The Russian text is Russian: it has Cyrillic letters (identifiers like NIP aside).
        assert!(
            texts[2]
                .text
                .chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "{what}: {:?}",
            texts[2].text
        );
    };
    check("title", &q.title);
    let mut n = 0;
    for s in &q.sections {
        check(&s.key, &s.title);
        for question in &s.questions {
            let at = format!("{}.{}", s.key, question.key);
            check(&at, &question.text);
            if !question.help.is_empty() {
                check(&format!("{at} help"), &question.help);
            }
            for o in &question.options {
                check(&format!("{at} = {}", o.value), &o.text);
                n += 1;
            }
            n += 1;
        }
    }
    assert!(n > 60, "{n} texts checked");
}

#[test]
fn a_version_may_gain_languages_and_nothing_else() {
    let q = default_questionnaire();
    let before = q.restricted_to(&["pl", "en"]);
    assert_eq!(before.languages, ["pl", "en"]);
    assert_eq!(before.sections[0].questions[2].options[0].text.len(), 2);
    assert!(before.gains_only_languages(&q));
    assert!(!q.gains_only_languages(&q), "nothing gained");
    assert!(!q.gains_only_languages(&before), "a language lost");
    // A changed question, option or rule is a new version, even with a new language.
    let mut changed = q.clone();
    changed.sections[0].questions[0].required = false;
    assert!(!before.gains_only_languages(&changed));
    let mut changed = q.clone();
    changed.sections[0].questions[0].text[0].text = "Nazwa".into();
    assert!(!before.gains_only_languages(&changed));
    let mut changed = q.clone();
    changed.sections[1].questions.pop();
    assert!(!before.gains_only_languages(&changed));
}

#[test]
fn filled_answers_map_to_a_valid_organisation() {
    let q = default_questionnaire();
    let answers = match q.validate_answers(&filled()) {
        Ok(a) => a,
        Err(e) => panic!("the example should pass: {e}"),
    };
    assert_eq!(answers.lang, "pl");
    assert_eq!(
        answers.get("activity", "nace_main"),
        Some(&AnswerValue::Text("25.62".into()))
    );
    assert_eq!(
        answers.get("company", "founded_year"),
        Some(&AnswerValue::Integer(1994))
    );
    assert_eq!(answers.get("company", "unp"), None);

    let org = match q.to_organisation_input(&answers).validate() {
        Ok(o) => o,
        Err(e) => panic!("mapped profile should be valid: {e}"),
    };
    assert_eq!(
        org.primary_name(),
        "Zakład Mechaniki Precyzyjnej Sp. z o.o."
    );
    assert_eq!(org.names.first().map(|n| n.lang.as_str()), Some("pl"));
    assert_eq!(org.kind, OrgKind::Company);
    assert_eq!(org.country, "PL");
    assert_eq!(
        org.legal_id(LegalIdKind::Nip).map(|i| i.value()),
        Some("7740001454")
    );
    assert_eq!(org.legal_ids.len(), 3);
    assert_eq!(
        org.nace_other,
        vec!["28.41".to_string(), "25.61".to_string()]
    );
    assert_eq!(org.capabilities.len(), 3);
    assert_eq!(
        org.certifications,
        vec!["ISO 9001".to_string(), "IATF 16949".to_string()]
    );
    let machines: Vec<(&str, Option<u32>)> = org
        .machine_park
        .iter()
        .map(|m| (m.name.as_str(), m.quantity))
        .collect();
    assert_eq!(
        machines,
        vec![
            ("tokarka CNC", Some(3)),
            ("frezarka 5-osiowa", None),
            ("prasa krawędziowa", Some(2))
        ]
    );
    assert_eq!(org.size_class, Some(SizeClass::Small));
    assert_eq!(org.employees, Some(42));
    assert_eq!(org.founded_year, Some(1994));
    assert_eq!(
        org.languages,
        vec!["pl".to_string(), "en".to_string(), "ru".to_string()]
    );
    assert_eq!(org.website.as_deref(), Some("https://www.zmp.pl"));

    let contact = q.to_contact_input(&answers).map(|c| c.validate());
    assert_eq!(
        contact
            .and_then(Result::ok)
            .map(|c| (c.name, c.languages, c.is_personal_data)),
        Some(("Anna Nowak".to_string(), vec!["pl".to_string()], true))
    );
}

#[test]
fn bad_answers_give_all_field_errors_at_once() {
    let q = default_questionnaire();
    let mut a = filled();
    a["company"]["name"] = json!("");
    a["company"]["kind"] = json!("bakery");
    a["company"]["nip"] = json!("7740001455");
    a["company"]["region"] = json!("DE21"); // exists, but not in Poland
    a["company"]["email"] = json!(42);
    a["company"]["website"] = json!("ftp://zmp.pl");
    a["company"]["colour"] = json!("blue");
    a["activity"]["nace_main"] = json!("99.99");
    a["activity"]["nace_other"] = json!(["28.41", "00.00"]);
    a["activity"]["employees"] = json!(12.5);
    a["activity"]["description"] = json!("x".repeat(5001));
    a["markets"]["export_markets"] = json!(["DE", "XX"]);
    a["cooperation"]["interests"] = json!(["subcontracting", "espionage"]);
    a["contact"]["email"] = json!("nowak");
    a["consent"]["publish"] = json!("no");
    a["extras"] = json!({});

    let errors = q.validate_answers(&a).err().unwrap_or_default();
    for (field, code) in [
        ("answers.company.name", "required"),
        ("answers.company.kind", "unknown_option"),
        ("answers.company.nip", "nip_checksum"),
        ("answers.company.region", "region_not_in_country"),
        ("answers.company.email", "invalid_type"),
        ("answers.company.website", "invalid_url_scheme"),
        ("answers.company.colour", "unknown_field"),
        ("answers.activity.nace_main", "unknown_nace"),
        ("answers.activity.nace_other[1]", "unknown_nace"),
        ("answers.activity.employees", "not_integer"),
        ("answers.activity.description", "too_long"),
        ("answers.markets.export_markets[1]", "unknown_country"),
        ("answers.cooperation.interests[1]", "unknown_option"),
        ("answers.contact.email", "invalid_email"),
        ("answers.consent.publish", "must_accept"),
        ("answers.extras", "unknown_field"),
    ] {
        assert!(
            errors.has(field, code),
            "expected {field}/{code} in {errors}"
        );
    }
    assert_eq!(errors.len(), 16, "{errors}");
}

#[test]
fn missing_answers_and_wrong_shapes() {
    let q = default_questionnaire();
    let errors = q.validate_answers(&json!({})).err().unwrap_or_default();
    for field in [
        "answers.company.name",
        "answers.company.kind",
        "answers.company.country",
        "answers.company.email",
        "answers.activity.nace_main",
        "answers.activity.description",
        "answers.cooperation.interests",
        "answers.consent.publish",
    ] {
        assert!(errors.has(field, "required"), "{field} in {errors}");
    }
    assert_eq!(errors.len(), 8, "{errors}");
    assert!(
        q.validate_answers(&json!([1]))
            .err()
            .unwrap_or_default()
            .has("answers", "invalid_type")
    );
    assert!(
        q.validate_answers(&json!({"company": 5}))
            .err()
            .unwrap_or_default()
            .has("answers.company", "invalid_type")
    );
    assert!(
        q.validate_answers_in("de", &filled())
            .err()
            .unwrap_or_default()
            .has("lang", "unknown_language")
    );
}

#[test]
fn english_answers_give_english_texts() {
    let q = default_questionnaire();
    let mut a = filled();
    a["consent"]["publish"] = json!("yes"); // as an HTML form sends it
    a["cooperation"]["interests"] = json!("export"); // one ticked box
    let answers = q.validate_answers_in("EN", &a);
    assert_eq!(answers.as_ref().map(|a| a.lang.as_str()), Ok("en"));
    let org = answers.ok().map(|a| q.to_organisation_input(&a));
    assert_eq!(
        org.and_then(|o| o.description.first().map(|d| d.lang.clone())),
        Some("en".to_string())
    );
}

#[test]
fn broken_definitions_are_reported() {
    let mut q = default_questionnaire();
    q.version = 0;
    q.languages.push("xx".into());
    if let Some(s) = q.sections.get_mut(1) {
        s.key = "company".into();
        if let Some(first) = s.questions.first_mut() {
            first.maps_to = Some(ProfileField::Name);
        }
        if let Some(size) = s.questions.iter_mut().find(|x| x.key == "size_class") {
            size.options.clear();
        }
    }
    if let Some(s) = q.sections.get_mut(0) {
        if let Some(kind) = s.questions.iter_mut().find(|x| x.key == "kind") {
            kind.options.push(ChoiceOption {
                value: "bakery".into(),
                text: vec![],
            });
        }
        if let Some(x) = s.questions.get_mut(1) {
            x.key = "name".into();
            x.text.truncate(1);
        }
    }
    let e = q.validate_definition().err().unwrap_or_default();
    for (field, code) in [
        ("version", "out_of_range"),
        ("languages[3]", "unknown_language"),
        ("sections[1].key", "duplicate"),
        ("sections[1].questions[0].maps_to", "duplicate"),
        ("sections[1].questions[8].options", "required"),
        ("sections[0].questions[2].maps_to", "incompatible_mapping"),
        (
            "sections[0].questions[2].options[9].text",
            "missing_translation",
        ),
        ("sections[0].questions[1].key", "duplicate"),
        ("sections[0].questions[1].text", "missing_translation"),
        ("title", "missing_translation"),
    ] {
        assert!(e.has(field, code), "expected {field}/{code} in {e}");
    }
}

#[test]
fn mapping_must_fit_the_question() {
    let mut q = default_questionnaire();
    if let Some(x) = q.sections.get_mut(0).and_then(|s| s.questions.get_mut(3)) {
        // The country question made to fill employees.
        x.maps_to = Some(ProfileField::Employees);
    }
    let e = q.validate_definition().err().unwrap_or_default();
    assert!(
        e.has("sections[0].questions[3].maps_to", "incompatible_mapping"),
        "{e}"
    );
    assert!(e.has("sections", "missing_mapping"), "{e}");
}

#[test]
fn response_status_transitions() {
    use ResponseStatus::*;
    assert!(Submitted.can_transition_to(Accepted));
    assert!(Submitted.can_transition_to(ChangesRequested));
    assert!(ChangesRequested.can_transition_to(Submitted));
    assert!(!ChangesRequested.can_transition_to(Accepted));
    assert!(!Accepted.can_transition_to(Rejected));
    assert!(!Rejected.can_transition_to(Submitted));
    assert!(Accepted.is_final() && !Submitted.is_final());

    let r: Result<ReviewInput, _> = serde_json::from_str(r#"{"decision":"reject","reason":"  "}"#);
    let e = r.ok().map(|r| r.apply_to(Submitted));
    assert!(
        e.and_then(Result::err)
            .unwrap_or_default()
            .has("reason", "required")
    );
    let ok = ReviewInput::RequestChanges {
        message: "Proszę podać NIP".into(),
    }
    .apply_to(Submitted);
    assert_eq!(ok.map(|(_, s)| s), Ok(ChangesRequested));
    let late = ReviewInput::Accept.apply_to(Rejected);
    assert!(
        late.err()
            .unwrap_or_default()
            .has("decision", "invalid_transition")
    );
}

#[test]
fn machine_lines() {
    let q = default_questionnaire();
    let mut a = filled();
    a["activity"]["machine_park"] = json!("3 xerox\n0 x nothing\n12 * wtryskarka");
    let org = q
        .validate_answers(&a)
        .ok()
        .map(|x| q.to_organisation_input(&x).machine_park);
    let got: Option<Vec<(String, Option<u32>)>> =
        org.map(|m| m.into_iter().map(|m| (m.name, m.quantity)).collect());
    assert_eq!(
        got,
        Some(vec![
            ("3 xerox".to_string(), None),
            ("0 x nothing".to_string(), None),
            ("wtryskarka".to_string(), Some(12)),
        ])
    );
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn arbitrary_text_answers_never_panic(
            texts in proptest::collection::vec(proptest::option::weighted(0.2, "\\PC{0,40}"), 8),
            n in proptest::option::weighted(0.2, proptest::num::f64::ANY),
        ) {
            let q = default_questionnaire();
            let mut a = filled();
            let fields = [
                ("company", "nip"), ("company", "eu_vat"), ("company", "region"), ("company", "postal_code"),
                ("company", "website"), ("activity", "nace_main"), ("activity", "machine_park"), ("company", "founded_year"),
            ];
            // Mostly keep the valid example value, so that the "passes" branch runs too.
            for ((s, k), t) in fields.iter().zip(&texts) {
                if let Some(t) = t {
                    a[*s][*k] = json!(t);
                }
            }
            if let Some(n) = n {
                a["activity"]["employees"] =
                    serde_json::Number::from_f64(n).map(serde_json::Value::Number).unwrap_or(json!(null));
            }
            if let Ok(answers) = q.validate_answers(&a) {
                // Whatever passes the answers check must make a valid profile.
                let org = q.to_organisation_input(&answers).validate();
                prop_assert!(org.is_ok(), "{:?}", org.err());
            }
        }
    }
}
