//! Texts that carry their language, and folding for accent-insensitive name search.

use crate::errors::{ValidationErrors, join_path};
use serde::{Deserialize, Serialize};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// A text in one language (ISO 639-1 code, e.g. `pl`, `en`, `ru`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub lang: String,
    pub text: String,
}

impl LocalizedText {
    pub fn new(lang: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            lang: lang.into(),
            text: text.into(),
        }
    }
}

/// The text in `lang`, else the first one (the original). `None` only for an empty list.
pub fn pick<'a>(texts: &'a [LocalizedText], lang: &str) -> Option<&'a LocalizedText> {
    texts
        .iter()
        .find(|t| t.lang == lang)
        .or_else(|| texts.first())
}

/// Validates and normalises a list of texts: a known language (lower-cased), trimmed non-empty
/// text of at most `max_len` characters, and one text per language. Errors go to `field[i].lang`
/// and `field[i].text`.
pub(crate) fn validate_texts(
    field: &str,
    texts: Vec<LocalizedText>,
    max_len: usize,
    errors: &mut ValidationErrors,
) -> Vec<LocalizedText> {
    let mut out: Vec<LocalizedText> = Vec::with_capacity(texts.len());
    for (i, t) in texts.into_iter().enumerate() {
        let path = format!("{field}[{i}]");
        let lang = crate::check::language(&join_path(&path, "lang"), &t.lang, errors);
        let mut ok = lang.is_some();
        if let Some(l) = &lang
            && out.iter().any(|o| &o.lang == l)
        {
            errors.add(
                join_path(&path, "lang"),
                "duplicate_language",
                format!("there is already a text in '{l}'"),
            );
            ok = false;
        }
        let text = t.text.trim().to_string();
        if !crate::check::text(&join_path(&path, "text"), &text, max_len, errors) {
            ok = false;
        }
        if let (true, Some(lang)) = (ok, lang) {
            out.push(LocalizedText { lang, text });
        }
    }
    out
}

/// Folds a string for search: lower case, Latin diacritics removed (`Łódź` -> `lodz`,
/// `Müller` -> `muller`, `ß` -> `ss`), whitespace collapsed. Cyrillic stays Cyrillic, in lower
/// case, and keeps `й` and `ў`, which are letters of their own; only `ё` becomes `е`, as
/// Russian writing itself usually does.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        for l in c.to_lowercase() {
            fold_char(l, &mut out);
        }
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    // Letters with a stroke or ligatures do not decompose under NFD, so map them by hand.
    let special = match c {
        'ł' => "l",
        'đ' => "d",
        'ø' => "o",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        'þ' => "th",
        'ё' => "е",
        'й' | 'ў' | 'ї' => {
            out.push(c);
            return;
        }
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    out.extend(std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_polish_and_german() {
        assert_eq!(fold("  Zakład  Łódź\tŻÓŁĆ "), "zaklad lodz zolc");
        assert_eq!(fold("Müller Straße"), "muller strasse");
        assert_eq!(fold("ŚWIĘTOKRZYSKI"), "swietokrzyski");
    }

    #[test]
    fn keeps_cyrillic_letters() {
        assert_eq!(fold("Минский ЗАВОД"), "минский завод");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Беларусь Ўзбярэжжа"), "беларусь ўзбярэжжа");
    }

    #[test]
    fn pick_prefers_language_then_original() {
        let texts = vec![
            LocalizedText::new("pl", "Klaster"),
            LocalizedText::new("en", "Cluster"),
        ];
        assert_eq!(pick(&texts, "en").map(|t| t.text.as_str()), Some("Cluster"));
        assert_eq!(pick(&texts, "de").map(|t| t.text.as_str()), Some("Klaster"));
        assert_eq!(pick(&[], "de"), None);
    }
}
