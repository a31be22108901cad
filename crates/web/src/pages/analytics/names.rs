//! Names of what the engine returns as codes: regions (NUTS, in the UI language), industries
//! (NACE titles) and cluster categories (the shipped ones translated, others as defined).

use std::sync::LazyLock;

use klaster_analytics::{Categories, Level};
use klaster_translate::Lang;

use crate::pages::i18n::Tr;

static DEMO_CATEGORIES: LazyLock<Categories> = LazyLock::new(Categories::demo);

/// `Województwo podlaskie (PL84)` (the name starts a list item or a heading, so with a capital),
/// or the code alone for a region the reference data does not know.
pub fn region(code: &str, lang: Lang) -> String {
    let Some(r) = klaster_refdata::regions::get(code) else {
        return code.to_string();
    };
    let mut chars = r.name(lang.code()).chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{} ({code})", chars.as_str())
}

/// The name of a ranked column: a category's label (the shipped categories in the UI
/// language), an industry's NACE title, else the code.
pub fn column(code: &str, level: Level, cats: Option<&Categories>, tr: &Tr) -> String {
    if level == Level::Category {
        let label = cats.and_then(|c| c.label(code));
        // Translated only where the definition is the shipped one (same code, same label).
        if label.is_some() && label == DEMO_CATEGORIES.label(code) {
            return tr.t(&category_key(code));
        }
        if let Some(l) = label {
            return l.to_string();
        }
    }
    match klaster_refdata::nace::get(code) {
        Some(n) => n.title(tr.lang().code()).to_string(),
        None => code.to_string(),
    }
}

/// The catalogue id of a shipped category's name.
fn category_key(code: &str) -> String {
    format!("an-cat-{}", code.replace('_', "-"))
}

/// Shortened for chart labels.
pub fn short(name: String, max: usize) -> String {
    if name.chars().count() <= max {
        return name;
    }
    name.chars()
        .take(max.saturating_sub(1))
        .chain(std::iter::once('…'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::i18n::MISSING_OPEN;
    use crate::pages::lang::UI_LANGS;

    #[test]
    fn every_shipped_category_has_a_name_in_every_ui_language() {
        for lang in UI_LANGS {
            let tr = Tr::new(lang);
            for c in &DEMO_CATEGORIES.list {
                let name = column(&c.code, Level::Category, Some(&DEMO_CATEGORIES), &tr);
                assert!(!name.contains(MISSING_OPEN), "{lang} {}", c.code);
                if lang == Lang::En {
                    assert_eq!(name, c.label, "English is the shipped label");
                }
            }
        }
        // Another definition under a shipped code keeps its own label.
        let own =
            Categories::parse("category,label,members\ndairy,Milk & cheese,10.5\n", "x").unwrap();
        let tr = Tr::new(Lang::Pl);
        assert_eq!(
            column("dairy", Level::Category, Some(&own), &tr),
            "Milk & cheese"
        );
    }

    #[test]
    fn regions_and_industries_are_named_in_the_ui_language() {
        assert_eq!(region("PL84", Lang::Pl), "Województwo podlaskie (PL84)");
        assert_eq!(region("XX99", Lang::En), "XX99");
        let tr = Tr::new(Lang::Pl);
        assert_eq!(column("ZZ", Level::Industry, None, &tr), "ZZ");
        assert_ne!(column("10.5", Level::Industry, None, &tr), "10.5");
        assert_eq!(short("abcdef".into(), 4), "abc…");
        assert_eq!(short("abc".into(), 4), "abc");
    }
}
