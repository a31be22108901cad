//! The UI's Fluent catalogues (`locales/<lang>/ui.ftl`), compiled into the binary.
//!
//! Messages are plain text: templates escape them like any other value, so a catalogue can
//! never inject markup.

use std::borrow::Borrow;
use std::collections::HashMap;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, langid, static_loader};
use klaster_translate::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments would end up as invisible characters in
        // titles and form values; the three UI languages are all written left to right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// What a message missing from every catalogue shows: visible on the page (and searched
/// for by the tests) rather than silently empty.
pub const MISSING_OPEN: char = '⟦';

fn langid_of(lang: Lang) -> LanguageIdentifier {
    match lang {
        Lang::Pl => langid!("pl"),
        Lang::Ru => langid!("ru"),
        _ => langid!("en"),
    }
}

fn text_args<'a>(args: &[(&'a str, &'a str)]) -> HashMap<&'a str, FluentValue<'a>> {
    args.iter()
        .map(|(k, v)| (*k, FluentValue::from(*v)))
        .collect()
}

/// Messages in one UI language, with English for a message that language lacks.
#[derive(Debug, Clone, Copy)]
pub struct Tr {
    lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// A message with `$count` (plural forms: Polish and Russian one/few/many). Takes the
    /// count by value or by reference (templates pass fields by reference).
    pub fn n(&self, key: &str, count: impl Borrow<usize>) -> String {
        let args = HashMap::from([("count", FluentValue::from(*count.borrow()))]);
        self.lookup(key, Some(&args))
    }

    /// A message with text arguments.
    pub fn a(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.lookup(key, Some(&text_args(args)))
    }

    /// A message with `$count` to choose the plural form and text arguments (the count
    /// itself written for the language among them, where the message shows it).
    pub fn na(&self, key: &str, count: usize, args: &[(&str, &str)]) -> String {
        let mut args = text_args(args);
        args.insert("count", FluentValue::from(count));
        self.lookup(key, Some(&args))
    }

    fn lookup(&self, key: &str, args: Option<&HashMap<&str, FluentValue<'_>>>) -> String {
        LOCALES
            .lookup_single_language(&langid_of(self.lang), key, args)
            .or_else(|e| {
                tracing::warn!(lang = %self.lang, key, error = %e, "UI message missing");
                LOCALES.lookup_single_language(&langid!("en"), key, args)
            })
            .unwrap_or_else(|_| format!("{MISSING_OPEN}{key}⟧"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let n = |l, c| Tr::new(l).n("search-total", c);
        assert_eq!(n(Lang::Pl, 1), "Znaleziono 1 ofertę");
        assert_eq!(n(Lang::Pl, 3), "Znaleziono 3 oferty");
        assert_eq!(n(Lang::Pl, 5), "Znaleziono 5 ofert");
        assert_eq!(n(Lang::Pl, 22), "Znaleziono 22 oferty");
        assert_eq!(n(Lang::Pl, 12), "Znaleziono 12 ofert");
        assert_eq!(n(Lang::Ru, 21), "Найдено 21 предложение");
        assert_eq!(n(Lang::Ru, 3), "Найдено 3 предложения");
        assert_eq!(n(Lang::Ru, 11), "Найдено 11 предложений");
        assert_eq!(n(Lang::En, 1), "1 offer found");
        assert_eq!(n(Lang::En, 2), "2 offers found");
    }

    #[test]
    fn missing_messages_are_visible_and_arguments_are_plain() {
        assert_eq!(Tr::new(Lang::Ru).t("no-such-message"), "⟦no-such-message⟧");
        let s = Tr::new(Lang::En).a("original-language", &[("language", "<b>{ $x }</b>")]);
        assert_eq!(s, "original language: <b>{ $x }</b>");
    }
}
