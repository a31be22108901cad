//! Language detection restricted to the working languages.
//!
//! With the default `lingua` feature: lingua with only the 11 needed language models (100 % on
//! the 77 short business texts in `tests/data/`, whatlang 88 %: it confuses ru/bg/be and misses
//! two-word English titles). Without it, the `whatlang` feature gives a much smaller build.
//! The author confirms the detected language, so this only has to propose a good default.

use crate::lang::Lang;

/// Only this many characters are looked at: enough for any language, bounded cost.
const MAX_CHARS: usize = 1_000;

#[cfg(feature = "lingua")]
mod backend {
    use std::sync::LazyLock;

    use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

    use crate::lang::Lang;

    pub const NAME: &str = "lingua";

    fn to_lingua(l: Lang) -> Language {
        match l {
            Lang::Pl => Language::Polish,
            Lang::En => Language::English,
            Lang::De => Language::German,
            Lang::Ru => Language::Russian,
            Lang::It => Language::Italian,
            Lang::Be => Language::Belarusian,
            Lang::Uk => Language::Ukrainian,
            Lang::Cs => Language::Czech,
            Lang::Hu => Language::Hungarian,
            Lang::Ro => Language::Romanian,
            Lang::Bg => Language::Bulgarian,
        }
    }

    static DETECTOR: LazyLock<LanguageDetector> = LazyLock::new(|| {
        let langs: Vec<Language> = Lang::ALL.into_iter().map(to_lingua).collect();
        LanguageDetectorBuilder::from_languages(&langs).build()
    });

    pub fn detect(text: &str) -> Option<(Lang, f64)> {
        DETECTOR
            .compute_language_confidence_values(text)
            .into_iter()
            .find_map(|(l, c)| {
                let lang = Lang::ALL.into_iter().find(|&w| to_lingua(w) == l)?;
                Some((lang, c))
            })
    }
}

#[cfg(all(feature = "whatlang", not(feature = "lingua")))]
mod backend {
    use std::sync::LazyLock;

    use whatlang::{Detector, Lang as W};

    use crate::lang::Lang;

    pub const NAME: &str = "whatlang";

    fn to_whatlang(l: Lang) -> W {
        match l {
            Lang::Pl => W::Pol,
            Lang::En => W::Eng,
            Lang::De => W::Deu,
            Lang::Ru => W::Rus,
            Lang::It => W::Ita,
            Lang::Be => W::Bel,
            Lang::Uk => W::Ukr,
            Lang::Cs => W::Ces,
            Lang::Hu => W::Hun,
            Lang::Ro => W::Ron,
            Lang::Bg => W::Bul,
        }
    }

    static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
        Detector::with_allowlist(Lang::ALL.into_iter().map(to_whatlang).collect())
    });

    pub fn detect(text: &str) -> Option<(Lang, f64)> {
        let info = DETECTOR.detect(text)?;
        let lang = Lang::ALL
            .into_iter()
            .find(|&l| to_whatlang(l) == info.lang())?;
        Some((lang, info.confidence()))
    }
}

#[cfg(not(any(feature = "lingua", feature = "whatlang")))]
mod backend {
    use crate::lang::Lang;

    pub const NAME: &str = "none";

    /// Built without a detector: the author picks the language.
    pub fn detect(_: &str) -> Option<(Lang, f64)> {
        None
    }
}

/// The detector compiled in: "lingua", "whatlang" or "none".
pub const DETECTOR: &str = backend::NAME;

/// The most likely working language of `text` and the detector's confidence in it (0..=1).
/// `None` when the text has no letters or the detector cannot tell.
pub fn detect(text: &str) -> Option<(Lang, f64)> {
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let text = &text[..end];
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    backend::detect(text)
}

/// Loads the language models now instead of on the first request.
pub fn warm_up() {
    for l in Lang::ALL {
        let _ = detect(sample(l));
    }
}

fn sample(l: Lang) -> &'static str {
    match l {
        Lang::Pl => "Szukamy partnera.",
        Lang::En => "We are looking for a partner.",
        Lang::De => "Wir suchen einen Partner.",
        Lang::Ru => "Мы ищем партнёра.",
        Lang::It => "Cerchiamo un partner.",
        Lang::Be => "Мы шукаем партнёра.",
        Lang::Uk => "Ми шукаємо партнера.",
        Lang::Cs => "Hledáme partnera.",
        Lang::Hu => "Partnert keresünk.",
        Lang::Ro => "Căutăm un partener.",
        Lang::Bg => "Търсим партньор.",
    }
}

#[cfg(all(test, any(feature = "lingua", feature = "whatlang")))]
mod tests {
    use super::*;

    /// (correct, total) on a `lang<TAB>text` file.
    fn accuracy(data: &str) -> (usize, usize) {
        let rows: Vec<(&str, &str)> = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let mut ok = 0;
        for (lang, text) in &rows {
            let got = detect(text).map(|d| d.0.code());
            if got == Some(*lang) {
                ok += 1;
            } else {
                println!("{DETECTOR} missed {lang} -> {got:?}: {text}");
            }
        }
        (ok, rows.len())
    }

    #[test]
    fn accuracy_on_short_business_texts() {
        let (s_ok, s_n) = accuracy(include_str!("../tests/data/detect_samples.tsv"));
        let (t_ok, t_n) = accuracy(include_str!("../tests/data/detect_short.tsv"));
        println!("{DETECTOR}: sentences {s_ok}/{s_n}, two-word titles {t_ok}/{t_n}");
        assert_eq!(
            (s_n, t_n),
            (55, 22),
            "5 sentences and 2 titles per language"
        );
        // Measured: lingua 55/55 and 22/22; whatlang 52/55 and 16/22.
        let (min_s, min_t) = if DETECTOR == "lingua" {
            (54, 21)
        } else {
            (50, 14)
        };
        assert!(s_ok >= min_s && t_ok >= min_t, "{s_ok}/{s_n}, {t_ok}/{t_n}");
    }

    #[test]
    fn no_letters_no_guess() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("123 456, 7.8 %"), None);
    }

    // whatlang takes "Szukamy partnera do projektu." for Italian and "Szukamy partnera." for
    // Hungarian, so these two hold for lingua only.
    #[cfg(feature = "lingua")]
    #[test]
    fn long_input_is_bounded() {
        let long = "Szukamy partnera do projektu. ".repeat(10_000);
        assert_eq!(detect(&long).map(|d| d.0), Some(Lang::Pl));
    }

    #[cfg(feature = "lingua")]
    #[test]
    fn samples() {
        for l in Lang::ALL {
            let (got, conf) = detect(sample(l)).unwrap();
            assert_eq!(got, l, "{}", sample(l));
            assert!((0.0..=1.0).contains(&conf));
        }
    }
}
