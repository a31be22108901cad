//! The API's field errors (paths and codes of `OfferInput`, interests, saved searches) as
//! messages next to the form's inputs, in the reader's language.

use std::collections::BTreeMap;

use crate::ApiError;
use crate::pages::forms::Field;
use crate::pages::i18n::Tr;

/// The input a field path of the API names: `details.quantity.value` -> `quantity_value`,
/// `nace[1]` -> `nace`, `visibility.cluster_id` -> `visibility`.
pub fn form_name(path: &str) -> String {
    let (details, p) = match path.strip_prefix("details.") {
        Some(p) => (true, p),
        None => (false, path),
    };
    let base = p.split(['[', '.']).next().unwrap_or(p);
    match (details, base) {
        (true, "quantity") => "quantity_value",
        (true, "country") => "fair_country",
        (_, b) => b,
    }
    .to_string()
}

/// A code's message; codes without their own message get a general one.
pub fn message(tr: &Tr, code: &str) -> String {
    let key = match code {
        "required" => "of-error-required",
        "too_long" => "of-error-too-long",
        "too_many" => "of-error-too-many",
        "invalid_character" => "of-error-invalid-character",
        "unknown_language" | "unsupported_language" => "of-error-language",
        "undetected_language" => "of-error-undetected-language",
        "unknown_country" => "of-error-country",
        "unknown_region" => "of-error-region",
        "region_not_in_country" => "of-error-region-country",
        "unknown_nace" => "of-error-nace",
        "in_the_past" => "of-error-past",
        "date_order" => "of-error-date-order",
        "out_of_range" => "of-error-range",
        "not_a_number" => "of-error-number",
        "not_a_date" => "of-error-date",
        "not_a_member" => "of-error-not-member",
        "unknown_organisation" | "immutable" => "of-error-organisation",
        "own_offer" => "of-error-own-offer",
        "unknown_contact" => "of-error-contact",
        _ => "of-error-invalid",
    };
    tr.t(key)
}

/// Messages by input name, the first error of each input.
#[derive(Debug, Default)]
pub struct Errors(pub BTreeMap<String, String>);

impl Errors {
    pub fn add(&mut self, tr: &Tr, path: &str, code: &str) {
        self.0
            .entry(form_name(path))
            .or_insert_with(|| message(tr, code));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The field errors of a 422 from the API; `None` when the API refused for another reason.
    pub fn of_api(tr: &Tr, e: &ApiError) -> Option<Errors> {
        if e.status() != axum::http::StatusCode::UNPROCESSABLE_ENTITY {
            return None;
        }
        let mut out = Errors::default();
        for p in e.field_problems() {
            out.add(tr, &p.field, &p.code);
        }
        Some(out)
    }
    /// Puts each message on its field.
    pub fn apply(&self, fields: &mut [Field]) {
        for f in fields {
            if let Some(m) = self.0.get(&f.name) {
                f.error = Some(m.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use klaster_translate::Lang;

    use super::*;

    #[test]
    fn api_paths_name_the_inputs() {
        assert_eq!(form_name("details.quantity.value"), "quantity_value");
        assert_eq!(form_name("details.machines[0].name"), "machines");
        assert_eq!(form_name("details.country"), "fair_country");
        assert_eq!(form_name("country"), "country");
        assert_eq!(form_name("nace[2]"), "nace");
        assert_eq!(form_name("visibility.cluster_id"), "visibility");
        let tr = Tr::new(Lang::Pl);
        assert_ne!(message(&tr, "required"), message(&tr, "something_new"));
    }
}
