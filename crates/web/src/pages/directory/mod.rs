//! The public directory: `/directory` searches organisations and clusters (the filters and
//! checks of `GET /api/v1/organisations`), `/directory/{id}` shows one organisation's public
//! profile, with a cluster's members, statuses and history when it is a cluster organisation.
//! Personal data (contact people) is never shown.

mod cluster;
mod manage;
mod profile;
mod search;

use klaster_domain::{OrgKind, Organisation, SizeClass};
use klaster_translate::Lang;

use super::i18n::Tr;
use super::summary::org_name;

pub use manage::routes as manage_routes;
pub use profile::page as profile;
pub use search::page as search;

/// A text with the language it is written in (`lang` attribute).
pub struct Named {
    pub text: String,
    pub lang: String,
}

impl Named {
    /// The organisation's name in `lang` where it has one, else its primary name.
    pub fn of(org: &Organisation, lang: Lang) -> Named {
        org_name(org, lang).map_or_else(
            || Named {
                text: String::new(),
                lang: String::new(),
            },
            |n| Named {
                text: n.text.clone(),
                lang: n.lang.clone(),
            },
        )
    }
}

/// A link with its text.
pub struct Link {
    pub label: String,
    pub href: String,
}

/// The profile page of an organisation.
pub fn org_href(id: i64) -> String {
    format!("/directory/{id}")
}

pub fn kind_label(tr: &Tr, kind: OrgKind) -> String {
    tr.t(&format!("dir-kind-{}", kind.as_str()))
}

pub fn size_label(tr: &Tr, size: SizeClass) -> String {
    tr.t(&format!("dir-size-{}", size.as_str()))
}

/// A NACE code with its official title in `lang` ("25.62 Machining").
pub fn nace_label(code: &str, lang: Lang) -> String {
    match klaster_refdata::nace::get(code) {
        Some(n) => format!("{} {}", n.code, sentence_case(n.title(lang.code()))),
        None => code.to_string(),
    }
}

/// The official tables write section titles in capitals: shown as a sentence instead.
fn sentence_case(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_string();
    }
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nace_labels_read_as_sentences() {
        assert_eq!(nace_label("C", Lang::En), "C Manufacturing");
        assert_eq!(nace_label("c", Lang::Pl), "C Przetwórstwo przemysłowe");
        assert_eq!(nace_label("25.62", Lang::En), "25.62 Machining");
        assert_eq!(nace_label("99.99", Lang::En), "99.99");
    }
}
