use super::eval::{groups, score};
use super::*;

fn one(lang: Lang, w: &str) -> String {
    analyze(lang, w).join(" ")
}

#[test]
fn polish_inflections_meet() {
    let w = one(Lang::Pl, "współpraca");
    assert_eq!(one(Lang::Pl, "współpracy"), w);
    assert_eq!(one(Lang::Pl, "współpracę"), w);
    assert_eq!(one(Lang::Pl, "obróbka"), one(Lang::Pl, "obróbki"));
    // typed without diacritics
    assert_eq!(one(Lang::Pl, "wspolpracy"), w);
}

#[test]
fn stop_words_are_dropped_and_case_folded() {
    assert_eq!(
        analyze(Lang::Pl, "Oferta dla firm"),
        analyze(Lang::Pl, "oferta firm")
    );
    assert_eq!(
        analyze(Lang::En, "The Cluster"),
        vec!["cluster".to_string()]
    );
    assert!(analyze(Lang::De, "und der die").is_empty());
}

#[test]
fn cyrillic_is_not_transliterated_by_folding() {
    let t = one(Lang::Ru, "кластеры");
    assert!(t.starts_with("кластер"), "{t}");
    assert_eq!(one(Lang::Ru, "ёлка"), one(Lang::Ru, "елка"));
}

#[test]
fn romanian_cedilla_and_comma_letters_meet() {
    assert_eq!(one(Lang::Ro, "maşină"), one(Lang::Ro, "mașină"));
}

#[test]
fn chosen_analysis_beats_plain_lowercase_in_every_language() {
    for lang in Lang::ALL {
        assert!(!groups(lang).is_empty());
        let plain = score(lang, Stemming::None);
        let chosen = score(lang, Stemming::for_lang(lang));
        assert!(
            chosen.recall() > plain.recall(),
            "{lang}: chosen {chosen:?} vs plain {plain:?}"
        );
        // Thresholds a little under the measured values (see README), to catch regressions.
        assert!(chosen.recall() >= 0.5, "{lang}: {chosen:?}");
        assert_eq!(chosen.collisions, 0, "{lang}: {chosen:?}");
    }
}

#[test]
fn odd_input_does_not_panic() {
    for lang in Lang::ALL {
        for s in [
            "",
            "   ",
            "\u{0}",
            "😀😀",
            "a\u{301}",
            &"ż".repeat(500),
            "<script>",
        ] {
            let _ = analyze(lang, s);
        }
    }
}
