//! Light suffix stripping for the working languages that have no Snowball stemmer
//! (Belarusian, Bulgarian). It removes the longest listed inflectional ending (for Bulgarian
//! the postposed article is part of the listed endings), keeps at least three letters of
//! stem, and then drops the soft vowel of -ія/-ия/-ие nouns. It conflates the regular
//! case/number forms that matter for search and leaves stem alternations (к/ц) alone.

use crate::Lang;

const MIN_STEM: usize = 3;

/// Belarusian noun and adjective endings.
const BE: &[&str] = &[
    "амі", "ямі", "ога", "ага", "ому", "аму", "ымі", "імі", "ыя", "ія", "ых", "іх", "ай", "ой",
    "ей", "яй", "ёй", "ею", "ую", "юю", "ая", "яя", "ае", "ое", "ам", "ям", "ах", "ях", "ом", "ем",
    "ым", "ім", "аў", "яў", "оў", "еў", "ы", "і", "а", "я", "у", "ю", "е", "о", "ь", "й",
];

/// Bulgarian endings, with the postposed article fused in ("-ата" = "-а" + "-та"), so that
/// "работа/работата/работи" all lose exactly their ending: stripping the article separately
/// would eat the "-та" of "работа" itself.
const BG: &[&str] = &[
    "ищата",
    "овете",
    "евете",
    "ията",
    "ите",
    "ата",
    "ята",
    "ото",
    "ето",
    "ово",
    "ища",
    "ове",
    "еве",
    "ия",
    "ии",
    "ът",
    "ят",
    "и",
    "а",
    "я",
    "о",
    "е",
    "ь",
    "й",
];

pub fn stem(lang: Lang, word: &str) -> Option<String> {
    let (endings, soft) = match lang {
        Lang::Be => (BE, "і"),
        Lang::Bg => (BG, "и"),
        _ => return None,
    };
    let s = strip(word, endings);
    // Nouns in -ія / -ия, -ие keep that vowel before some endings and not before others
    // ("кампаніі" / "кампанія", "решението" / "решения"): drop it after an ending went.
    if s.len() < word.len()
        && s.chars().count() > MIN_STEM
        && let Some(t) = s.strip_suffix(soft)
    {
        return Some(t.to_string());
    }
    Some(s)
}

/// Removes the longest listed ending that leaves at least `MIN_STEM` letters.
fn strip(word: &str, endings: &[&str]) -> String {
    let len = word.chars().count();
    let best = endings
        .iter()
        .map(|e| (e, e.chars().count()))
        .filter(|(e, n)| len >= MIN_STEM + n && word.ends_with(**e))
        .max_by_key(|(_, n)| *n);
    match best {
        Some((e, _)) => word[..word.len() - e.len()].to_string(),
        None => word.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_words_and_strips_endings() {
        assert_eq!(stem(Lang::Bg, "фирмата").unwrap(), "фирм");
        assert_eq!(stem(Lang::Bg, "фирми").unwrap(), "фирм");
        assert_eq!(
            stem(Lang::Bg, "работа").unwrap(),
            stem(Lang::Bg, "работата").unwrap()
        );
        assert_eq!(stem(Lang::Be, "прадпрыемствы").unwrap(), "прадпрыемств");
        assert_eq!(stem(Lang::Be, "ліха").unwrap(), "ліх");
        assert_eq!(stem(Lang::Be, "ад").unwrap(), "ад");
        assert_eq!(stem(Lang::Pl, "x"), None);
    }
}
