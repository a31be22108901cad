use crate::nace::NaceLevel;
use crate::regions::RegionScheme;
use crate::*;

/// Odd inputs every lookup must survive without panicking.
fn odd_inputs() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        ".",
        "..",
        "-",
        "_",
        "Z",
        "ZZ",
        "25.",
        ".25",
        "25..1",
        "2.5.1.1",
        "C.",
        "C-",
        "ą",
        "żółć",
        "日本語",
        "🦀",
        "25.1\u{0301}",
        "PL\u{0000}",
        "\u{FEFF}PL",
        "pl-",
        "-pl",
        "Ω25",
        "25Ω",
        "9999999999999999999999",
        "PL-",
        "BY-",
        "by-hr ",
        "\t\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("A".repeat(100_000));
    v.push("25.11".repeat(10_000));
    v.push("ł".repeat(50_000));
    v
}

#[test]
fn no_panics_on_odd_input() {
    for s in odd_inputs() {
        let s = s.as_str();
        let _ = nace::get(s);
        let _ = nace::normalize(s);
        let _ = nace::is_under(s, s);
        let _ = nace::is_under("25.11", s);
        let _ = nace::ancestors(s);
        let _ = nace::at_level(s, NaceLevel::Division);
        let _ = regions::get(s);
        let _ = regions::is_under(s, s);
        let _ = regions::in_country(s, s);
        let _ = regions::voivodeship(s);
        let _ = countries::get(s);
        let _ = languages::get(s);
        let _ = languages::is_working(s);
        let c = nace::get("25.11").unwrap();
        let _ = (c.title(s), c.has_title(s));
        let _ = regions::get("PL84").unwrap().name(s);
        let _ = countries::get("PL").unwrap().name(s);
        let _ = languages::get("pl").unwrap().name(s);
    }
}

// ---------------------------------------------------------------- NACE

#[test]
fn nace_counts() {
    let all = nace::all();
    assert_eq!(all.len(), 996);
    let n = |l| all.iter().filter(|c| c.level == l).count();
    assert_eq!(n(NaceLevel::Section), 21);
    assert_eq!(n(NaceLevel::Division), 88);
    assert_eq!(n(NaceLevel::Group), 272);
    assert_eq!(n(NaceLevel::Class), 615);
    assert_eq!(all[0].code, "A");
    assert_eq!(all[1].code, "01");
    assert_eq!(all.last().unwrap().code, "99.00");
}

#[test]
fn nace_structure_consistent() {
    for c in nace::all() {
        for lang in ["en", "pl", "de", "it", "ru", "cs", "hu", "ro", "bg"] {
            assert!(!c.title(lang).is_empty(), "{} {lang}", c.code);
        }
        match c.level {
            NaceLevel::Section => assert_eq!(c.parent, None),
            _ => {
                let p = nace::get(c.parent.unwrap()).unwrap();
                assert_eq!(p.level.depth(), c.level.depth() - 1);
                assert_eq!(p.section, c.section);
                assert!(p.children().any(|x| x.code == c.code));
            }
        }
        assert_eq!(nace::normalize(c.code), Some(c.code));
        assert_eq!(nace::ancestors(c.code).len(), c.level.depth() as usize);
        assert!(nace::is_under(c.code, c.section));
    }
}

#[test]
fn nace_titles() {
    let c = nace::get("25.11").unwrap();
    assert_eq!(
        c.title("en"),
        "Manufacture of metal structures and parts of structures"
    );
    assert_eq!(
        c.title("pl"),
        "Produkcja konstrukcji metalowych i ich części"
    );
    assert_eq!(c.title("cs"), "Výroba kovových konstrukcí a jejich dílů");
    assert_eq!(c.title("PL-pl"), c.title("pl"));
    assert_eq!(
        nace::get("C").unwrap().title("pl"),
        "PRZETWÓRSTWO PRZEMYSŁOWE"
    );
    assert_eq!(
        nace::get("C").unwrap().title("ru"),
        "ОБРАБАТЫВАЮЩАЯ ПРОМЫШЛЕННОСТЬ"
    );
    // No Belarusian/Ukrainian/French titles: English fallback.
    assert!(!c.has_title("be") && !c.has_title("uk") && !c.has_title("fr"));
    assert_eq!(c.title("be"), c.title("en"));
    assert_eq!(c.title("uk"), c.title("en"));
    assert_eq!(c.title("fr"), c.title("en"));
    assert_eq!(c.title(""), c.title("en"));
    for l in ["en", "pl", "de", "it", "ru", "cs", "hu", "ro", "bg"] {
        assert!(c.has_title(l), "{l}");
    }
}

#[test]
fn nace_romanian_comma_below() {
    for c in nace::all() {
        let t = c.title("ro");
        assert!(!t.contains(['ş', 'ţ', 'Ş', 'Ţ']), "{}: {t}", c.code);
    }
    assert_eq!(
        nace::get("A").unwrap().title("ro"),
        "AGRICULTURĂ, SILVICULTURĂ ȘI PESCUIT"
    );
    assert_eq!(
        nace::get("25.11").unwrap().title("ro"),
        "Fabricarea de construcții metalice și părți componente ale structurilor metalice"
    );
}

#[test]
fn nace_czech_13_10_fallback() {
    let c = nace::get("13.10").unwrap();
    assert!(!c.has_title("cs"));
    assert_eq!(c.title("cs"), "Preparation and spinning of textile fibres");
    assert_eq!(c.title("cs"), c.title("en"));
    // The only gap among the 9 languages.
    let gaps: Vec<_> = nace::all()
        .iter()
        .flat_map(|c| {
            ["en", "pl", "de", "it", "ru", "cs", "hu", "ro", "bg"]
                .into_iter()
                .filter(move |l| !c.has_title(l))
                .map(move |l| (c.code, l))
        })
        .collect();
    assert_eq!(gaps, vec![("13.10", "cs")]);
}

#[test]
fn nace_lenient_parsing() {
    let cases = [
        ("25.11", Some("25.11")),
        ("2511", Some("25.11")),
        ("25.1", Some("25.1")),
        ("251", Some("25.1")),
        ("25", Some("25")),
        ("C", Some("C")),
        ("c", Some("C")),
        (" 25.11 ", Some("25.11")),
        ("\t25.11\n", Some("25.11")),
        ("25.11.Z", Some("25.11")),
        ("25.11.z", Some("25.11")),
        ("2511Z", Some("25.11")),
        ("01.11.Z", Some("01.11")),
        ("C25.11", Some("25.11")),
        ("C 25.11", Some("25.11")),
        ("c.25", Some("25")),
        ("A25.11", None), // section letter must match
        ("1.11", Some("01.11")),
        ("1", Some("01")),
        ("01", Some("01")),
        ("25.50", Some("25.50")),
        ("2550", Some("25.50")),
        ("25.5", Some("25.5")),
        ("99.00", Some("99.00")),
        ("25.19", None), // does not exist
        ("00", None),
        ("25.", None),
        ("25.1.1", None),
        ("25111", None),
        ("Z", None),
        ("CC", None),
        ("", None),
        ("  ", None),
        ("2 5", None),
    ];
    for (input, want) in cases {
        assert_eq!(nace::normalize(input), want, "input {input:?}");
    }
}

#[test]
fn nace_hierarchy() {
    for p in ["25.11", "25.1", "25", "C", "c", "2511", "251"] {
        assert!(nace::is_under("25.11", p), "{p}");
    }
    assert!(!nace::is_under("25.11", "25.2"));
    assert!(!nace::is_under("25.11", "24"));
    assert!(!nace::is_under("25.11", "B"));
    assert!(!nace::is_under("25", "25.11"));
    assert!(!nace::is_under("25.19", "25"));
    assert!(!nace::is_under("25.11", ""));

    let chain: Vec<_> = nace::ancestors("25.11").iter().map(|c| c.code).collect();
    assert_eq!(chain, ["25.11", "25.1", "25", "C"]);
    assert!(nace::ancestors("nope").is_empty());

    assert_eq!(
        nace::at_level("25.11", NaceLevel::Division).unwrap().code,
        "25"
    );
    assert_eq!(
        nace::at_level("25.11", NaceLevel::Group).unwrap().code,
        "25.1"
    );
    assert_eq!(
        nace::at_level("25.11", NaceLevel::Section).unwrap().code,
        "C"
    );
    assert_eq!(
        nace::at_level("25.11", NaceLevel::Class).unwrap().code,
        "25.11"
    );
    assert_eq!(nace::at_level("25", NaceLevel::Class), None);

    let kids: Vec<_> = nace::get("25.1")
        .unwrap()
        .children()
        .map(|c| c.code)
        .collect();
    assert_eq!(kids, ["25.11", "25.12"]);
    assert_eq!(nace::get("C").unwrap().children().count(), 24); // divisions 10-33
    assert_eq!(nace::get("25.11").unwrap().children().count(), 0);
}

#[test]
fn nace_serializes() {
    let j = serde_json::to_value(nace::get("25.11").unwrap()).unwrap();
    assert_eq!(
        j,
        serde_json::json!({"code":"25.11","level":"class","parent":"25.1","section":"C"})
    );
}

// ---------------------------------------------------------------- regions

#[test]
fn region_counts() {
    let all = regions::all();
    assert_eq!(all.len(), 1608 + 8);
    let nuts = all
        .iter()
        .filter(|r| r.scheme == RegionScheme::Nuts2021)
        .count();
    assert_eq!(nuts, 1608);
    let by = all.iter().filter(|r| r.country == "BY").count();
    assert_eq!(by, 8);
    let countries: std::collections::BTreeSet<_> = all
        .iter()
        .filter(|r| r.level == 0)
        .map(|r| r.country)
        .collect();
    assert_eq!(countries.len(), 28);
    for eu in countries::eu() {
        assert!(countries.contains(eu.code), "{}", eu.code);
        // Every EU country has NUTS 1 and NUTS 2 regions (besides Extra-Regio).
        for level in [1, 2, 3] {
            assert!(
                all.iter().any(|r| r.country == eu.code
                    && r.level == level
                    && !r.code.ends_with('Z')
                    && r.scheme == RegionScheme::Nuts2021),
                "{} level {level}",
                eu.code
            );
        }
    }
}

#[test]
fn region_structure_consistent() {
    for r in regions::all() {
        assert!(countries::get(r.country).is_some(), "{}", r.code);
        match r.parent {
            None => assert_eq!(r.level, 0),
            Some(p) => {
                let p = regions::get(p).unwrap_or_else(|| panic!("parent of {}", r.code));
                assert_eq!(p.level + 1, r.level);
                assert_eq!(p.country, r.country);
                assert!(regions::is_under(r.code, p.code));
            }
        }
        assert!(!r.national_name().is_empty(), "{}", r.code);
        for l in crate::WORKING_LANGUAGES {
            assert!(!r.name(l).is_empty(), "{} {l}", r.code);
        }
        assert_eq!(regions::get(&r.code.to_lowercase()).unwrap().code, r.code);
        if r.country == "RO" {
            assert!(
                !r.national_name().contains(['ş', 'ţ', 'Ş', 'Ţ']),
                "{}",
                r.code
            );
        }
    }
}

#[test]
fn region_poland() {
    let pl3 = [
        "PL213", "PL214", "PL217", "PL218", "PL219", "PL21A", "PL224", "PL225", "PL227", "PL228",
        "PL229", "PL22A", "PL22B", "PL22C", "PL411", "PL414", "PL415", "PL416", "PL417", "PL418",
        "PL424", "PL426", "PL427", "PL428", "PL431", "PL432", "PL514", "PL515", "PL516", "PL517",
        "PL518", "PL523", "PL524", "PL613", "PL616", "PL617", "PL618", "PL619", "PL621", "PL622",
        "PL623", "PL633", "PL634", "PL636", "PL637", "PL638", "PL711", "PL712", "PL713", "PL714",
        "PL715", "PL721", "PL722", "PL811", "PL812", "PL814", "PL815", "PL821", "PL822", "PL823",
        "PL824", "PL841", "PL842", "PL843", "PL911", "PL912", "PL913", "PL921", "PL922", "PL923",
        "PL924", "PL925", "PL926",
    ];
    for c in pl3 {
        let r = regions::get(c).unwrap_or_else(|| panic!("{c}"));
        assert_eq!((r.level, r.country), (3, "PL"));
        assert!(regions::voivodeship(c).is_some(), "{c}");
    }
    let pl_nuts3 = regions::all()
        .iter()
        .filter(|r| r.country == "PL" && r.level == 3 && !r.code.ends_with('Z'))
        .count();
    assert_eq!(pl_nuts3, pl3.len());

    let r = regions::get("PL841").unwrap();
    assert_eq!(r.name("pl"), "Białostocki");
    assert_eq!(r.name("en"), "Białostocki");
    assert_eq!(r.parent, Some("PL84"));
    for p in ["PL841", "PL84", "PL8", "PL", "pl84", " PL8 "] {
        assert!(regions::is_under("PL841", p), "{p}");
    }
    assert!(!regions::is_under("PL841", "PL9"));
    assert!(!regions::is_under("PL84", "PL841"));
    assert!(!regions::is_under("PL841", "DE"));
    assert!(!regions::is_under("PL841", "XX"));

    let podlaskie = regions::get("PL84").unwrap();
    assert_eq!(podlaskie.national_name(), "Podlaskie");
    assert_eq!(podlaskie.name("en"), "Podlachia");
    assert_eq!(podlaskie.name("de"), "Woiwodschaft Podlachien");
    assert_eq!(podlaskie.name("ru"), "Подляское воеводство");
    // PL91/PL92 are halves of Mazowieckie: national names, not the voivodeship's.
    assert_eq!(
        regions::get("PL91").unwrap().name("en"),
        "Warszawski stołeczny"
    );

    let maz = regions::voivodeship("PL-14").unwrap();
    assert_eq!((maz.teryt, maz.nuts2), ("14", &["PL91", "PL92"][..]));
    assert_eq!(regions::voivodeship("PL911"), Some(maz));
    assert_eq!(regions::voivodeship("PL92"), Some(maz));
    assert_eq!(regions::voivodeship("PL9"), Some(maz));
    assert_eq!(regions::voivodeship("14"), Some(maz));
    assert_eq!(regions::voivodeship("Mazowieckie"), Some(maz));
    assert_eq!(maz.name("it"), "voivodato della Masovia");
    assert_eq!(regions::voivodeship("PL8"), None);
    assert_eq!(regions::voivodeship("PL"), None);
    assert_eq!(regions::voivodeship("DE1"), None);
    assert_eq!(regions::voivodeship("02").unwrap().nuts2, ["PL51"]);
    assert_eq!(regions::voivodeships().len(), 16);
}

#[test]
fn region_other_countries() {
    let el = regions::get("EL30").unwrap();
    assert_eq!(el.country, "GR");
    assert!(regions::in_country("EL30", "GR"));
    assert!(regions::in_country("EL30", "el"));
    assert!(regions::is_under("EL30", "GR"));
    assert_eq!(regions::get("gr").unwrap().code, "EL");
    assert!(regions::in_country("DE111", "de"));
    assert!(!regions::in_country("DE111", "AT"));
    assert!(!regions::in_country("DE111", "XX"));

    let bg = regions::get("BG311").unwrap();
    assert_eq!(bg.national_name(), "Видин");
    assert_eq!(bg.name("en"), "Vidin");
    assert_eq!(bg.name("pl"), "Vidin");
    assert_eq!(bg.name("bg"), "Видин");
    assert_eq!(regions::get("RO122").unwrap().name("en"), "Brașov");

    let pl = regions::get("PL").unwrap();
    assert_eq!(pl.name("en"), "Poland");
    assert_eq!(pl.name("ru"), "Польша");
    assert_eq!(pl.national_name(), "Polska");
    assert_eq!(pl.name("fr"), "Poland");
    assert_eq!(regions::get("EL").unwrap().name("de"), "Griechenland");
}

#[test]
fn region_belarus() {
    let by = regions::get("by").unwrap();
    assert_eq!(
        (by.level, by.parent, by.scheme),
        (0, None, RegionScheme::Iso3166_2)
    );
    assert_eq!(by.name("en"), "Belarus");
    assert_eq!(by.national_name(), "Беларусь");
    let codes = [
        "BY-BR", "BY-HO", "BY-HR", "BY-MA", "BY-MI", "BY-HM", "BY-VI",
    ];
    for c in codes {
        let r = regions::get(c).unwrap();
        assert_eq!((r.level, r.parent, r.country), (1, Some("BY"), "BY"));
        assert!(regions::is_under(c, "BY"));
        assert!(regions::in_country(c, "by"));
        assert!(!regions::is_under(c, "PL"));
    }
    let hr = regions::get(" by-hr ").unwrap();
    assert_eq!(hr.name("en"), "Grodno Region");
    assert_eq!(hr.name("pl"), "obwód grodzieński");
    assert_eq!(hr.name("ru"), "Гродненская область");
    assert_eq!(hr.name("be"), "Гродзенская вобласць");
    assert_eq!(hr.national_name(), "Гродзенская вобласць");
    assert_eq!(hr.name("fr"), "Grodno Region");
    assert_eq!(regions::get("BY-HM").unwrap().name("pl"), "Mińsk");
}

// ---------------------------------------------------------------- countries

#[test]
fn countries_table() {
    let all = countries::all();
    // 249 officially assigned ISO 3166-1 codes + XK.
    assert_eq!(all.len(), 250);
    for bad in ["EU", "EZ", "UN", "QO", "ZZ", "AC", "IC", "XA"] {
        assert!(countries::get(bad).is_none(), "{bad}");
    }
    assert_eq!(countries::get("PL").unwrap().name("ru"), "Польша");
    assert_eq!(countries::get("pl").unwrap().name("pl"), "Polska");
    assert_eq!(countries::get(" de ").unwrap().name("de"), "Deutschland");
    assert_eq!(countries::get("BY").unwrap().name("be"), "Беларусь");
    assert_eq!(countries::get("PL").unwrap().name("xx"), "Poland");
    assert_eq!(countries::get("EL").unwrap().code, "GR");
    assert_eq!(countries::get("uk").unwrap().code, "GB");
    assert_eq!(countries::get("XK").unwrap().name("en"), "Kosovo");
    assert_eq!(countries::eu().count(), 27);
    assert!(countries::get("PL").unwrap().is_eu());
    assert!(!countries::get("BY").unwrap().is_eu());
    assert!(!countries::get("GB").unwrap().is_eu());
    assert!(countries::get("POL").is_none());
    for c in all {
        assert_eq!(c.code.len(), 2);
        for l in crate::WORKING_LANGUAGES {
            assert!(!c.name(l).is_empty(), "{} {l}", c.code);
        }
    }
}

// ---------------------------------------------------------------- languages

#[test]
fn languages_table() {
    assert_eq!(languages::all().len(), 184);
    let pl = languages::get("pl").unwrap();
    assert_eq!(pl.name_en, "Polish");
    assert_eq!(pl.name("pl"), "polski");
    assert_eq!(pl.name("de"), "Polnisch");
    assert_eq!(pl.name("ru"), "польский");
    assert_eq!(pl.name("fr"), "Polish");
    for tag in ["pl-PL", "PL", " pl_pl ", "pl-Latn-PL"] {
        assert_eq!(languages::get(tag).unwrap().code, "pl", "{tag}");
    }
    assert_eq!(languages::get("be").unwrap().name("be"), "беларуская");
    assert_eq!(languages::get("uk").unwrap().name("uk"), "українська");
    let fr = languages::get("fr").unwrap();
    assert_eq!((fr.name_en, fr.name("pl")), ("French", "French"));
    assert!(languages::get("pol").is_none());
    assert!(languages::get("xx").is_none());
    assert!(languages::get("").is_none());

    for l in crate::WORKING_LANGUAGES {
        assert!(languages::is_working(l));
        let lang = languages::get(l).unwrap();
        assert!(lang.is_working());
        assert_eq!(lang.name("en"), lang.name_en);
        for in_l in crate::WORKING_LANGUAGES {
            assert!(!lang.name(in_l).is_empty(), "{l} in {in_l}");
        }
    }
    assert!(languages::is_working("pl-PL"));
    assert!(languages::is_working("UK"));
    assert!(!languages::is_working("fr"));
    assert!(!languages::is_working(""));
}

#[test]
fn versions_and_size() {
    assert_eq!(VERSIONS.len(), 4);
    let size = embedded_size();
    assert!(size < 800_000, "{size}");
}
