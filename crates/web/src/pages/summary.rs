//! An offer as a list shows it (home page, search results): title in the reader's language
//! where a translation exists, else the original, marked.

use klaster_domain::offer::OfferKind;
use klaster_domain::{LocalizedText, Organisation};
use klaster_store::offers::{OfferRecord, OfferText};
use klaster_translate::{Field, Lang, render_field};

use super::i18n::Tr;
use crate::api::offers::{OfferOut, offer_out};

pub struct OfferSummary {
    pub href: String,
    pub title: String,
    /// The language the title is in (`lang` attribute).
    pub title_lang: String,
    /// "original language: Polish" when the title is not in the reader's language, or a
    /// note that the translation is partial.
    pub original: Option<String>,
    pub kind: String,
    pub country: String,
    pub deadline: Option<String>,
    /// Search results only: already-escaped HTML from the index.
    pub snippet_html: Option<String>,
    pub snippet_lang: String,
}

/// An offer kind's name in `lang`, from the termbase.
pub fn kind_label(kind: OfferKind, lang: Lang) -> String {
    let k = crate::api::fields::kind(kind);
    klaster_translate::label(k.key(), lang).to_string()
}

/// A country's name in `lang` (the code itself when unknown).
pub fn country_name(code: &str, lang: Lang) -> String {
    render_field(&Field::Country(code), lang).map_or_else(|| code.to_string(), |r| r.text)
}

/// An organisation's name in `lang` if it has one, else its primary name.
pub fn org_name(org: &Organisation, lang: Lang) -> Option<&LocalizedText> {
    org.names
        .iter()
        .find(|n| n.lang == lang.code())
        .or(org.names.first())
}

/// A region's name in `lang`, if the code is a known region.
pub fn region_name(code: &str, lang: Lang) -> Option<String> {
    klaster_refdata::regions::get(code).map(|r| r.name(lang.code()).to_string())
}

/// Where an organisation is: its region's name in `lang`, else its country's.
pub fn org_place(org: &Organisation, lang: Lang) -> String {
    org.region
        .as_deref()
        .and_then(|r| region_name(r, lang))
        .unwrap_or_else(|| country_name(&org.country, lang))
}

/// A stored web address as a link target: only `http(s)` addresses, so a stored
/// `javascript:` link can never become one.
pub fn web_link(url: Option<&str>) -> Option<String> {
    url.filter(|w| w.starts_with("https://") || w.starts_with("http://"))
        .map(str::to_string)
}

/// A working language's name in the UI language (the code when it is not one).
pub fn language_name(code: &str, ui: Lang) -> String {
    Lang::parse(code).map_or_else(|| code.to_string(), |l| l.name_in(ui).to_string())
}

/// The summary of `rec` for a reader of `tr`'s language; the text is chosen as the JSON API
/// chooses `display`.
pub fn summarise(rec: OfferRecord, texts: Vec<OfferText>, tr: &Tr) -> OfferSummary {
    let ui = tr.lang();
    let out: OfferOut = offer_out(rec, texts, Some(ui.code()), false);
    let (title, title_lang, status) = match &out.display {
        Some(d) => (d.title.clone(), d.lang.clone(), d.status.as_str()),
        None => (out.offer.title.clone(), out.offer.lang.clone(), "original"),
    };
    let original_name = language_name(&out.offer.lang, ui);
    let original = if title_lang != ui.code() {
        Some(tr.a(
            "original-language",
            &[("language", &language_name(&title_lang, ui))],
        ))
    } else if status == "partial" {
        // Parts of a partial translation are still in the original: say which language.
        Some(tr.a("partial-translation", &[("language", &original_name)]))
    } else {
        None
    };
    OfferSummary {
        href: format!("/offers/{}", out.id),
        title,
        title_lang,
        original,
        kind: kind_label(out.offer.kind, ui),
        country: country_name(&out.offer.country, ui),
        deadline: out
            .offer
            .expires_on
            .map(|d| klaster_translate::render::date(d, ui)),
        snippet_html: None,
        snippet_lang: String::new(),
    }
}
