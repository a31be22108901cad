//! The domain's field errors (stable codes, English messages for the API) in the reader's
//! language (`locales/*/validation.ftl`).

use klaster_domain::FieldError;

use super::i18n::Tr;

/// Codes with a message of their own; any other code gets the general one.
const KNOWN: &[&str] = &[
    "required",
    "too_long",
    "out_of_range",
    "not_integer",
    "invalid_type",
    "invalid_email",
    "invalid_phone",
    "invalid_url",
    "invalid_url_scheme",
    "invalid_postal_code",
    "invalid_date",
    "unknown_option",
    "unknown_nace",
    "unknown_region",
    "unknown_country",
    "region_not_in_country",
    "nip_checksum",
    "regon_checksum",
    "vat_checksum",
    "vat_format",
    "unp_checksum",
    "must_accept",
    "too_many",
    "size_class_mismatch",
    "in_the_past",
    "date_order",
    "invalid_character",
    "duplicate",
];

pub fn message(tr: &Tr, e: &FieldError) -> String {
    let code = if KNOWN.contains(&e.code) {
        e.code
    } else {
        "invalid"
    };
    tr.t(&format!("verr-{code}"))
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;
    use crate::pages::i18n::MISSING_OPEN;

    #[test]
    fn every_known_code_has_a_message_in_every_ui_language() {
        for lang in crate::pages::lang::UI_LANGS {
            let tr = Tr::new(lang);
            for code in KNOWN.iter().chain(&["invalid", "something_new"]) {
                let e = FieldError {
                    field: "x".into(),
                    code,
                    message: String::new(),
                };
                let m = message(&tr, &e);
                assert!(!m.contains(MISSING_OPEN), "{lang} {code}");
            }
        }
        let e = FieldError {
            field: "x".into(),
            code: "nip_checksum",
            message: String::new(),
        };
        assert_eq!(
            message(&Tr::new(Lang::Pl), &e),
            "Ten NIP jest nieprawidłowy: sprawdź cyfry."
        );
    }
}
