//! An offer's structured fields rendered in the reader's language from data (termbase labels,
//! official NACE and country names, the locale's dates and numbers) — never machine-translated.
//! Free text inside the structure (materials, process names) stays as written, marked with
//! its language.

use klaster_domain::offer::{Offer, OfferDetails, OfferKind as Kind, Quantity};
use klaster_translate::{Field, Lang, OfferKind, Unit, label, render_field};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldOut {
    /// Stable key of the field (`deadline`, `quantity`...).
    pub key: &'static str,
    /// The field's name in the reader's language.
    pub label: String,
    pub value: String,
    /// The language `value` is in: the reader's, English where official data has no
    /// translation, or the author's for free text.
    pub lang: String,
    /// Free text as the author wrote it (not rendered from data).
    pub as_written: bool,
}

struct Out<'a> {
    lang: Lang,
    author: &'a str,
    fields: Vec<FieldOut>,
}

impl Out<'_> {
    /// Values rendered from data, joined; a value the termbase lacks is shown as its code.
    fn data(&mut self, key: &'static str, values: &[Field<'_>]) {
        if values.is_empty() {
            return;
        }
        let mut lang = self.lang;
        let parts: Vec<String> = values
            .iter()
            .map(|f| match render_field(f, self.lang) {
                Some(r) => {
                    if r.lang != self.lang {
                        lang = r.lang;
                    }
                    r.text
                }
                None => format!("{f:?}"),
            })
            .collect();
        self.push(key, parts.join("; "), lang.code().to_string(), false);
    }

    fn text(&mut self, key: &'static str, value: &str) {
        if !value.trim().is_empty() {
            self.push(key, value.to_string(), self.author.to_string(), true);
        }
    }

    fn push(&mut self, key: &'static str, value: String, lang: String, as_written: bool) {
        self.fields.push(FieldOut {
            key,
            label: label(key, self.lang).to_string(),
            value,
            lang,
            as_written,
        });
    }
}

pub(crate) fn kind(k: Kind) -> OfferKind {
    match k {
        Kind::OrderHandover => OfferKind::Subcontracting,
        Kind::FreeCapacity => OfferKind::Capacity,
        Kind::BusinessOffer => OfferKind::BusinessOffer,
        Kind::BusinessRequest => OfferKind::BusinessRequest,
        Kind::TechnologyOffer => OfferKind::TechnologyOffer,
        Kind::TechnologyRequest => OfferKind::TechnologyRequest,
        Kind::ProjectPartnerSearch => OfferKind::JointProject,
        Kind::JointTradeFair => OfferKind::TradeFairStand,
    }
}

/// The termbase unit of a domain unit (both use the same snake_case names).
fn unit(q: &Quantity) -> Option<Unit> {
    serde_json::to_value(q.unit)
        .ok()
        .and_then(|v| serde_json::from_value(v).ok())
}

/// `prefix.<snake_case name>` of a serde enum value, a termbase key.
fn term_key<T: Serialize>(prefix: &str, v: &T) -> String {
    format!("{prefix}.{}", super::enum_str(v))
}

fn terms<'a>(keys: &'a [String]) -> Vec<Field<'a>> {
    keys.iter().map(|k| Field::Term(k)).collect()
}

fn details(o: &mut Out<'_>, d: &OfferDetails) {
    match d {
        OfferDetails::OrderHandover {
            quantity,
            deadline,
            delivery_city,
            delivery_country,
            required_certifications,
            materials,
            drawings_attached,
        } => {
            if let Some(q) = quantity
                && let Some(u) = unit(q)
            {
                o.data(
                    "quantity",
                    &[Field::Quantity {
                        amount: q.value,
                        unit: u,
                    }],
                );
            }
            o.data("deadline", &[Field::Date(*deadline)]);
            if let Some(c) = delivery_country {
                let city = delivery_city.as_deref().unwrap_or("");
                let country =
                    render_field(&Field::Country(c), o.lang).map_or(c.clone(), |r| r.text);
                let place = [city, country.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ");
                o.push("place_of_delivery", place, o.lang.code().to_string(), false);
            }
            let certs: Vec<Field<'_>> = required_certifications
                .iter()
                .map(|c| Field::Certification(c))
                .collect();
            o.data("required_certifications", &certs);
            o.text("materials", materials.as_deref().unwrap_or(""));
            let yes_no = if *drawings_attached {
                "phrase.yes"
            } else {
                "phrase.no"
            };
            o.data("drawings_attached", &[Field::Term(yes_no)]);
        }
        OfferDetails::FreeCapacity(c) => {
            let machines: Vec<String> = c
                .machines
                .iter()
                .map(|m| match m.quantity {
                    Some(n) => format!("{} × {n}", m.name),
                    None => m.name.clone(),
                })
                .collect();
            o.text("machines", &machines.join("; "));
            o.text("processes", &c.processes.join("; "));
            o.data(
                "hours_per_week",
                &[Field::Quantity {
                    amount: f64::from(c.hours_per_week),
                    unit: Unit::HoursPerWeek,
                }],
            );
            o.data("available_from", &[Field::Date(c.available_from)]);
            o.data("available_to", &[Field::Date(c.available_to)]);
        }
        OfferDetails::BusinessOffer {
            products,
            target_countries,
        }
        | OfferDetails::BusinessRequest {
            products,
            target_countries,
        } => {
            o.text("keywords", &products.join("; "));
            let c: Vec<Field<'_>> = target_countries.iter().map(|c| Field::Country(c)).collect();
            o.data("target_countries", &c);
        }
        OfferDetails::TechnologyOffer {
            stage,
            ip,
            partnership,
        } => {
            let keys = [term_key("stage", stage), term_key("ip", ip)];
            o.data("stage_of_development", &terms(&keys[..1]));
            o.data("intellectual_property", &terms(&keys[1..]));
            let p: Vec<String> = partnership
                .iter()
                .map(|p| term_key("partnership", p))
                .collect();
            o.data("partnership_sought", &terms(&p));
        }
        OfferDetails::TechnologyRequest { stage, partnership } => {
            let s: Vec<String> = stage.iter().map(|s| term_key("stage", s)).collect();
            o.data("stage_of_development", &terms(&s));
            let p: Vec<String> = partnership
                .iter()
                .map(|p| term_key("partnership", p))
                .collect();
            o.data("partnership_sought", &terms(&p));
        }
        OfferDetails::ProjectPartnerSearch {
            programme,
            partner_roles,
            deadline,
        } => {
            o.text("call_or_programme", programme.as_deref().unwrap_or(""));
            let r: Vec<String> = partner_roles.iter().map(|r| format!("role.{r}")).collect();
            o.data("partner_roles_sought", &terms(&r));
            o.data("deadline", &[Field::Date(*deadline)]);
        }
        OfferDetails::JointTradeFair(f) => {
            o.text("trade_fair", &f.fair);
            o.text("city", &f.city);
            o.data("country", &[Field::Country(&f.country)]);
            o.data("dates", &[Field::DateRange(f.starts_on, f.ends_on)]);
            o.text(
                "stand_cost_sharing",
                f.cost_sharing.as_deref().unwrap_or(""),
            );
        }
    }
}

/// Every structured field of `offer` in `lang`, in reading order.
pub fn render(offer: &Offer, lang: Lang) -> Vec<FieldOut> {
    let mut o = Out {
        lang,
        author: &offer.lang,
        fields: Vec::new(),
    };
    o.data("offer_kind", &[Field::Kind(kind(offer.kind))]);
    details(&mut o, &offer.details);
    let nace: Vec<Field<'_>> = offer.nace.iter().map(|c| Field::Nace(c)).collect();
    o.data("sector", &nace);
    o.data("country", &[Field::Country(&offer.country)]);
    if let Some(r) = &offer.region {
        let name =
            klaster_refdata::regions::get(r).map_or(r.clone(), |x| x.name(lang.code()).to_string());
        o.push(
            "region",
            format!("{r} {name}"),
            lang.code().to_string(),
            false,
        );
    }
    o.text("keywords", &offer.keywords.join("; "));
    if let Some(d) = offer.expires_on {
        o.data("valid_until", &[Field::Date(d)]);
    }
    o.fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> Offer {
        let v = serde_json::json!({
            "organisation_id": 1, "lang": "pl", "title": "Przekażemy zlecenie",
            "details": {"kind": "order_handover", "quantity": {"value": 500, "unit": "piece"},
                        "deadline": "2027-02-15", "delivery_city": "Białystok", "delivery_country": "PL",
                        "required_certifications": ["EN 1090"], "materials": "stal S355",
                        "drawings_attached": true},
            "nace": ["25.11"], "country": "PL", "region": "PL84"
        });
        serde_json::from_value::<klaster_domain::offer::OfferInput>(v)
            .unwrap()
            .validate(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
            .unwrap()
    }

    #[test]
    fn an_order_handover_reads_in_russian_from_data() {
        let f = render(&offer(), Lang::Ru);
        let get = |k: &str| {
            f.iter()
                .find(|x| x.key == k)
                .unwrap_or_else(|| panic!("{k}: {f:#?}"))
        };
        assert!(!get("offer_kind").as_written);
        assert_eq!(get("offer_kind").lang, "ru");
        assert!(
            get("quantity").value.starts_with("500 "),
            "{:?}",
            get("quantity")
        );
        assert!(get("deadline").value.contains("2027"));
        assert!(
            get("place_of_delivery").value.contains("Польша"),
            "{:?}",
            get("place_of_delivery")
        );
        assert!(get("required_certifications").value.starts_with("EN 1090"));
        assert_eq!(get("materials").value, "stal S355");
        assert!(get("materials").as_written);
        assert_eq!(get("materials").lang, "pl");
        // every label and every value from data is in Cyrillic script: nothing left in Polish
        for x in f.iter().filter(|x| !x.as_written && x.key != "region") {
            assert!(
                x.label
                    .chars()
                    .any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
                "label of {} not Russian: {}",
                x.key,
                x.label
            );
            assert_eq!(x.lang, "ru", "{x:?}");
        }
        let de = render(&offer(), Lang::De);
        assert_ne!(
            de[0].label, f[0].label,
            "labels follow the reader's language"
        );
    }
}
