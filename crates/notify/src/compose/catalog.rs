//! The Fluent catalogues (`locales/<lang>/mail.ftl`), compiled into the binary.

use std::collections::HashMap;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, langid, static_loader};
use klaster_refdata::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Mail text is plain: Unicode isolation marks around every argument would reach the
        // reader as invisible junk (and break copy-pasted addresses). Every catalogue language
        // is written left to right, so nothing needs isolating.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages that have a catalogue; mail to anyone else is written in English.
pub const CATALOGUE_LANGS: [Lang; 4] = [Lang::En, Lang::Pl, Lang::De, Lang::Ru];

/// The language a mail for a reader of `lang` is written in.
pub fn catalogue_lang(lang: Lang) -> Lang {
    if CATALOGUE_LANGS.contains(&lang) {
        lang
    } else {
        Lang::En
    }
}

fn langid_of(lang: Lang) -> LanguageIdentifier {
    match catalogue_lang(lang) {
        Lang::Pl => langid!("pl"),
        Lang::De => langid!("de"),
        Lang::Ru => langid!("ru"),
        _ => langid!("en"),
    }
}

/// Looks messages up in one language and keeps a list of what went wrong (a missing message,
/// an unknown argument) instead of failing: a notification with one English line is better
/// than none. Tests assert that the list stays empty.
pub(crate) struct Tr {
    lang: Lang,
    id: LanguageIdentifier,
    problems: Vec<String>,
}

pub(crate) type Args<'a> = [(&'a str, FluentValue<'a>)];

impl Tr {
    pub fn new(reader: Lang) -> Self {
        Self {
            lang: catalogue_lang(reader),
            id: langid_of(reader),
            problems: Vec::new(),
        }
    }

    /// The language the text comes out in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn get(&mut self, key: &str) -> String {
        self.with(key, &[])
    }

    pub fn with(&mut self, key: &str, args: &Args<'_>) -> String {
        let args: HashMap<&str, FluentValue<'_>> = args.iter().cloned().collect();
        match LOCALES.lookup_single_language(&self.id, key, Some(&args)) {
            Ok(text) => text,
            Err(e) => {
                self.problems.push(format!("{}: {key}: {e}", self.lang));
                // English is complete (tested); the key itself is the last resort.
                LOCALES
                    .lookup_single_language(&langid!("en"), key, Some(&args))
                    .unwrap_or_else(|_| key.to_owned())
            }
        }
    }

    pub fn into_problems(self) -> Vec<String> {
        self.problems
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_catalogue_has_every_message() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut expected: Vec<String> = CATALOGUE_LANGS
            .iter()
            .map(|l| l.code().to_owned())
            .collect();
        expected.sort();
        assert_eq!(on_disk, expected, "locales/ and CATALOGUE_LANGS disagree");

        let english = crate::testing::catalogue_ids(&dir.join("en/mail.ftl"));
        assert!(english.len() > 30, "{english:?}");
        for lang in CATALOGUE_LANGS {
            let ids = crate::testing::catalogue_ids(&dir.join(lang.code()).join("mail.ftl"));
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{lang}: missing {missing:?}");
            assert!(extra.is_empty(), "{lang}: not in English {extra:?}");
        }
    }

    #[test]
    fn other_languages_fall_back_to_english() {
        assert_eq!(catalogue_lang(Lang::Uk), Lang::En);
        assert_eq!(catalogue_lang(Lang::Ru), Lang::Ru);
        let mut tr = Tr::new(Lang::Hu);
        assert_eq!(tr.lang(), Lang::En);
        assert_eq!(tr.get("contact-phone"), "Phone");
        assert!(tr.into_problems().is_empty());
    }

    #[test]
    fn problems_are_collected_not_fatal() {
        let mut tr = Tr::new(Lang::Pl);
        assert_eq!(tr.get("no-such-message"), "no-such-message");
        // A message that needs an argument, without it: the text still comes out.
        let greeting = tr.get("greeting");
        assert!(!greeting.is_empty());
        let problems = tr.into_problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |lang, n: u32| {
            let mut tr = Tr::new(lang);
            let s = tr.with(
                "digest-section",
                &[("search", "x".into()), ("count", n.into())],
            );
            assert!(tr.into_problems().is_empty());
            s
        };
        assert!(count(Lang::Pl, 1).ends_with("1 nowa oferta"));
        assert!(count(Lang::Pl, 3).ends_with("3 nowe oferty"));
        assert!(count(Lang::Pl, 5).ends_with("5 nowych ofert"));
        assert!(count(Lang::Pl, 22).ends_with("22 nowe oferty"));
        assert!(count(Lang::Pl, 12).ends_with("12 nowych ofert"));
        assert!(count(Lang::Ru, 21).ends_with("21 новое предложение"));
        assert!(count(Lang::Ru, 3).ends_with("3 новых предложения"));
        assert!(count(Lang::Ru, 11).ends_with("11 новых предложений"));
        assert!(count(Lang::De, 1).ends_with("1 neues Angebot"));
        assert!(count(Lang::En, 2).ends_with("2 new offers"));
    }

    #[test]
    fn arguments_are_not_isolated_or_interpreted() {
        let mut tr = Tr::new(Lang::En);
        let s = tr.with(
            "interest-declined-subject",
            &[("title", "{ $title } <b>&amp;</b>".into())],
        );
        assert_eq!(s, "Your interest in “{ $title } <b>&amp;</b>”");
        assert!(tr.into_problems().is_empty());
    }
}
