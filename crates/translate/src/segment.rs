//! Splitting text into segments (sentences and lines) and normalising them for lookups.
//!
//! Rule-based on purpose: offers are short, written in eleven languages, and a wrong split only
//! costs a missed memory match, never a wrong translation.

/// A piece of the source text: `core` is the sentence, `trailing` the whitespace after it.
/// Concatenating `core + trailing` over all pieces gives back the input exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub core: &'a str,
    pub trailing: &'a str,
}

/// Words after which a period does not end a sentence even when a capital follows
/// ("ul. Długa", "Dr. Meyer", "z o.o. Kraków"). Compared lower-case, without the period.
const ABBREVIATIONS: &[&str] = &[
    "np", "ul", "al", "pl", "nr", "tel", "ok", "godz", "tzw", "wg", "dr", "inż", "mgr", "prof",
    "sp", "o.o", "z.o.o", "ca", "approx", "e.g", "i.e", "etc", "no", "mr", "mrs", "st", "vs",
    "bzw", "z.b", "usw", "str", "evtl", "inkl", "ggf", "ing", "sig", "ecc", "tj", "resp", "č",
    "např", "kb", "ст", "г", "ул", "т.е", "т.д", "напр", "вул", "бул", "гр", "тел", "тыс", "тис",
    "ш", "ж", "нр",
];

/// Splits `text` into sentences and lines. Line breaks always end a segment (lists, one field
/// per line); `.`, `!`, `?`, `…`, `;` end one when whitespace and then an upper-case letter, a digit
/// or an opening quote follow, unless the word before is a known abbreviation or one letter.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let lead_len = text.len() - text.trim_start().len();
    if lead_len > 0 {
        out.push(Piece {
            core: "",
            trailing: &text[..lead_len],
        });
    }
    let mut start = lead_len;
    let mut iter = text[lead_len..].char_indices().peekable();
    while let Some((rel, c)) = iter.next() {
        let i = lead_len + rel;
        let end_here = match c {
            '\n' | '\r' => true,
            '.' | '!' | '?' | '…' | ';' => {
                let after = i + c.len_utf8();
                let rest = &text[after..];
                let ws_then = rest.trim_start_matches([' ', '\t', '\u{a0}']);
                if rest.is_empty() || ws_then.len() == rest.len() {
                    // No whitespace after: "1.5", "www.x.pl", or the very end.
                    false
                } else {
                    let next = ws_then.chars().next();
                    let starts_sentence = next.is_some_and(|n| {
                        n.is_uppercase() || n.is_ascii_digit() || "\"„«“‚'(-–•*".contains(n)
                    }) || next.is_some_and(|n| n == '\n' || n == '\r');
                    starts_sentence && !(c == '.' && is_abbreviation(&text[start..i]))
                }
            }
            _ => false,
        };
        if !end_here {
            continue;
        }
        // The segment ends after this character (a line break belongs to the trailing part).
        let core_end = if c == '\n' || c == '\r' {
            i
        } else {
            i + c.len_utf8()
        };
        let after_ws = text[core_end..].trim_start();
        let trail_end = text.len() - after_ws.len();
        let core = text[start..core_end].trim_end();
        out.push(Piece {
            core,
            trailing: &text[start + core.len()..trail_end],
        });
        start = trail_end;
        while iter.peek().is_some_and(|(r, _)| lead_len + r < trail_end) {
            iter.next();
        }
    }
    if start < text.len() {
        let rest = &text[start..];
        let core = rest.trim_end();
        out.push(Piece {
            core,
            trailing: &rest[core.len()..],
        });
    }
    out
}

fn is_abbreviation(sentence: &str) -> bool {
    let word = sentence
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let char_count = word.chars().count();
    if char_count == 1 && word.chars().all(char::is_alphabetic) {
        return true; // an initial: "J. Kowalski"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// The form used as a lookup key: trimmed, inner whitespace collapsed to one space, lower case,
/// typographic apostrophes unified, and trailing `.:;!?…` dropped (a label "Termin:" and a
/// phrase "Termin." are the same term).
pub fn normalize(s: &str) -> String {
    let trimmed = s
        .trim()
        .trim_end_matches(|c: char| ".:;!?…".contains(c) || c.is_whitespace());
    let mut out = String::with_capacity(trimmed.len());
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        let c = match c {
            '’' | '‘' | 'ʼ' => '\'',
            other => other,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// The punctuation at the end of `s` that [`normalize`] drops ("." / ":" / "…"), so it can be
/// put back after a looked-up translation.
pub fn trailing_punct(s: &str) -> &str {
    let t = s.trim_end();
    let kept = t.trim_end_matches(|c: char| ".:;!?…".contains(c));
    &t[kept.len()..]
}

/// Gives `target` an upper-case first letter when `source` has one (sentence start), leaving
/// the rest alone (German nouns stay capitalised either way).
pub fn match_case(source: &str, target: &str) -> String {
    let src_upper = source
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    let mut chars = target.chars();
    match chars.next() {
        Some(first) if src_upper => first.to_uppercase().chain(chars).collect(),
        _ => target.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cores(text: &str) -> Vec<&str> {
        split(text).iter().map(|p| p.core).collect()
    }

    fn roundtrip(text: &str) {
        let joined: String = split(text)
            .iter()
            .flat_map(|p| [p.core, p.trailing])
            .collect();
        assert_eq!(joined, text, "split must not lose or add text");
    }

    #[test]
    fn sentences_and_lines() {
        let t = "Szukamy podwykonawcy. Termin: 30 dni!\nIlość: 500 szt.\n\n  Rysunki w załączeniu.";
        assert_eq!(
            cores(t),
            vec![
                "Szukamy podwykonawcy.",
                "Termin: 30 dni!",
                "Ilość: 500 szt.",
                "Rysunki w załączeniu."
            ]
        );
        roundtrip(t);
    }

    #[test]
    fn abbreviations_numbers_and_urls_do_not_split() {
        assert_eq!(
            cores("Firma ABC sp. z o.o. Kraków"),
            vec!["Firma ABC sp. z o.o. Kraków"]
        );
        assert_eq!(
            cores("Kontakt: ul. Długa 5, tel. 123"),
            vec!["Kontakt: ul. Długa 5, tel. 123"]
        );
        assert_eq!(
            cores("Tolerancja 0.5 mm. Patrz www.example.pl"),
            vec!["Tolerancja 0.5 mm.", "Patrz www.example.pl"]
        );
        assert_eq!(
            cores("J. Kowalski zaprasza."),
            vec!["J. Kowalski zaprasza."]
        );
        assert_eq!(
            cores("z.B. Stahl. Выпуск т.е. сталь."),
            vec!["z.B. Stahl.", "Выпуск т.е. сталь."]
        );
    }

    #[test]
    fn edge_cases_roundtrip() {
        for t in [
            "",
            " ",
            "\n\n",
            "  a",
            "a  ",
            "a.\n",
            "...",
            "?!",
            "Ä. Ö. Ü.",
            "a\r\nb",
            "😀. Ż.",
            "a . B",
            "x.\u{a0}Y",
            "\n a. \n\n B. ",
        ] {
            roundtrip(t);
        }
        assert!(split("").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_roundtrips(s in proptest::prelude::any::<String>()) {
            roundtrip(&s);
        }

        #[test]
        fn sentence_like_text_roundtrips(s in "[a-zA-ZąęŁż0-9 .,:;!?…\n\r\t\u{a0}]{0,80}") {
            roundtrip(&s);
            for p in split(&s) {
                proptest::prop_assert_eq!(p.core, p.core.trim());
            }
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize("  Termin   realizacji: "), "termin realizacji");
        assert_eq!(normalize("Rysunki w ZAŁĄCZENIU."), "rysunki w załączeniu");
        assert_eq!(normalize("It’s fine!"), "it's fine");
        assert_eq!(normalize("...."), "");
        assert_eq!(trailing_punct("Termin: "), ":");
        assert_eq!(trailing_punct("Termin"), "");
        assert_eq!(match_case("Termin", "deadline"), "Deadline");
        assert_eq!(match_case("termin", "Frist"), "Frist");
    }
}
